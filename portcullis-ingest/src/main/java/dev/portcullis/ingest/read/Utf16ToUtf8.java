package dev.portcullis.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes a UTF-16 stream (Windows PowerShell's {@code >} and many Windows exports write UTF-16 with
 * a byte-order mark) as UTF-8, so the line reader and every parser see the same bytes as for any other
 * log. Malformed input becomes U+FFFD.
 */
final class Utf16ToUtf8 extends InputStream {
    private final Reader reader;
    private final char[] chars = new char[8192];
    private byte[] bytes = new byte[0];
    private int pos;

    Utf16ToUtf8(InputStream in, Charset utf16) {
        this.reader = new InputStreamReader(in, utf16);
    }

    private boolean fill() throws IOException {
        while (pos >= bytes.length) {
            int n = reader.read(chars);
            if (n < 0) {
                return false;
            }
            bytes = new String(chars, 0, n).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
