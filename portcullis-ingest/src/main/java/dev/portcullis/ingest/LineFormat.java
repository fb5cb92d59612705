package dev.portcullis.ingest;

/**
 * A log format read one line (record) at a time. Implementations must never throw on any input:
 * what they cannot read they report as {@link Status#UNPARSED} or {@link Status#UNRECOGNISED}.
 */
public interface LineFormat {
    /** Short name, used in events' {@code format} and in summaries. */
    String name();

    Status parse(String line, InputContext ctx, EventSink out);

    /** End of an input: emit what the format still holds (a join waiting for a twin line). Default nothing. */
    default void finish(InputContext ctx, EventSink out) {
    }
}
