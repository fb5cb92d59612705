package dev.portcullis.ingest.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {
    private static List<String> read(byte[] bytes, int maxLine) throws IOException {
        List<String> lines = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), maxLine)) {
            String l;
            while ((l = r.next()) != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void splitsOnLfAndCrLfAndKeepsALastLineWithoutNewline() throws IOException {
        assertThat(read("a\nb\r\n\nc".getBytes(StandardCharsets.UTF_8), 1024)).containsExactly("a", "b", "", "c");
        assertThat(read(new byte[0], 1024)).isEmpty();
    }

    @Test
    void decodesUtf8AndReplacesInvalidBytes() throws IOException {
        byte[] b = {'h', (byte) 0xc3, (byte) 0xa9, '\n', (byte) 0xff, 'x', 0, 'y', '\n'};
        assertThat(read(b, 1024)).containsExactly("hé", "\ufffdx\u0000y");
    }

    @Test
    void cutsEndlessLinesAndSkipsTheirRest() throws IOException {
        byte[] b = new byte[1 << 20];
        Arrays.fill(b, (byte) 'z');
        byte[] all = new byte[b.length + 6];
        System.arraycopy(b, 0, all, 0, b.length);
        System.arraycopy("\nnext\n".getBytes(StandardCharsets.US_ASCII), 0, all, b.length, 6);
        try (LineReader r = new LineReader(new ByteArrayInputStream(all), 4096)) {
            assertThat(r.next()).hasSize(4096);
            assertThat(r.truncated()).isTrue();
            assertThat(r.next()).isEqualTo("next");
            assertThat(r.truncated()).isFalse();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void handlesStreamsThatReturnOneByteAtATime() throws IOException {
        byte[] text = "first line\nsecond line\nthird".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;
            @Override public int read() { return i < text.length ? text[i++] & 0xff : -1; }
            @Override public int read(byte[] b, int off, int len) {
                if (i >= text.length) return -1;
                b[off] = text[i++];
                return 1;
            }
        };
        List<String> lines = new ArrayList<>();
        try (LineReader r = new LineReader(trickle, 64)) {
            String l;
            while ((l = r.next()) != null) lines.add(l);
        }
        assertThat(lines).containsExactly("first line", "second line", "third");
    }

    @Test
    void newlineSearchAgreesWithAPlainLoop() {
        Random rnd = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] a = new byte[rnd.nextInt(40)];
            for (int i = 0; i < a.length; i++) a[i] = (byte) (rnd.nextInt(6) == 0 ? '\n' : rnd.nextInt(256));
            int from = a.length == 0 ? 0 : rnd.nextInt(a.length);
            int expected = -1;
            for (int i = from; i < a.length; i++) if (a[i] == '\n') { expected = i; break; }
            assertThat(LineReader.indexOfNewline(a, from, a.length)).isEqualTo(expected);
        }
    }
}
