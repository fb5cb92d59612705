package dev.portcullis.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map from a join key (a Dovecot session id, an sshd pid) to a small signed counter, used
 * to count one guess once when two log lines record it. Keys come from the log, so an attacker can
 * create them: the table keeps at most {@code capacity} entries and forgets the least recently used.
 * Not thread-safe.
 */
public final class JoinTable<V> {
    private final LinkedHashMap<String, V> map;

    public JoinTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(String key) {
        return key == null ? null : map.get(key);
    }

    public void put(String key, V value) {
        if (key != null) {
            map.put(key, value);
        }
    }

    public V remove(String key) {
        return key == null ? null : map.remove(key);
    }

    public int size() {
        return map.size();
    }
}
