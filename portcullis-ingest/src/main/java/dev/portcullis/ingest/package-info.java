/**
 * The ingest pipeline: bytes in, normalised {@code AuthEvent}s out. {@link dev.portcullis.ingest.Ingest}
 * reads inputs line by line, the {@link dev.portcullis.ingest.Sniffer} hands each line to the first
 * {@link dev.portcullis.ingest.LineFormat} that recognises it, parsers report a
 * {@link dev.portcullis.ingest.Status} and write events to an {@link dev.portcullis.ingest.EventSink};
 * {@link dev.portcullis.ingest.Formats} is the one place where parsers are registered.
 *
 * <p>Rules: this package holds the pipeline and the contracts parsers implement, not parsing itself.
 * Per-input state lives in the {@link dev.portcullis.ingest.InputContext}; per-run state in the parser
 * instances of one {@code Formats}, so nothing here is shared between runs. A bad line is counted
 * ({@link dev.portcullis.ingest.ParseStats}), never fatal; secrets are redacted before a line is sampled.
 */
package dev.portcullis.ingest;
