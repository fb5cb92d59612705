package dev.portcullis.ingest.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One input to read: a file (plain or gzip, told by its first bytes, not its name) or a stream.
 *
 * @param name      shown in events and messages ("-" for standard input)
 * @param path      the file, or null for a stream
 * @param reference when it was last written (mtime; now for a stream): completes year-less stamps
 */
public record Input(String name, Path path, Instant reference, InputStream stream) {

    /** Size in bytes on disk, or -1 for a stream. */
    public long size() {
        try {
            return path == null ? -1 : Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    public static Input file(Path path) throws IOException {
        return new Input(path.toString(), path, Files.getLastModifiedTime(path).toInstant(), null);
    }

    public static Input stream(String name, InputStream in) {
        return new Input(name, null, Instant.now(), in);
    }

    /** Opens the bytes, decompressing gzip (including concatenated members) when the magic says so. */
    public InputStream open() throws IOException {
        return open(null);
    }

    /** As {@link #open()}, adding the raw (possibly compressed) bytes read to {@code progress}. */
    public InputStream open(AtomicLong progress) throws IOException {
        InputStream raw = path != null ? Files.newInputStream(path) : stream;
        if (progress != null) {
            raw = new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) progress.incrementAndGet();
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) progress.addAndGet(n);
                    return n;
                }
            };
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if (a == 0x1f && b == 0x8b) {
            return unicode(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        }
        return unicode(in);
    }

    /** UTF-16 with a byte-order mark (PowerShell's {@code >}, Windows exports) is re-encoded as UTF-8. */
    private static InputStream unicode(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if ((a == 0xff && b == 0xfe) || (a == 0xfe && b == 0xff)) {
            return new Utf16ToUtf8(in, StandardCharsets.UTF_16); // UTF_16 reads and drops the BOM
        }
        return in;
    }
}
