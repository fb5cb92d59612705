/**
 * Telling people about incidents: {@code Notifier} queues deliveries in the store and sends them
 * ({@code Letters} renders owner and security-team letters from {@code Templates}; an {@code Outbox}
 * sends them: {@code SmtpOutbox} over SMTP, {@code EmlOutbox} as {@code .eml} files for a dry run;
 * {@code Webhook} signs a JSON call with HMAC-SHA256); {@code NotifyConfig} is the validated
 * {@code notify:} section.
 *
 * <p>Rules: at most once per (incident, account, kind): a delivery is claimed in the store before it is
 * sent, and one interrupted mid-send becomes {@code unknown}, never resent; definite failures are retried
 * with exponential back-off, driven by {@code tick(now)} (no sleeping, no clock inside). Network I/O:
 * runs on a thread of its own in the server, never on the event loop. Letters and audit entries carry
 * accounts, times and addresses, never a password or a token; secrets live only in {@code NotifyConfig}.
 * Templates are checked at start (an unknown placeholder is an error naming the file).
 */
package dev.portcullis.respond.notify;
