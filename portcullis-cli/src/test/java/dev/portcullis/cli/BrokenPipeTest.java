package dev.portcullis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portcullis parse BIG | head}: when the reader of standard output goes away, parse stops
 * reading within a few batches and ends quietly with 0, instead of parsing the rest for nobody.
 */
class BrokenPipeTest {
    private static final byte[] LINE = "Nov 25 10:00:01 mx1 sshd[1]: Failed password for root from 192.0.2.3 port 22 ssh2\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** Endless sshd lines, counting what was read. */
    static final class Lines extends InputStream {
        final AtomicLong read = new AtomicLong();
        final long limit;

        Lines(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = read.get();
            if (at >= limit) {
                return -1;
            }
            int n = (int) Math.min(len, limit - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((at + i) % LINE.length)];
            }
            read.addAndGet(n);
            return n;
        }
    }

    /** Standard output whose reader leaves after {@code keep} bytes, as head does. */
    static final class ClosingPipe extends OutputStream {
        long written;
        final long keep;

        ClosingPipe(long keep) {
            this.keep = keep;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > keep) {
                throw new IOException("Broken pipe");
            }
            written += len;
        }
    }

    @Test
    @Timeout(60)
    void parseStopsReadingSoonAfterStandardOutputCloses() {
        long total = 3_000_000L * LINE.length; // ~250 MB, far more than parse may read once head has left
        Lines in = new Lines(total);
        StringWriter err = new StringWriter();
        int code = Portcullis.run(new String[] {"parse", "--year", "2026", "-"}, new ClosingPipe(4096), in,
                new PrintWriter(err, true));
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty(); // no stack trace, no "read error", no partial counts
        // read-ahead (the line prefetch and the writer's queue) is a few tens of thousands of lines
        assertThat(in.read.get()).isLessThan(total / 20);
    }

    @Test
    @Timeout(60)
    void parseOfAnEndlessInputEndsWhenStandardOutputIsClosedByItsReader() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errFile = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.portcullis.cli.Portcullis", "parse", "--year", "2026", "-")
                .redirectError(errFile.toFile()).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                byte[] chunk = new byte[LINE.length * 1000];
                for (int i = 0; i < 1000; i++) {
                    System.arraycopy(LINE, 0, chunk, i * LINE.length, LINE.length);
                }
                while (true) {
                    stdin.write(chunk); // endless: only parse stopping ends this
                }
            } catch (IOException e) {
                // parse has exited and closed its standard input
            }
        }, "feeder");
        feeder.setDaemon(true);
        feeder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).contains("\"source\":\"192.0.2.3\"");
        } // like head -1: read one line, close the pipe
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("parse ended after its reader left").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(errFile)).doesNotContain("Exception").doesNotContain("at dev.portcullis");
    }
}
