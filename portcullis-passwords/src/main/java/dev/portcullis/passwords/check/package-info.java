/**
 * The password check (NIST SP 800-63B-4), as a service the CLI and the server's
 * {@code /api/passwords/check} call: {@code PasswordCheck} ({@code check(char[], CheckContext)} →
 * {@code CheckResult} listing every {@code Finding}), configured by {@code PasswordPolicy} (validated);
 * its rules' parts: {@code CommonPasswords} (the built-in list, matched within one edit),
 * {@code BannedTerms} (Entra-style points for context words, names, seasons and years),
 * {@code Normaliser} (look-alike folding).
 *
 * <p>Rules: every rule is evaluated so the answer lists every reason; no composition rules. Immutable
 * after construction and thread-safe: one instance serves concurrent checks. No I/O per check (a corpus
 * index, when configured, is opened once). The caller owns the password array and zeroes it; internal
 * copies are zeroed, except the two Strings that libraries need, left to the garbage collector.
 */
package dev.portcullis.passwords.check;
