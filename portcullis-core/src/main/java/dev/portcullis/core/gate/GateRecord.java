package dev.portcullis.core.gate;

import java.time.Instant;

/** A piece of the gate's state that outlives a request and is persisted: keyed, with an optional expiry. */
public sealed interface GateRecord permits Block, Lockout, Lockdown, Allow {
    String key();

    /** Null: until removed. */
    Instant until();

    default boolean expired(Instant now) {
        return until() != null && !until().isAfter(now);
    }
}
