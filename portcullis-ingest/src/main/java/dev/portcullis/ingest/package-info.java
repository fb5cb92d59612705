/**
 * The ingest pipeline: bytes in, normalised {@code AuthEvent}s out. {@link Ingest}
 * reads inputs line by line, the {@link Sniffer} hands each line to the first
 * {@link LineFormat} that recognises it, parsers report a
 * {@link Status} and write events to an {@link EventSink};
 * {@link Formats} is the one place where parsers are registered.
 *
 * <p>Rules: this package holds the pipeline and the contracts parsers implement, not parsing itself.
 * Per-input state lives in the {@link InputContext}; per-run state in the parser
 * instances of one {@code Formats}, so nothing here is shared between runs. A bad line is counted
 * ({@link ParseStats}), never fatal; secrets are redacted before a line is sampled.
 */
package dev.portcullis.ingest;
