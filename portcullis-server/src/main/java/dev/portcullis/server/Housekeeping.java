package dev.portcullis.server;

import dev.portcullis.core.gate.Gate;
import dev.portcullis.respond.notify.Notifier;
import dev.portcullis.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic work. On the gate's event loop, every second: the gate's tick (expiries) and
 * the state sizes metrics publish (table sizes, no sweep). On a thread of its own
 * ({@code portcullis-notifier}), so a slow mail server or database delays neither decisions nor the
 * admin API: expired state purged from the store every 10 minutes, notifications sent every 5
 * seconds. A failing run is logged and tried again at the next.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService thread;

    /** @param loop the event loop that owns the gate (its scheduled work ends when the loop stops) */
    Housekeeping(Gate gate, ScheduledExecutorService loop, Store store, Notifier notifier, Metrics metrics, Clock clock) {
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-notifier");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                store.purgeExpired(clock.instant()); // expired blocks and lockouts leave the store too
            } catch (RuntimeException e) {
                log.warn("purging expired state from {} failed (will try again): {}", store.describe(), e.getMessage());
            }
        }, 10, 10, TimeUnit.MINUTES);
        if (notifier != null) {
            thread.scheduleWithFixedDelay(() -> {
                try {
                    notifier.tick(clock.instant());
                } catch (RuntimeException e) {
                    log.error("sending notifications failed (will try again)", e);
                }
            }, 1, 5, TimeUnit.SECONDS);
        }
        loop.scheduleAtFixedRate(() -> {
            try {
                Instant t = clock.instant();
                gate.tick(t);
                metrics.trackedKeys.set(gate.trackedKeys());
                metrics.blocks.set(gate.blocksHeld()); // table sizes: no sweep on the event loop
                metrics.lockouts.set(gate.lockoutsHeld());
                metrics.lockdowns.set(gate.lockdowns(t).size());
            } catch (RuntimeException e) {
                log.error("the gate's periodic work failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
