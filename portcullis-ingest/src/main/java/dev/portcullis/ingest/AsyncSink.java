package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands events to a consumer on its own thread, in batches and in order, so reading and parsing run on
 * one core while formatting and writing run on another. Back-pressure: at most {@code depth} batches
 * wait; a slow consumer slows the producer rather than growing memory. A consumer failure stops the
 * producer promptly: the next {@link #accept}/{@link #flush} that hands a batch over, and {@link #close()},
 * throw {@link SinkFailedException} with the consumer's exception as cause (an {@link Error} is rethrown as
 * it is), so a reader whose output went away ({@code portcullis parse BIG | head}) stops within a batch
 * or two instead of parsing the rest of the input for nobody. One producer thread only.
 */
public final class AsyncSink implements EventSink, AutoCloseable {
    private static final List<AuthEvent> END = new ArrayList<>(0);

    private final BlockingQueue<List<AuthEvent>> queue;
    private final int batchSize;
    private final Thread thread;
    private volatile Throwable failure;
    private List<AuthEvent> batch;

    public AsyncSink(Consumer<List<AuthEvent>> consumer, int batchSize, int depth, String name) {
        if (batchSize < 1 || depth < 1) {
            throw new IllegalArgumentException("batchSize and depth must be >= 1, were " + batchSize + ", " + depth);
        }
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(depth);
        this.batch = new ArrayList<>(batchSize);
        this.thread = new Thread(() -> {
            try {
                while (true) {
                    List<AuthEvent> b = queue.take();
                    if (b == END) {
                        return;
                    }
                    if (failure == null) {
                        consumer.accept(b);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear(); // unblock the producer; later batches are dropped
                drainUntilEnd();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drainUntilEnd() {
        try {
            while (queue.take() != END) {
                // the consumer failed: discard until the producer closes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void accept(AuthEvent event) {
        batch.add(event);
        if (batch.size() >= batchSize) {
            handOff();
        }
    }

    /** Sends the events collected so far (e.g. before a pause in follow mode). */
    public void flush() {
        if (!batch.isEmpty()) {
            handOff();
        }
    }

    private void handOff() {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to " + thread.getName(), e);
        }
        batch = new ArrayList<>(batchSize);
        // the consumer may have failed while this batch waited for room
        rethrow();
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new SinkFailedException(f);
        }
    }

    /** True once the consumer has failed (its exception is the cause of what the sink throws). */
    public boolean failed() {
        return failure != null;
    }

    /**
     * Flushes, waits for the consumer to finish, and throws {@link SinkFailedException} if it failed
     * (also when an earlier hand-off already threw it).
     */
    @Override
    public void close() {
        try {
            if (failure == null) {
                flush();
            }
        } finally {
            batch = new ArrayList<>(0);
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow();
    }
}
