/**
 * The audit of stored credentials: readers of NTLM dumps ({@code NtlmDumpReader}) and Dovecot
 * passwd-files or htpasswd ({@code PasswdFileReader}, over {@code CredentialLines}) yield
 * {@code Credential}s; the {@code Auditor} groups unsalted hashes to find shared passwords, looks NT
 * hashes up in a corpus index, tries each account's {@code Candidates} within a budget and judges what it
 * recovers with the {@code PasswordCheck}; {@code Priority} puts first the accounts recent attacks went
 * after (from an {@code analyze} JSON report); {@code AuditReport} renders text, JSON and CSV, one
 * {@code AccountResult} per account. {@code AuditConfig} holds the budgets.
 *
 * <p>Rules: a result names the rule that matched, never the password; a recovered password's copy is
 * dropped once judged. Cost is bounded (at most accounts × budget hash computations); an over-long line
 * (4,096 characters in a dump, 8,192 in a passwd-file) is an error, and an error names file and line
 * without quoting it. File I/O (readers); {@code Auditor} runs one audit at a time on its own worker
 * threads.
 */
package dev.portcullis.passwords.audit;
