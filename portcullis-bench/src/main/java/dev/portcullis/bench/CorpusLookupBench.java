package dev.portcullis.bench;

import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.HashType;
import dev.portcullis.passwords.corpus.IndexWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Corpus index lookups on one core: an index of 20 million random keys (built in setup into a temp
 * file, memory-mapped), probed with random keys (nearly all non-members, the common case) and with
 * passwords (SHA-1 + lookup). One op = one lookup.
 *
 * <p>Run: {@code java -jar portcullis-bench/target/benchmarks.jar CorpusLookupBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CorpusLookupBench {
    static final int KEYS = 20_000_000;
    static final int PROBES = 1 << 20;

    private Path file;
    private CorpusIndex index;
    private long[] probes;
    private char[][] passwords;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] keys = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = rnd.nextLong() ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys);
        file = Files.createTempFile("corpus-bench", ".idx");
        try (IndexWriter w = new IndexWriter(file, HashType.SHA1, true)) {
            for (long k : keys) {
                w.add(k ^ Long.MIN_VALUE);
            }
            w.finish();
        }
        index = CorpusIndex.open(file);
        probes = new long[PROBES];
        passwords = new char[PROBES / 16][];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = rnd.nextLong();
        }
        for (int i = 0; i < passwords.length; i++) {
            passwords[i] = ("guess-" + i).toCharArray();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(PROBES)
    public int lookupKey() {
        int hits = 0;
        for (long k : probes) {
            if (index.containsKey(k)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(PROBES / 16)
    public int lookupPassword() {
        int hits = 0;
        for (char[] p : passwords) {
            if (index.contains(p)) {
                hits++;
            }
        }
        return hits;
    }
}
