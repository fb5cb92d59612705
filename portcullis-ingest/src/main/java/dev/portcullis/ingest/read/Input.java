package dev.portcullis.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/**
 * One input to read: a file (plain or gzip, told by its first bytes, not its name) or a stream.
 *
 * @param name      shown in events and messages ("-" for standard input)
 * @param path      the file, or null for a stream
 * @param reference when it was last written (mtime; now for a stream): completes year-less stamps
 */
public record Input(String name, Path path, Instant reference, InputStream stream) {

    public static Input file(Path path) throws IOException {
        return new Input(path.toString(), path, Files.getLastModifiedTime(path).toInstant(), null);
    }

    public static Input stream(String name, InputStream in) {
        return new Input(name, null, Instant.now(), in);
    }

    /** Opens the bytes, decompressing gzip (including concatenated members) when the magic says so. */
    public InputStream open() throws IOException {
        InputStream raw = path != null ? Files.newInputStream(path) : stream;
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if (a == 0x1f && b == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
