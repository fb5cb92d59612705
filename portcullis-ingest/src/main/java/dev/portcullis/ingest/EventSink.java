package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;

/** Receives the events parsers emit, in input order. Not thread-safe unless an implementation says so. */
@FunctionalInterface
public interface EventSink {
    void accept(AuthEvent event);
}
