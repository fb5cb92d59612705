package dev.portcullis.ingest;

/**
 * The consumer behind a sink failed (standard output closed by {@code head}, a bug in the engine):
 * reading must stop. Thrown by {@link AsyncSink} to the producer with the consumer's exception as its
 * cause. The places that turn a parser's exception into an unparsed line ({@link Sniffer}, the JSON and
 * CSV pickers) let this one through, since the line was read and the failure is not the line's.
 */
public final class SinkFailedException extends RuntimeException {
    public SinkFailedException(Throwable cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
}
