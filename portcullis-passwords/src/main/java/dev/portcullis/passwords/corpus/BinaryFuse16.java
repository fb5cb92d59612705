package dev.portcullis.passwords.corpus;

import java.util.Arrays;

/**
 * A binary fuse filter with 16-bit fingerprints (Graf and Lemire, "Binary Fuse Filters: Fast and
 * Smaller Than Xor Filters", 2022): an immutable approximate set of 64-bit keys.
 *
 * <p><b>Algorithm.</b> Each key is mixed with a seed into a 64-bit hash that picks three slots, one in
 * each of three consecutive segments of the fingerprint array, and a 16-bit fingerprint. Building
 * "peels" the 3-hypergraph (repeatedly removes a slot that only one key touches) and then assigns
 * slots in reverse peeling order so that, for every key, the XOR of its three slots equals its
 * fingerprint. A lookup reads three slots and compares: no false negatives; a non-member matches with
 * probability 2<sup>-16</sup> = 1/65,536.
 *
 * <p><b>Memory.</b> The filter holds {@code arrayLength} 16-bit slots, about 1.125 × n for n ≥ 10<sup>6</sup>
 * keys (18 bits per key), a little more for small n (the size factor of the paper's reference code).
 * Building needs about 36 bytes per key transiently (slot counts, XOR of hashes, the peeling stack),
 * so callers build in shards of a few million keys ({@link IndexWriter}).
 *
 * <p><b>Contract.</b> Keys passed to {@link #build} must be distinct (the writer removes duplicates of
 * sorted input); the mixing is a bijection, so distinct keys have distinct hashes and peeling
 * succeeds with high probability per seed (retried with the next seed otherwise). This class does
 * the arithmetic only; {@link CorpusIndex} applies the same {@link #slot} and {@link #fingerprint}
 * functions over a memory-mapped array.
 */
final class BinaryFuse16 {
    static final int ARITY = 3;

    final long seed;
    final int segmentLength;
    final int segmentCountLength;
    final short[] fingerprints;

    private BinaryFuse16(long seed, int segmentLength, int segmentCountLength, short[] fingerprints) {
        this.seed = seed;
        this.segmentLength = segmentLength;
        this.segmentCountLength = segmentCountLength;
        this.fingerprints = fingerprints;
    }

    /** The three sizes of a filter for {@code size} keys: segment length, segment count × length, array length. */
    static int[] geometry(int size) {
        int segmentLength = size == 0 ? 4 : 1 << (int) Math.floor(Math.log(size) / Math.log(3.33) + 2.25);
        segmentLength = Math.min(segmentLength, 1 << 18);
        double sizeFactor = size <= 1 ? 0 : Math.max(1.125, 0.875 + 0.25 * Math.log(1_000_000.0) / Math.log(size));
        int capacity = size <= 1 ? 0 : (int) Math.round(size * sizeFactor);
        int initSegmentCount = (capacity + segmentLength - 1) / segmentLength - (ARITY - 1);
        int arrayLength = (initSegmentCount + ARITY - 1) * segmentLength;
        int segmentCount = (arrayLength + segmentLength - 1) / segmentLength;
        segmentCount = segmentCount <= ARITY - 1 ? 1 : segmentCount - (ARITY - 1);
        arrayLength = (segmentCount + ARITY - 1) * segmentLength;
        return new int[] {segmentLength, segmentCount * segmentLength, arrayLength};
    }

    /** Builds a filter over {@code n} distinct keys, {@code keys[0..n)}. */
    static BinaryFuse16 build(long[] keys, int n) {
        int[] g = geometry(n);
        int segmentLength = g[0];
        int segmentCountLength = g[1];
        int arrayLength = g[2];
        int[] count = new int[arrayLength];
        long[] xor = new long[arrayLength];
        long[] stackHash = new long[n];
        int[] stackSlot = new int[n];
        int[] queue = new int[arrayLength];
        long rng = 0x726b2b9d438b9d4dL;
        for (int attempt = 0; attempt < 100; attempt++) {
            rng += 0x9E3779B97F4A7C15L;
            long seed = splitmix(rng);
            Arrays.fill(count, 0);
            Arrays.fill(xor, 0);
            for (int i = 0; i < n; i++) {
                long h = mix(keys[i], seed);
                for (int j = 0; j < ARITY; j++) {
                    int s = slot(h, j, segmentLength, segmentCountLength);
                    count[s]++;
                    xor[s] ^= h;
                }
            }
            int q = 0;
            for (int s = 0; s < arrayLength; s++) {
                if (count[s] == 1) {
                    queue[q++] = s;
                }
            }
            int stack = 0;
            while (q > 0) {
                int s = queue[--q];
                if (count[s] != 1) {
                    continue;
                }
                long h = xor[s];
                stackHash[stack] = h;
                stackSlot[stack++] = s;
                for (int j = 0; j < ARITY; j++) {
                    int t = slot(h, j, segmentLength, segmentCountLength);
                    count[t]--;
                    xor[t] ^= h;
                    if (count[t] == 1) {
                        queue[q++] = t;
                    }
                }
            }
            if (stack != n) {
                continue; // a cycle remained: try the next seed
            }
            short[] fp = new short[arrayLength];
            for (int i = stack - 1; i >= 0; i--) {
                long h = stackHash[i];
                int f = fingerprint(h);
                for (int j = 0; j < ARITY; j++) {
                    f ^= fp[slot(h, j, segmentLength, segmentCountLength)];
                }
                fp[stackSlot[i]] = (short) f; // its own slot still holds 0, so the XOR above skipped it
            }
            return new BinaryFuse16(seed, segmentLength, segmentCountLength, fp);
        }
        throw new IllegalStateException("binary fuse construction failed for " + n + " keys (duplicate keys?)");
    }

    /** Whether the key is (probably) in this in-memory filter; tests and small indexes use it. */
    boolean mightContain(long key) {
        long h = mix(key, seed);
        int f = fingerprint(h);
        for (int j = 0; j < ARITY; j++) {
            f ^= fingerprints[slot(h, j, segmentLength, segmentCountLength)];
        }
        return (f & 0xFFFF) == 0;
    }

    static long mix(long key, long seed) {
        long h = key + seed;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static int fingerprint(long h) {
        return (int) (h ^ (h >>> 32)) & 0xFFFF;
    }

    /** Slot {@code j} (0, 1 or 2) of a mixed hash: segment {@code base + j}, offset chosen by hash bits. */
    static int slot(long h, int j, int segmentLength, int segmentCountLength) {
        long base = Math.multiplyHigh(h, segmentCountLength) + (h < 0 ? segmentCountLength : 0); // unsigned mulhi
        long s = base + (long) j * segmentLength;
        long hh = h & ((1L << 36) - 1);
        s ^= (hh >>> (36 - 18 * j)) & (segmentLength - 1);
        return (int) s;
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
