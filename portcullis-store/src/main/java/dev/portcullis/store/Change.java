package dev.portcullis.store;

import dev.portcullis.core.gate.GateRecord;

/**
 * One write of the gate's state: a put (insert or replace by key) or a remove by key. The records are
 * core's own ({@link dev.portcullis.core.gate.Block}, {@link dev.portcullis.core.gate.Lockout},
 * {@link dev.portcullis.core.gate.Lockdown}, {@link dev.portcullis.core.gate.Allow}): the store keeps
 * no copies of them.
 */
public sealed interface Change {

    /** Inserts or replaces the record with the same key (see each record's {@code key()}). */
    record Put(GateRecord record) implements Change {}

    /** Removes the record of this type and key, if present. */
    record Remove(Class<? extends GateRecord> type, String key) implements Change {}

    static Change put(GateRecord r) { return new Put(r); }

    static Change remove(Class<? extends GateRecord> type, String key) { return new Remove(type, key); }

    /** Removes the record of {@code r}'s type with {@code r}'s key. */
    static Change remove(GateRecord r) { return new Remove(r.getClass(), r.key()); }
}
