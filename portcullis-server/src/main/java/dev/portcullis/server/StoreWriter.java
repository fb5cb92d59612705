package dev.portcullis.server;

import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.gate.GateListener;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.store.Change;
import dev.portcullis.store.DetectionRecord;
import dev.portcullis.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind of the gate's state: the gate's thread hands changes over in O(1) and never waits;
 * a writer thread applies them to the store in batches every {@code flushMillis} (one transaction per
 * batch). Pending changes are coalesced by key (the latest wins), so the queue is bounded by the
 * gate's own bounded tables even while the store is down; failed batches are retried.
 *
 * <p>{@link #flushedSeq()} tells how far the store has caught up, so tests and {@code /readyz} can
 * tell what is durable. Thread-safe.
 */
final class StoreWriter implements GateListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final Store store;
    private final Clock clock;
    private final long flushMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Map<String, Change> pending = new LinkedHashMap<>();
    private List<DetectionRecord> detections = new ArrayList<>();
    private long seq;
    private volatile long flushedSeq;
    private volatile String lastError;
    private volatile boolean closed;
    private final Thread thread;

    StoreWriter(Store store, Clock clock, long flushMillis) {
        this.store = store;
        this.clock = clock;
        this.flushMillis = flushMillis;
        this.thread = new Thread(this::run, "portcullis-store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void put(GateRecord r) {
        enqueue(r, Change.put(r));
    }

    @Override
    public void removed(GateRecord r) {
        enqueue(r, Change.remove(r));
    }

    @Override
    public void detection(String key, Detection d) {
        String json = RecordJson.detection(d).toString();
        DetectionRecord rec = new DetectionRecord(key, d.kind().label(), d.start(), d.end(), clock.instant(), json);
        lock.lock();
        try {
            if (detections.size() < 10_000) {
                detections.add(rec);
            }
            seq++;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(GateRecord r, Change c) {
        lock.lock();
        try {
            pending.remove(r.getClass().getSimpleName() + ":" + r.key());
            pending.put(r.getClass().getSimpleName() + ":" + r.key(), c);
            seq++;
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number of the last change handed over. */
    long enqueuedSeq() {
        lock.lock();
        try {
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** Every change up to this sequence number is in the store. */
    long flushedSeq() {
        return flushedSeq;
    }

    /** The last store error, or null when the last batch was written. */
    String lastError() {
        return lastError;
    }

    /** Writes everything pending now, on the caller's thread; for shutdown and tests. */
    void flush() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        long target = enqueuedSeq();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (flushedSeq < target && System.nanoTime() < deadline && thread.isAlive()) {
            LockSupport.parkNanos(200_000); // the writer batches; no need to spin
            lock.lock();
            try {
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void run() {
        while (!closed) {
            Map<String, Change> batch;
            List<DetectionRecord> dets;
            long upTo;
            lock.lock();
            try {
                if (pending.isEmpty() && detections.isEmpty()) {
                    wake.await(flushMillis, TimeUnit.MILLISECONDS);
                }
                batch = pending;
                dets = detections;
                upTo = seq;
                pending = new LinkedHashMap<>();
                detections = new ArrayList<>();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (batch.isEmpty() && dets.isEmpty()) {
                flushedSeq = upTo;
                continue;
            }
            try {
                if (!batch.isEmpty()) {
                    store.apply(new ArrayList<>(batch.values()));
                }
                for (DetectionRecord d : dets) {
                    store.putDetection(d);
                }
                flushedSeq = upTo;
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                log.warn("could not write the gate's state to {} (will retry): {}", store.describe(), e.getMessage());
                requeue(batch, dets);
                sleep(Math.max(flushMillis, 500));
            }
        }
    }

    private void requeue(Map<String, Change> batch, List<DetectionRecord> dets) {
        lock.lock();
        try {
            Map<String, Change> merged = new LinkedHashMap<>(batch);
            for (Map.Entry<String, Change> e : pending.entrySet()) {
                merged.remove(e.getKey());
                merged.put(e.getKey(), e.getValue());
            }
            pending = merged;
            dets.addAll(detections);
            detections = dets.size() > 10_000 ? new ArrayList<>(dets.subList(0, 10_000)) : dets;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush();
        closed = true;
        thread.interrupt();
    }
}
