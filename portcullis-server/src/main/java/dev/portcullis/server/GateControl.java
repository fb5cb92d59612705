package dev.portcullis.server;

import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.Change;
import dev.portcullis.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operator's typed operations on the gate, shared by the admin API ({@link AdminApi}, JSON) and the
 * web console (HTML): read the gate's state, put or remove a block, lockout, lockdown or allow, lift
 * lockdowns, write the audit trail.
 *
 * <p>Contract. A change is written to the store and audited first, then put in force in the gate (on
 * its thread), then returned — so nothing acknowledged is lost by a crash. Changes are serialised on
 * the admin thread (one writer: the store and the gate never disagree on the order of two changes to
 * one key); a caller on another thread (the console's) hands its change over and waits, and gets a
 * {@link Busy} when the admin queue is full. Reads run on the gate's thread and wait; neither is ever
 * called on the event loop itself. Thread-safe.
 */
public final class GateControl {
    private final Gate gate;
    private final ExecutorService loop;
    private final ExecutorService admin;
    private final Supplier<Thread> adminThread;
    private final Store store;
    private final Clock clock;

    GateControl(Gate gate, ExecutorService loop, ExecutorService admin, Supplier<Thread> adminThread, Store store,
                Clock clock) {
        this.gate = gate;
        this.loop = loop;
        this.admin = admin;
        this.adminThread = adminThread;
        this.store = store;
        this.clock = clock;
    }

    /** The admin queue is full or shut down: try again later (a 503). */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    public Clock clock() {
        return clock;
    }

    public Store store() {
        return store;
    }

    /** Runs {@code f} on the gate's thread and waits for its answer (a copy: never hand out the gate's own tables). */
    public <T> T read(Function<Gate, T> f) {
        return await(loop, () -> f.apply(gate));
    }

    /** Stores, audits and puts in force {@code rec}; {@code action} is the audit trail's word ("block.add"). */
    public GateRecord put(String actor, String action, GateRecord rec) {
        return serial(() -> {
            store.apply(List.of(Change.put(rec)));
            audit(actor, action, rec.key(), RecordJson.record(rec).toString());
            read(g -> {
                g.put(rec, false);
                return null;
            });
            return rec;
        });
    }

    /** Takes {@code key} out of force, then out of the store, audited; the record removed, or null when none was in force. */
    public GateRecord remove(String actor, String action, Class<? extends GateRecord> type, String key) {
        return serial(() -> {
            GateRecord removed = read(g -> g.remove(type, key));
            if (removed != null) {
                store.apply(List.of(Change.remove(removed)));
                audit(actor, action, key, RecordJson.record(removed).toString());
            }
            return removed;
        });
    }

    /** Lifts the lockdown {@code id}, or every one when {@code id} is null; the lockdowns lifted (empty: none was in force). */
    public List<Lockdown> liftLockdowns(String actor, String id) {
        return serial(() -> {
            Instant now = clock.instant();
            List<Lockdown> lifted = new ArrayList<>();
            for (Lockdown ld : read(g -> g.lockdowns(now))) {
                if (id == null || ld.id().equals(id)) lifted.add(ld);
            }
            if (lifted.isEmpty()) {
                return lifted;
            }
            List<Change> changes = new ArrayList<>();
            lifted.forEach(ld -> changes.add(Change.remove(ld)));
            store.apply(changes);
            for (Lockdown ld : lifted) {
                audit(actor, "lockdown.off", ld.id(), RecordJson.record(ld).toString());
            }
            read(g -> {
                lifted.forEach(ld -> g.remove(Lockdown.class, ld.id()));
                return null;
            });
            return lifted;
        });
    }

    /** Appends to the audit trail now; {@code detail} a JSON object ("{}" for none). Any thread. */
    public AuditEntry audit(String actor, String action, String target, String detail) {
        return store.audit(new AuditEntry(0, clock.instant(), actor, action, target, detail));
    }

    /** Inline on the admin thread; from any other thread, handed to it and awaited. */
    private <T> T serial(Callable<T> c) {
        if (Thread.currentThread() == adminThread.get()) {
            try {
                return c.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return await(admin, c);
    }

    private static <T> T await(ExecutorService on, Callable<T> c) {
        try {
            return on.submit(c).get();
        } catch (RejectedExecutionException e) {
            throw new Busy("the gate is busy or shutting down; try again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
