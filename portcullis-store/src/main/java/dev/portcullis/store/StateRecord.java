package dev.portcullis.store;

import java.time.Instant;

/** A piece of the gate's state, keyed; {@code until} null means until removed. */
public sealed interface StateRecord permits BlockRecord, LockoutRecord, LockdownRecord, AllowRecord {
    String key();

    Instant until();
}
