package dev.portcullis.store;

/** One write of the gate's state: a put (insert or replace by key) or a remove by key. */
public sealed interface Change {

    /** Inserts or replaces the record with the same key (see each record's {@code key()}). */
    record Put(StateRecord record) implements Change {}

    /** Removes the record of this type and key, if present. */
    record Remove(Class<? extends StateRecord> type, String key) implements Change {}

    static Change put(StateRecord r) { return new Put(r); }

    static Change remove(Class<? extends StateRecord> type, String key) { return new Remove(type, key); }
}
