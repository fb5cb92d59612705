package dev.portcullis.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Distinct strings (account names) seen by one key, in bounded memory: exact for the first
 * {@link #EXACT} values, then an estimate by linear counting over a 1024-bit map (error a few percent
 * up to a few thousand values, saturating beyond). Attackers choose the values, so nothing here grows
 * with their number. Not thread-safe.
 *
 * <p>Memory layout: 32 bytes holding one value (the first is a field: most addresses fail on one
 * account); the next values go in an array grown 1 → 3 → 7 → 15 (so {@link #EXACT} values in all), then
 * a 128-byte bitmap.
 */
final class DistinctSet {
    static final int EXACT = 16;
    /** Shared by every key that has no values yet; never added to (callers replace it first). */
    static final DistinctSet EMPTY = new DistinctSet();
    private static final int BITS = 1024;

    private String first;
    /** Values after the first, in the order added; null until a second value comes. */
    private String[] more;
    private int size;
    private long[] bitmap; // after EXACT distinct values

    /** Adds a value; returns true when it was (probably) new. Null is ignored. */
    boolean add(String v) {
        if (v == null) {
            return false;
        }
        if (contains(v)) {
            return false;
        }
        if (bitmap != null) {
            int h = mix(v.hashCode()) & (BITS - 1);
            long bit = 1L << (h & 63);
            boolean fresh = (bitmap[h >>> 6] & bit) == 0;
            bitmap[h >>> 6] |= bit;
            return fresh;
        }
        if (size == 0) {
            first = v;
            size = 1;
            return true;
        }
        if (size == EXACT) {
            bitmap = new long[BITS / 64];
            for (int i = 0; i < size; i++) {
                int h = mix(value(i).hashCode()) & (BITS - 1);
                bitmap[h >>> 6] |= 1L << (h & 63);
            }
            return add(v);
        }
        if (more == null) {
            more = new String[1];
        } else if (size - 1 == more.length) {
            more = Arrays.copyOf(more, Math.min(EXACT - 1, more.length * 2 + 1));
        }
        more[size++ - 1] = v;
        return true;
    }

    boolean contains(String v) {
        for (int i = 0; i < size; i++) {
            if (value(i).equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** The first value added, or null while empty. */
    String first() {
        return first;
    }

    private String value(int i) {
        return i == 0 ? first : more[i - 1];
    }

    /** Exact below {@link #EXACT}, estimated above. */
    int count() {
        if (bitmap == null) {
            return size;
        }
        int ones = 0;
        for (long w : bitmap) {
            ones += Long.bitCount(w);
        }
        int zeros = BITS - ones;
        if (zeros == 0) {
            return BITS * 8; // saturated: "very many"
        }
        return (int) Math.round(-BITS * Math.log((double) zeros / BITS));
    }

    /** The values known exactly (all of them while {@link #count()} is exact). */
    List<String> known() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(value(i));
        }
        return out;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
