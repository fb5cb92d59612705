package dev.portcullis.server;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.gate.Gate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that runs the full judgement (the engine's {@code Judge}: campaigns, subnet attacks,
 * compromises) off the decision path, on an engine of its own. The judgement takes time in
 * proportion to the keys tracked (hundreds of milliseconds for hundreds of thousands), which the event
 * loop cannot spend; so this thread keeps its own {@link Engine}, fed with a copy of every event the
 * gate reports, judges it every {@code judge.interval}, and hands the findings to the gate's thread.
 *
 * <p>The hand-over queue is bounded ({@value #QUEUE} events): when the judge falls behind, events are
 * dropped and counted ({@link #dropped()}), which weakens only the campaign view, never a decision.
 * Memory: a second engine with the same limits as the gate's.
 */
final class JudgementThread implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JudgementThread.class);
    static final int QUEUE = 65_536;

    private final BlockingQueue<AuthEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Engine engine;
    private final Gate gate;
    private final ExecutorService loop;
    private final Clock clock;
    private final long intervalNanos;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastMillis;

    JudgementThread(EngineConfig config, Gate gate, ExecutorService loop, Clock clock, Duration interval) {
        this.engine = new Engine(config);
        this.gate = gate;
        this.loop = loop;
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "portcullis-judgement");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MIN_PRIORITY);
        this.thread.start();
    }

    /** Called on the gate's thread: never blocks. */
    void offer(AuthEvent e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** How long the last judgement took, in milliseconds. */
    long lastMillis() {
        return lastMillis;
    }

    private void run() {
        List<AuthEvent> batch = new ArrayList<>(4096);
        long next = System.nanoTime() + intervalNanos;
        while (!closed) {
            try {
                AuthEvent first = queue.poll(Math.max(1, next - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    engine.record(first);
                    queue.drainTo(batch, 4096);
                    for (AuthEvent e : batch) engine.record(e);
                    batch.clear();
                }
                if (System.nanoTime() >= next) {
                    long t0 = System.nanoTime();
                    Findings f = engine.findings();
                    lastMillis = (System.nanoTime() - t0) / 1_000_000;
                    loop.execute(() -> gate.apply(f, clock.instant()));
                    next = System.nanoTime() + intervalNanos;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("the judgement failed; it will run again next interval", e);
                next = System.nanoTime() + intervalNanos;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
