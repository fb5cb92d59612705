package dev.portcullis.core.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A map with a hard cap on its size, for state keyed by what attackers choose (addresses, account
 * names). Design note:
 * <ul>
 *   <li>Order: least recently used first (LinkedHashMap in access order).</li>
 *   <li>Eviction: when full, the {@value #SAMPLE} least recently used entries are examined and the one
 *       with the lowest usefulness score goes (a single success from a benign address scores low, an
 *       address with failures scores high), so a flood of one-off keys pushes out other one-off keys
 *       before it pushes out the evidence of an attack.</li>
 *   <li>Hash flooding: keys are Strings, whose HashMap bins turn into balanced trees under collisions,
 *       bounding the damage of chosen collisions to O(log n) per operation.</li>
 *   <li>Not thread-safe: the engine is single-threaded by design.</li>
 * </ul>
 */
public final class BoundedTable<V> {
    static final int SAMPLE = 8;

    private final int capacity;
    private final ToIntFunction<V> usefulness;
    private final LinkedHashMap<String, V> map;
    private long evictions;

    public BoundedTable(int capacity, ToIntFunction<V> usefulness) {
        this.capacity = capacity;
        this.usefulness = usefulness;
        this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
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
        Iterator<Map.Entry<String, V>> it = map.entrySet().iterator();
        String victim = null;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < SAMPLE && it.hasNext(); i++) {
            Map.Entry<String, V> e = it.next();
            int score = usefulness.applyAsInt(e.getValue());
            if (score < best) {
                best = score;
                victim = e.getKey();
                if (score == 0) {
                    break;
                }
            }
        }
        if (victim != null) {
            map.remove(victim);
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
        return map.entrySet();
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
