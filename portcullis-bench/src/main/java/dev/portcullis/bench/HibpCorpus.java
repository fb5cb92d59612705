package dev.portcullis.bench;

import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.hash.PasswordHashes;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Whole-process corpus benchmark helper (see {@code scripts/corpus-bench.sh}).
 *
 * <p>{@code generate N FILE SEED}: writes N random SHA-1 hashes in Have I Been Pwned's format
 * ({@code 40 HEX:COUNT}, CRLF, sorted), about 45 bytes a line. The first 64 bits of the i-th hash are the
 * i-th value of {@code SplittableRandom(SEED)}, so {@code probe} can regenerate members without the file.
 *
 * <p>{@code probe INDEX N SEED}: opens the index, checks that the first million members are all found
 * (no false negatives), then times ten million lookups of random non-members (another seed) and reports
 * lookups per second and the false-positive rate; then times password → SHA-1 → lookup.
 */
public final class HibpCorpus {
    private HibpCorpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("generate")) {
            generate(Integer.parseInt(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
        } else if (args.length == 4 && args[0].equals("probe")) {
            probe(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
        } else {
            System.err.println("usage: HibpCorpus generate N FILE SEED | probe INDEX N SEED");
            System.exit(2);
        }
    }

    static void generate(int n, Path file, long seed) throws IOException {
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = rnd.nextLong() ^ Long.MIN_VALUE; // flipped: signed sort = unsigned order
        }
        Arrays.parallelSort(keys);
        SplittableRandom tail = new SplittableRandom(seed * 31 + 7);
        byte[] hex = "0123456789ABCDEF".getBytes();
        byte[] line = new byte[64];
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 20)) {
            for (int i = 0; i < n; i++) {
                long k = keys[i] ^ Long.MIN_VALUE;
                long a = tail.nextLong();
                long b = tail.nextLong();
                int p = 0;
                for (int s = 60; s >= 0; s -= 4) {
                    line[p++] = hex[(int) (k >>> s) & 0xF];
                }
                for (int s = 60; s >= 0; s -= 4) {
                    line[p++] = hex[(int) (a >>> s) & 0xF];
                }
                for (int s = 28; s >= 0; s -= 4) {
                    line[p++] = hex[(int) (b >>> s) & 0xF];
                }
                line[p++] = ':';
                int count = 1 + (int) ((b >>> 40) % 1000);
                byte[] c = Integer.toString(count).getBytes();
                System.arraycopy(c, 0, line, p, c.length);
                p += c.length;
                line[p++] = '\r';
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        System.out.printf("generated %,d lines into %s in %.1f s%n", n, file, (System.nanoTime() - t0) / 1e9);
    }

    static void probe(Path index, int n, long seed) throws IOException {
        CorpusIndex idx = CorpusIndex.open(index);
        System.out.printf("index: %,d keys, %,d bytes, %.3f bytes (%.2f bits) per key%n", idx.size(), idx.fileBytes(),
                (double) idx.fileBytes() / idx.size(), idx.fileBytes() * 8.0 / idx.size());
        SplittableRandom members = new SplittableRandom(seed);
        int m = Math.min(n, 1_000_000);
        int missing = 0;
        for (int i = 0; i < m; i++) {
            if (!idx.containsKey(members.nextLong())) {
                missing++;
            }
        }
        System.out.printf("members checked: %,d, missing (false negatives): %d%n", m, missing);
        long[] probes = new long[10_000_000];
        SplittableRandom other = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < probes.length; i++) {
            probes[i] = other.nextLong();
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            int fp = 0;
            for (long k : probes) {
                if (idx.containsKey(k)) {
                    fp++;
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %,d non-member lookups in %.2f s = %,.0f lookups/s; false positives %d"
                    + " (rate %.3g, 1 in %,.0f)%n", round + 1, probes.length, secs, probes.length / secs, fp,
                    (double) fp / probes.length, fp == 0 ? Double.POSITIVE_INFINITY : (double) probes.length / fp);
        }
        char[][] pws = new char[1_000_000][];
        for (int i = 0; i < pws.length; i++) {
            pws[i] = ("pw-" + i + "-" + Long.toHexString(other.nextLong())).toCharArray();
        }
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            int hits = 0;
            for (char[] pw : pws) {
                if (idx.contains(pw)) {
                    hits++;
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("password -> SHA-1 -> lookup: %,.0f per second (%d hits)%n", pws.length / secs, hits);
        }
        System.out.println("sha1 check of the helper: " + PasswordHashes.hex(PasswordHashes.sha1("password".toCharArray())));
    }
}
