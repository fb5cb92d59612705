package dev.portcullis.ingest;

import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A consumer that fails stops its producer promptly, through the parsers' own exception guards. */
class AsyncSinkTest {
    private static final byte[] LINE = "Nov 25 10:00:01 mx1 sshd[1]: Failed password for root from 192.0.2.3 port 22 ssh2\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** {@code lines} sshd lines, counting how many bytes were read. */
    private static InputStream lines(long lines, AtomicLong read) {
        long total = lines * LINE.length;
        return new InputStream() {
            @Override
            public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long at = read.get();
                if (at >= total) return -1;
                int n = (int) Math.min(len, total - at);
                for (int i = 0; i < n; i++) b[off + i] = LINE[(int) ((at + i) % LINE.length)];
                read.addAndGet(n);
                return n;
            }
        };
    }

    @Test
    @Timeout(60)
    void readingStopsWithinAFewBatchesOnceTheConsumerFails() {
        long total = 2_000_000;
        AtomicLong read = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        Ingest ingest = new Ingest(2026, ZoneOffset.UTC);
        AsyncSink sink = new AsyncSink(batch -> {
            if (consumed.addAndGet(batch.size()) > 5_000) {
                throw new UncheckedIOException(new IOException("Broken pipe"));
            }
        }, 1024, 16, "test-writer");
        SinkFailedException e = assertThrows(SinkFailedException.class, () -> {
            try {
                ingest.read(Input.stream("-", lines(total, read)), sink);
            } finally {
                sink.close();
            }
        });
        assertThat(e).hasRootCauseMessage("Broken pipe");
        // not swallowed as an unparsed line by the format picker: nothing was counted unparsed
        assertThat(ingest.stats().unparsed()).isZero();
        // the line prefetch (8 x 1024) and the sink's queue (16 x 1024) bound the read-ahead
        assertThat(read.get() / LINE.length).isLessThan(100_000);
    }

    @Test
    void aFailureIsThrownByTheNextHandOffAndByClose() throws InterruptedException {
        AsyncSink sink = new AsyncSink(batch -> {
            throw new IllegalStateException("engine bug");
        }, 1, 1, "test-consumer");
        sink.accept(null); // handed over; the consumer fails on it
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!sink.failed() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sink.failed()).isTrue();
        SinkFailedException e = assertThrows(SinkFailedException.class, () -> sink.accept(null));
        assertThat(e).hasCauseInstanceOf(IllegalStateException.class).hasMessage("engine bug");
        assertThrows(SinkFailedException.class, sink::close);
    }
}
