package dev.portcullis.core;

import java.util.AbstractMap;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * A String-keyed map with a hard cap on its size and a least-recently-used order, for state keyed by
 * what the log or the attacker chooses (session ids, addresses, account names). It does what a
 * {@code LinkedHashMap} in access order does for these tables, with far less work on the hot path
 * (issue 11, "Performance on the realistic mix": {@code LinkedHashMap.remove} alone was ~15 % of
 * {@code parse}). Design note:
 * <ul>
 *   <li>Entries live in parallel arrays (key, value, previous, next), addressed by an int id;
 *       freed ids are reused. The order (least recently used first) is a doubly linked list over the
 *       ids: {@link #get} and {@link #put} move an entry to the most recent end.</li>
 *   <li>The index is an open-addressing table of ids with linear probing, at most half full; a
 *       removal shifts the following entries of its cluster back (no tombstones, so a churn of
 *       inserts and removals never degrades it).</li>
 *   <li>Hash flooding: the hash is computed from the key's characters with a random per-table key
 *       (not {@code String.hashCode}, whose collisions anyone can compute), with a multiply and a
 *       rotation per four characters, so colliding keys cannot be chosen without the key, which never
 *       leaves the process. Iteration follows the recency order only, so output never depends on it.</li>
 *   <li>Bounded: a {@link #put} of a new key into a full table forgets the least recently used entry
 *       first; callers that choose their own victim ({@code BoundedTable}) remove it before.</li>
 *   <li>Memory: about 32 bytes per entry beside the key and value (vs ~48 for a LinkedHashMap entry
 *       with its bin); the arrays grow by doubling, never past the cap.</li>
 *   <li>Not thread-safe. Iterators fail fast if the table changes under them (as LinkedHashMap's do;
 *       in recency order a {@code get} is a change).</li>
 * </ul>
 */
public final class LruTable<V> {
    private static final int NONE = -1;
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;

    private final int capacity;
    private final long seed;
    private final long mul;

    private String[] keys;
    private Object[] values;
    private int[] prev;
    private int[] next;
    private int used;          // ids below this were handed out at least once
    private int free = NONE;   // freed ids, chained through next[]
    private int size;
    private int head = NONE;   // least recently used
    private int tail = NONE;   // most recently used
    private long[] index;      // slot -> hash << 32 | id + 1; 0 = empty (the hash beside the id: probes and
                               // removals never touch the entries of other keys)
    private int mask;
    private int modCount;

    /** A table holding at most {@code capacity} entries (at least one). */
    public LruTable(int capacity) {
        this.capacity = Math.max(1, capacity);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.seed = r.nextLong();
        this.mul = r.nextLong() | 1L;
        allocate();
    }

    private void allocate() {
        int n = Math.min(capacity, 16);
        keys = new String[n];
        values = new Object[n];
        prev = new int[n];
        next = new int[n];
        index = new long[32];
        mask = 31;
        used = 0;
        free = NONE;
        size = 0;
        head = tail = NONE;
    }

    /** The keyed hash of a key (see the class note). */
    private int hash(String s) {
        long h = seed;
        int n = s.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long w = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            h = Long.rotateLeft((h ^ w) * mul, 29);
        }
        long w = n;
        for (; i < n; i++) {
            w = w << 16 | s.charAt(i);
        }
        h = (h ^ w) * M1;
        h ^= h >>> 32;
        h *= M2;
        h ^= h >>> 29;
        return (int) h;
    }

    /** The slot holding key's id, or the empty slot where it would go (encoded as -slot - 1). */
    private int slotOf(String key, int h) {
        long[] ix = index;
        int m = mask;
        for (int s = h & m; ; s = (s + 1) & m) {
            long x = ix[s];
            if (x == 0) {
                return -s - 1;
            }
            if ((int) (x >>> 32) == h && key.equals(keys[(int) x - 1])) {
                return s;
            }
        }
    }

    private static int idOf(long x) {
        return (int) x - 1;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** The value, or null; a hit becomes the most recently used entry. */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        int s = slotOf(key, hash(key));
        if (s < 0) {
            return null;
        }
        int e = idOf(index[s]);
        touch(e);
        return (V) values[e];
    }

    /** Whether the key is present (does not change the order). */
    public boolean containsKey(String key) {
        return slotOf(key, hash(key)) >= 0;
    }

    /**
     * Sets the key's value, making it the most recently used entry; returns the previous value or null.
     * A new key in a full table first forgets the least recently used entry.
     */
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        int h = hash(key);
        int s = slotOf(key, h);
        if (s >= 0) {
            int e = idOf(index[s]);
            V old = (V) values[e];
            values[e] = value;
            touch(e);
            return old;
        }
        if (size >= capacity) {
            removeAt(head);
            s = slotOf(key, h); // the removal may have shifted the cluster
        } else if ((size + 1) * 2 > index.length) {
            growIndex();
            s = slotOf(key, h);
        }
        int e = newId();
        keys[e] = key;
        values[e] = value;
        linkLast(e);
        index[-s - 1] = (long) h << 32 | (e + 1L);
        size++;
        modCount++;
        return null;
    }

    /** Removes the key; returns its value or null. */
    public V remove(String key) {
        int s = slotOf(key, hash(key));
        if (s < 0) {
            return null;
        }
        return removeAt(idOf(index[s]));
    }

    /** Removes every entry (and gives back the memory). */
    public void clear() {
        allocate();
        modCount++;
    }

    /** The least recently used entry's id, or -1 when empty (for callers choosing their own victim). */
    public int eldest() {
        return head;
    }

    /** The id of the next more recently used entry after {@code id}, or -1. */
    public int newer(int id) {
        return next[id];
    }

    public String keyAt(int id) {
        return keys[id];
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int id) {
        return (V) values[id];
    }

    /** Removes the entry with this id; returns its value. */
    @SuppressWarnings("unchecked")
    public V removeAt(int id) {
        deleteSlot(slotOf(keys[id], hash(keys[id])));
        V old = (V) values[id];
        unlink(id);
        keys[id] = null;
        values[id] = null;
        next[id] = free;
        free = id;
        size--;
        modCount++;
        return old;
    }

    /** Backward-shift deletion: entries after the hole that may live there move into it. */
    private void deleteSlot(int hole) {
        long[] ix = index;
        int m = mask;
        int j = hole;
        while (true) {
            j = (j + 1) & m;
            long e = ix[j];
            if (e == 0) {
                break;
            }
            int home = (int) (e >>> 32) & m;
            // the entry at j stays if its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                ix[hole] = e;
                hole = j;
            }
        }
        ix[hole] = 0;
    }

    private int newId() {
        if (free != NONE) {
            int e = free;
            free = next[e];
            return e;
        }
        if (used == keys.length) {
            int n = (int) Math.min(capacity, Math.max(16L, keys.length * 2L));
            keys = java.util.Arrays.copyOf(keys, n);
            values = java.util.Arrays.copyOf(values, n);
            prev = java.util.Arrays.copyOf(prev, n);
            next = java.util.Arrays.copyOf(next, n);
        }
        return used++;
    }

    private void growIndex() {
        int n = index.length * 2;
        long[] ix = new long[n];
        int m = n - 1;
        for (long x : index) {
            if (x != 0) {
                int s = (int) (x >>> 32) & m;
                while (ix[s] != 0) {
                    s = (s + 1) & m;
                }
                ix[s] = x;
            }
        }
        index = ix;
        mask = m;
    }

    private void touch(int e) {
        if (e != tail) {
            unlink(e);
            linkLast(e);
            modCount++;
        }
    }

    private void unlink(int e) {
        int p = prev[e];
        int n = next[e];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
    }

    private void linkLast(int e) {
        prev[e] = tail;
        next[e] = NONE;
        if (tail == NONE) {
            head = e;
        } else {
            next[tail] = e;
        }
        tail = e;
    }

    /** The values, least recently used first. */
    public Iterable<V> values() {
        return () -> new Walk<>(this::valueAt);
    }

    /** The keys, least recently used first. */
    public Iterable<String> keys() {
        return () -> new Walk<>(this::keyAt);
    }

    /** The entries (immutable snapshots of each pair), least recently used first. */
    public Iterable<Map.Entry<String, V>> entries() {
        return () -> new Walk<>(id -> new AbstractMap.SimpleImmutableEntry<>(keys[id], valueAt(id)));
    }

    private final class Walk<T> implements Iterator<T> {
        private final IntFunction<T> at;
        private final int expected = modCount;
        private int id = head;

        Walk(IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return id != NONE;
        }

        @Override
        public T next() {
            if (modCount != expected) {
                throw new ConcurrentModificationException();
            }
            if (id == NONE) {
                throw new NoSuchElementException();
            }
            T t = at.apply(id);
            id = next[id];
            return t;
        }
    }
}
