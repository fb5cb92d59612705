/**
 * The parsers: one class per log format ({@code DovecotParser}, {@code W3cParser}, {@code KeycloakParser}…),
 * each registered by one line in {@code Formats}.
 *
 * <p>Rules: only parsers live here; what two parsers share goes to {@code text} (format-neutral reading)
 * or {@code microsoft} (Microsoft product knowledge). A parser reads untrusted text: it never throws,
 * uses no regular expressions on the per-line path, bounds every table it keeps, never copies a
 * password, and answers UNRECOGNISED for lines that are not its format so the sniffer can try the next.
 * Parsers keep per-run state and are not thread-safe.
 */
package dev.portcullis.ingest.format;
