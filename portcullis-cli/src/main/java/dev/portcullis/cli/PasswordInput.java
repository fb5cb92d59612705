package dev.portcullis.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reading a password: from a terminal without echo, or one line of standard input — never from the
 * command line (where {@code ps} and shell history would keep it). Byte and char copies are zeroed; the
 * caller owns and clears the returned array.
 */
final class PasswordInput {
    /** Longer input is cut here (a password check refuses anything near it anyway). */
    static final int MAX_BYTES = 65536;

    private PasswordInput() {}

    /** The first line of {@code in} (UTF-8, without its CR LF or LF). */
    static char[] line(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] bytes = null;
        try {
            for (int c = in.read(); c >= 0 && c != '\n' && buf.size() <= MAX_BYTES; c = in.read()) {
                buf.write(c);
            }
            bytes = buf.toByteArray();
            int len = bytes.length;
            if (len > 0 && bytes[len - 1] == '\r') {
                len--;
            }
            CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, len));
            char[] pw = Arrays.copyOf(cb.array(), cb.limit());
            Arrays.fill(cb.array(), '\0');
            return pw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            buf.reset(); // its internal array cannot be zeroed through the API; reset drops the count
        }
    }

    /**
     * A new password typed twice at the terminal without echo; null when the two differ (both are
     * cleared) or the terminal closed.
     */
    static char[] twice(Console console, String who) {
        char[] first = console.readPassword("New password for %s: ", who);
        if (first == null) {
            return null;
        }
        char[] second = console.readPassword("Again: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                return null;
            }
            return first;
        } finally {
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
