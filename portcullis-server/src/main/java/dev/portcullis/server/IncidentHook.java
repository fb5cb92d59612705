package dev.portcullis.server;

import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.gate.GateListener;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.respond.Responder;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import dev.portcullis.core.engine.AccountVerdict;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's listener: everything goes to the {@link StoreWriter} as before, and a detection with
 * compromised accounts is handed to the {@link Responder} on the admin thread. Called on the event
 * loop: it only queues, never waits.
 */
final class IncidentHook implements GateListener {
    private static final Logger log = LoggerFactory.getLogger(IncidentHook.class);

    private final StoreWriter writer;
    private final ExecutorService adminThread;
    private final Responder responder;
    private final Clock clock;

    IncidentHook(StoreWriter writer, ExecutorService adminThread, Responder responder, Clock clock) {
        this.writer = writer;
        this.adminThread = adminThread;
        this.responder = responder;
        this.clock = clock;
    }

    @Override
    public void put(GateRecord r) {
        writer.put(r);
    }

    @Override
    public void removed(GateRecord r) {
        writer.removed(r);
    }

    @Override
    public void detection(String key, Detection d) {
        detection(key, d, account -> null);
    }

    /** The engine's per-account verdicts give each owner's letter its own time and addresses. */
    @Override
    public void detection(String key, Detection d, Function<String, AccountVerdict> verdicts) {
        writer.detection(key, d);
        if (d.compromised().isEmpty()) {
            return;
        }
        try {
            adminThread.execute(() -> {
                try {
                    responder.detection(key, d, verdicts, "engine", clock.instant());
                } catch (RuntimeException e) {
                    log.error("could not open or update the incident for detection {} (the detection is stored;"
                            + " the incident opens if the gate reports it again)", key, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("shutting down: the incident for detection {} is opened when the gate next judges it", key);
        }
    }
}
