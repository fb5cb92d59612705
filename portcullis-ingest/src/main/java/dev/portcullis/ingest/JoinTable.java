package dev.portcullis.ingest;

import dev.portcullis.core.LruTable;

/**
 * A bounded map from a join key (a Dovecot session id, an sshd pid) to a small signed counter, used
 * to count one guess once when two log lines record it. Keys come from the log, so an attacker can
 * create them: the table keeps at most {@code capacity} entries and forgets the least recently used.
 * Most keys are put once and removed soon after (the second line of a pair), so the table is an
 * open-addressing {@link LruTable} (removal shifts back, no tombstones, hash keyed per table) rather
 * than a LinkedHashMap, whose removal was ~15 % of {@code parse} on the realistic mix (issue 11).
 * Not thread-safe.
 */
public final class JoinTable<V> {
    private final LruTable<V> table;

    public JoinTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.table = new LruTable<>(capacity);
    }

    public V get(String key) {
        return key == null ? null : table.get(key);
    }

    public void put(String key, V value) {
        if (key != null) {
            table.put(key, value);
        }
    }

    public V remove(String key) {
        return key == null ? null : table.remove(key);
    }

    public int size() {
        return table.size();
    }
}
