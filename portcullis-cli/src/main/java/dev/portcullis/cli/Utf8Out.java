package dev.portcullis.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for output of millions of lines: callers hand it large chunks (tens of KB
 * of lines at once), which it encodes with the JDK's vectorised encoder and copies into one buffer;
 * no PrintWriter / encoder layers per line. Not thread-safe.
 */
final class Utf8Out implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf;
    private int n;

    Utf8Out(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, 64)];
    }

    void write(CharSequence s) {
        // String.getBytes(UTF_8) has a vectorised path for Latin-1 text without high bytes (the usual
        // case), far faster than encoding char by char; lone surrogates become '?'
        byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
        if (b.length > buf.length - n) {
            flushBuffer();
            if (b.length > buf.length) {
                writeDirect(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    /** Bytes already in UTF-8. */
    void write(byte[] b, int off, int len) {
        if (len > buf.length - n) {
            flushBuffer();
            if (len > buf.length) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
        }
        System.arraycopy(b, off, buf, n, len);
        n += len;
    }

    private void writeDirect(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        n = 0;
    }

    void flush() {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
