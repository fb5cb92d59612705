/**
 * Syslog-style records: {@link SyslogFormat} splits the envelope (RFC 3164,
 * RFC 3339 stamps, RFC 5424, Dovecot's own log file) into an {@link Envelope}
 * and hands the message to the {@link MessageParser} for its program;
 * {@code SyslogTime} reads the envelope's time with a per-input hour cache.
 *
 * <p>Rules: message parsers (Dovecot, Postfix, sshd…) live in {@code format}; this package knows
 * envelopes, not messages. Not thread-safe; one envelope reused per input.
 */
package dev.portcullis.ingest.syslog;
