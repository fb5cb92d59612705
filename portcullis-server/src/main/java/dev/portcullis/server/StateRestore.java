package dev.portcullis.server;

import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.store.Snapshot;
import dev.portcullis.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before the port opens: the state in force (blocks, lockouts, lockdowns, allows) is read
 * from the store and put in the gate on its event loop, without being written back. Stored rows that
 * no longer make a record are skipped, logged and reported.
 */
final class StateRestore {
    private static final Logger log = LoggerFactory.getLogger(StateRestore.class);

    /** How many records were restored, and the rows that could not be. */
    record Result(int restored, List<String> problems) {}

    private StateRestore() {}

    static Result into(Gate gate, ExecutorService loop, Store store, Instant now) throws InterruptedException {
        Snapshot stored = store.load(now);
        for (String p : stored.unreadable()) {
            log.warn("a stored record could not be restored: {}", p);
        }
        List<GateRecord> state = stored.all();
        try {
            loop.submit(() -> state.forEach(r -> gate.put(r, false))).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("restoring the gate's state failed", e.getCause());
        }
        return new Result(state.size(), stored.unreadable());
    }
}
