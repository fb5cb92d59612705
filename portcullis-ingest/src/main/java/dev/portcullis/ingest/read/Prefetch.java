package dev.portcullis.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and decodes lines on a thread of its own, handing them over in batches, so that splitting
 * bytes into lines overlaps with parsing them (the reading thread would otherwise do both). At most
 * {@code depth} batches wait: memory stays bounded whatever the input. Errors of the reader (a damaged
 * gzip stream) are rethrown to the consumer in order, after the lines read before them.
 * One consumer thread.
 */
public final class Prefetch implements Closeable {
    /** A batch of lines; {@code truncated[i]} tells that line i was cut at the line-length limit. */
    public static final class Batch {
        public final String[] lines;
        public final boolean[] truncated;
        public int size;
        IOException error;
        boolean end;

        Batch(int capacity) {
            lines = new String[capacity];
            truncated = new boolean[capacity];
        }
    }

    private static final int BATCH = 1024;

    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile boolean closed;

    public Prefetch(LineReader reader, int depth, String name) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = new Thread(() -> run(reader), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LineReader reader) {
        try {
            while (!closed) {
                Batch b = new Batch(BATCH);
                try {
                    String line;
                    while (b.size < BATCH && (line = reader.next()) != null) {
                        b.truncated[b.size] = reader.truncated();
                        b.lines[b.size++] = line;
                    }
                    if (b.size < BATCH) {
                        b.end = true;
                    }
                } catch (IOException e) {
                    b.error = e;
                    b.end = true;
                } catch (RuntimeException e) {
                    b.error = new IOException(e);
                    b.end = true;
                }
                queue.put(b);
                if (b.end) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch, or null at the end; throws the reader's error once its lines are consumed. */
    public Batch next() throws IOException {
        if (closed) {
            return null;
        }
        Batch b;
        try {
            b = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        if (b.end) {
            closed = true;
            if (b.error != null) {
                pendingError = b.error;
            }
            if (b.size == 0) {
                throwPending();
                return null;
            }
        }
        return b;
    }

    private IOException pendingError;

    /** Rethrows an error that ended the input, after its last lines were handed out. */
    public void throwPending() throws IOException {
        IOException e = pendingError;
        pendingError = null;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
