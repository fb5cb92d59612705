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
 * wait; a slow consumer slows the producer rather than growing memory. A consumer failure is
 * rethrown by {@link #close()} (and stops further hand-offs). One producer thread only.
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
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to " + thread.getName(), e);
        }
        batch = new ArrayList<>(batchSize);
    }

    /** Flushes, waits for the consumer to finish, and rethrows its failure if it had one. */
    @Override
    public void close() {
        flush();
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }
}
