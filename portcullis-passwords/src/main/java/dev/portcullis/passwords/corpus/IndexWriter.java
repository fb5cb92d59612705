package dev.portcullis.passwords.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a corpus index file: 64-bit keys (the first 8 bytes of SHA-1 or NTLM digests) in shards of
 * {@link #SHARD_KEYS} consecutive keys, one {@link BinaryFuse16} filter per shard.
 *
 * <p><b>Two modes.</b> {@code sorted}: keys arrive in unsigned ascending order (HIBP's downloads are
 * sorted by hash); each shard is built as soon as it is full, so memory stays at one shard (about
 * 80 MB) whatever the input size — a billion lines stream through. Duplicates are dropped. A key
 * smaller than its predecessor throws {@link NotSortedException}. Unsorted: every key is kept (8 bytes
 * each, growing array), sorted at {@link #finish}, then sharded; meant for plain password lists
 * (tens of millions of entries, not billions).
 *
 * <p><b>File layout</b> (little-endian): a 64-byte header (magic {@code PCORPUS1}, version, hash type,
 * key count, shard count, directory offset), the shards' 16-bit fingerprint arrays, then the directory:
 * per shard its first key, seed, segment length, segment count × length, array length and data
 * offset. The file is written beside the target and moved into place when complete.
 *
 * <p>Not thread-safe: one writer, one thread.
 */
public final class IndexWriter implements AutoCloseable {
    static final long MAGIC = 0x3153555052_4f4350L; // "PCORPUS1" little-endian
    static final int VERSION = 1;
    static final int HEADER = 64;
    static final int DIR_ENTRY = 40;
    /** Keys per shard: large enough for the filter's best size factor (≥ 10^6), small enough to build fast. */
    static final int SHARD_KEYS = 1 << 21;

    private final Path target;
    private final Path temp;
    private final FileChannel ch;
    private final HashType type;
    private final boolean sorted;
    private final int shardKeys;
    private long[] buf;
    private int n;
    private long last;
    private boolean any;
    private long keys;
    private long offset = HEADER;
    private final List<long[]> directory = new ArrayList<>();
    private boolean finished;

    public IndexWriter(Path target, HashType type, boolean sorted) throws IOException {
        this(target, type, sorted, SHARD_KEYS);
    }

    IndexWriter(Path target, HashType type, boolean sorted, int shardKeys) throws IOException {
        this.target = target.toAbsolutePath();
        this.type = type;
        this.sorted = sorted;
        this.shardKeys = shardKeys;
        this.temp = this.target.resolveSibling(this.target.getFileName() + ".partial");
        this.ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.buf = new long[sorted ? shardKeys : 1 << 16];
    }

    /** Adds a key; in sorted mode, keys must not decrease (unsigned order). */
    public void add(long key) throws IOException, NotSortedException {
        if (sorted) {
            if (any) {
                int c = Long.compareUnsigned(key, last);
                if (c == 0) {
                    return;
                }
                if (c < 0) {
                    throw new NotSortedException(String.format(
                            "keys are not in ascending order (%016x after %016x)", key, last));
                }
            }
            any = true;
            last = key;
            buf[n++] = key;
            if (n == shardKeys) {
                flushShard(buf, 0, n);
                n = 0;
            }
            return;
        }
        if (n == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(Integer.MAX_VALUE - 8, buf.length * 2));
        }
        buf[n++] = key ^ Long.MIN_VALUE; // flipped so that a signed sort is the unsigned order
    }

    /** Keys accepted so far (after removing duplicates, in sorted mode). */
    public long keys() {
        return keys + n;
    }

    /** Writes the remaining shards, the directory and the header, and moves the file into place. */
    public void finish() throws IOException {
        if (sorted) {
            if (n > 0 || directory.isEmpty()) {
                flushShard(buf, 0, n);
            }
        } else {
            Arrays.sort(buf, 0, n);
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (m == 0 || buf[m - 1] != buf[i]) {
                    buf[m++] = buf[i];
                }
            }
            for (int i = 0; i < m; i++) {
                buf[i] ^= Long.MIN_VALUE;
            }
            int from = 0;
            do {
                int to = Math.min(m, from + shardKeys);
                flushShard(buf, from, to - from);
                from = to;
            } while (from < m);
        }
        n = 0;
        buf = null;
        ByteBuffer dir = ByteBuffer.allocate(directory.size() * DIR_ENTRY).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] e : directory) {
            dir.putLong(e[0]).putLong(e[1]).putInt((int) e[2]).putInt((int) e[3]).putInt((int) e[4]).putInt(0)
                    .putLong(e[5]);
        }
        long dirOffset = offset;
        writeFully(dir.flip(), dirOffset);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(MAGIC).putInt(VERSION).putInt(type.code).putLong(keys).putInt(directory.size()).putInt(0)
                .putLong(dirOffset);
        h.position(HEADER);
        writeFully(h.flip(), 0);
        ch.force(false);
        ch.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    private void flushShard(long[] keysArr, int from, int count) throws IOException {
        long[] shard = from == 0 ? keysArr : Arrays.copyOfRange(keysArr, from, from + count);
        BinaryFuse16 f = BinaryFuse16.build(shard, count);
        long first = directory.isEmpty() ? 0 : shard[0];
        ByteBuffer data = ByteBuffer.allocate(f.fingerprints.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(f.fingerprints);
        writeFully(data, offset);
        directory.add(new long[] {first, f.seed, f.segmentLength, f.segmentCountLength, f.fingerprints.length, offset});
        offset += data.capacity();
        keys += count;
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    /** Abandons an unfinished index (its partial file is deleted). */
    @Override
    public void close() throws IOException {
        if (!finished) {
            ch.close();
            Files.deleteIfExists(temp);
        }
    }
}
