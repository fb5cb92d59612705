package dev.portcullis.core.engine;

import dev.portcullis.core.LruTable;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A map with a hard cap on its size, for state keyed by what attackers choose (addresses, account
 * names). Design note:
 * <ul>
 *   <li>Order: least recently used first ({@link LruTable}: an open-addressing table with a recency
 *       list; the LinkedHashMap it replaced was ~20 % of the engine thread on the realistic mix,
 *       issue 11).</li>
 *   <li>Eviction: when full, the {@value #SAMPLE} least recently used entries are examined and the one
 *       with the lowest usefulness score goes (a single success from a benign address scores low, an
 *       address with failures scores high), so a flood of one-off keys pushes out other one-off keys
 *       before it pushes out the evidence of an attack.</li>
 *   <li>Hash flooding: the table's hash is keyed with a random per-table key, so colliding keys
 *       cannot be chosen (String.hashCode collisions do not collide here).</li>
 *   <li>Not thread-safe: the engine is single-threaded by design.</li>
 * </ul>
 */
public final class BoundedTable<V> {
    static final int SAMPLE = 8;

    private final int capacity;
    private final ToIntFunction<V> usefulness;
    private final LruTable<V> map;
    private long evictions;

    public BoundedTable(int capacity, ToIntFunction<V> usefulness) {
        this.capacity = capacity;
        this.usefulness = usefulness;
        this.map = new LruTable<>(Math.max(1, capacity));
    }

    public V get(String key) {
        return map.get(key);
    }

    public V getOrCreate(String key, Function<String, V> create) {
        V v = map.get(key);
        if (v == null) {
            if (map.size() >= capacity) {
                evictOne();
            }
            v = create.apply(key);
            map.put(key, v);
        }
        return v;
    }

    private void evictOne() {
        int victim = -1;
        int best = Integer.MAX_VALUE;
        int id = map.eldest();
        for (int i = 0; i < SAMPLE && id >= 0; i++, id = map.newer(id)) {
            int score = usefulness.applyAsInt(map.valueAt(id));
            if (score < best) {
                best = score;
                victim = id;
                if (score == 0) {
                    break;
                }
            }
        }
        if (victim >= 0) {
            map.removeAt(victim);
            evictions++;
        }
    }

    public int size() {
        return map.size();
    }

    public long evictions() {
        return evictions;
    }

    public Iterable<Map.Entry<String, V>> entries() {
        return map.entries();
    }

    public Iterable<V> values() {
        return map.values();
    }

    /** Removes and returns the entry, or null. */
    public V remove(String key) {
        return map.remove(key);
    }

    /** Removes every entry. */
    public void clear() {
        map.clear();
    }
}
