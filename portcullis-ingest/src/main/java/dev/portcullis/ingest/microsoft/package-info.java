/**
 * Microsoft product knowledge shared by several parsers: Windows status and logon codes
 * ({@code WindowsCodes}), Windows Security events whichever encoding carried them ({@code WindowsSecurity},
 * for the XML and JSON readers), Exchange client-access web requests ({@code WebRequest},
 * {@code ExchangeWeb}, for the IIS and Windows readers), Entra ID sign-in outcomes ({@code EntraOutcome})
 * Exchange mailbox audit records of the Microsoft 365 audit log ({@code M365MailboxRecords}) and SQL
 * Server's login messages ({@code SqlServerLogins}, for its error log and the Application event log).
 *
 * <p>Rules: no line or record format here (that is the parser's, in {@code format}); classes take
 * already-split fields and emit events. Never throw on untrusted input; bound what is kept per run;
 * instances keep per-run state and are not thread-safe.
 */
package dev.portcullis.ingest.microsoft;
