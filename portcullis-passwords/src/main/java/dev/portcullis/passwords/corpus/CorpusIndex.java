package dev.portcullis.passwords.corpus;

import dev.portcullis.passwords.hash.PasswordHashes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A breached-password corpus index opened for lookups: the file written by {@link IndexWriter},
 * memory-mapped (each shard's fingerprint array is one mapping; the OS pages it in and may share it
 * between processes), with the shard directory on the heap (40 bytes per 2M keys).
 *
 * <p>A lookup finds the shard by binary search over the shards' first keys, then reads three 16-bit
 * slots: no false negatives (for keys that were indexed), false positives with probability
 * 2<sup>-16</sup> ≈ 1/65,536 for a key that was not, plus a negligible 2<sup>-64</sup>·n from keying by
 * the first 64 bits of the digest.
 *
 * <p>Thread-safe: immutable after {@link #open}; lookups use absolute reads only.
 */
public final class CorpusIndex {
    private final HashType type;
    private final long size;
    private final long fileBytes;
    private final long[] firstKeys;
    private final long[] seeds;
    private final int[] segmentLengths;
    private final int[] segmentCountLengths;
    private final ShortBuffer[] shards;

    private CorpusIndex(HashType type, long size, long fileBytes, long[] firstKeys, long[] seeds,
                        int[] segmentLengths, int[] segmentCountLengths, ShortBuffer[] shards) {
        this.type = type;
        this.size = size;
        this.fileBytes = fileBytes;
        this.firstKeys = firstKeys;
        this.seeds = seeds;
        this.segmentLengths = segmentLengths;
        this.segmentCountLengths = segmentCountLengths;
        this.shards = shards;
    }

    /** Opens an index file; a file that is not one (or is truncated) fails with a message naming it. */
    public static CorpusIndex open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < IndexWriter.HEADER) {
                throw new IOException(file + ": not a Portcullis corpus index (too short)");
            }
            ByteBuffer h = ByteBuffer.allocate(IndexWriter.HEADER).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            h.flip();
            if (h.getLong() != IndexWriter.MAGIC) {
                throw new IOException(file + ": not a Portcullis corpus index (bad magic; build one with 'portcullis passwords index')");
            }
            int version = h.getInt();
            if (version != IndexWriter.VERSION) {
                throw new IOException(file + ": corpus index version " + version + " is not supported (expected "
                        + IndexWriter.VERSION + ")");
            }
            HashType type;
            try {
                type = HashType.ofCode(h.getInt());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            long keys = h.getLong();
            int shardCount = h.getInt();
            h.getInt();
            long dirOffset = h.getLong();
            if (shardCount <= 0 || dirOffset < IndexWriter.HEADER
                    || dirOffset + (long) shardCount * IndexWriter.DIR_ENTRY != fileSize) {
                throw new IOException(file + ": corpus index is damaged or truncated");
            }
            ByteBuffer dir = ByteBuffer.allocate(shardCount * IndexWriter.DIR_ENTRY).order(ByteOrder.LITTLE_ENDIAN);
            while (dir.hasRemaining()) {
                if (ch.read(dir, dirOffset + dir.position()) < 0) {
                    throw new IOException(file + ": corpus index is truncated");
                }
            }
            dir.flip();
            long[] first = new long[shardCount];
            long[] seeds = new long[shardCount];
            int[] segLen = new int[shardCount];
            int[] segCountLen = new int[shardCount];
            ShortBuffer[] shards = new ShortBuffer[shardCount];
            for (int i = 0; i < shardCount; i++) {
                first[i] = dir.getLong();
                seeds[i] = dir.getLong();
                segLen[i] = dir.getInt();
                segCountLen[i] = dir.getInt();
                int arrayLength = dir.getInt();
                dir.getInt();
                long off = dir.getLong();
                if (off < IndexWriter.HEADER || off + 2L * arrayLength > dirOffset
                        || Integer.bitCount(segLen[i]) != 1 || arrayLength != segCountLen[i] + 2 * segLen[i]
                        || (i > 0 && Long.compareUnsigned(first[i], first[i - 1]) <= 0)) {
                    throw new IOException(file + ": corpus index directory entry " + i + " is damaged");
                }
                shards[i] = ch.map(FileChannel.MapMode.READ_ONLY, off, 2L * arrayLength)
                        .order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            }
            return new CorpusIndex(type, keys, fileSize, first, seeds, segLen, segCountLen, shards);
        }
    }

    public HashType hashType() {
        return type;
    }

    /** Distinct keys indexed. */
    public long size() {
        return size;
    }

    public long fileBytes() {
        return fileBytes;
    }

    /** Whether the password's digest (of this index's type) is (probably) in the corpus. */
    public boolean contains(char[] password) {
        return containsKey(type.key(password));
    }

    /** Whether a digest (of this index's type, at least 8 bytes) is (probably) in the corpus. */
    public boolean containsDigest(byte[] digest) {
        return containsKey(PasswordHashes.key(digest));
    }

    /** Whether a key (the first 64 bits of a digest, big-endian) is (probably) in the corpus. */
    public boolean containsKey(long key) {
        int s = shardOf(key);
        ShortBuffer fp = shards[s];
        long h = BinaryFuse16.mix(key, seeds[s]);
        int segLen = segmentLengths[s];
        int segCountLen = segmentCountLengths[s];
        int f = BinaryFuse16.fingerprint(h)
                ^ fp.get(BinaryFuse16.slot(h, 0, segLen, segCountLen))
                ^ fp.get(BinaryFuse16.slot(h, 1, segLen, segCountLen))
                ^ fp.get(BinaryFuse16.slot(h, 2, segLen, segCountLen));
        return (f & 0xFFFF) == 0;
    }

    private int shardOf(long key) {
        long[] f = firstKeys;
        int lo = 0;
        int hi = f.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (Long.compareUnsigned(f[mid], key) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "CorpusIndex[" + type + ", " + size + " keys, " + firstKeys.length + " shards, "
                + Arrays.stream(shards).mapToLong(ShortBuffer::capacity).sum() * 2 + " fingerprint bytes]";
    }
}
