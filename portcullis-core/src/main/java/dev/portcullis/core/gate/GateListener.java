package dev.portcullis.core.gate;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import java.util.function.Function;

/**
 * Receives the gate's state changes, on the gate's thread, for persistence (write-behind) and
 * incidents. Implementations must return quickly and never block: queue, don't write.
 */
public interface GateListener {
    /** A record was created or replaced. */
    void put(GateRecord r);

    /** A record was removed (by an operator, or because it expired). */
    void removed(GateRecord r);

    /** A detection is new or has changed; {@code key} is stable for as long as the attack goes on. */
    default void detection(String key, Detection d) {}

    /**
     * As {@link #detection(String, Detection)}, with the engine's verdict on each compromised account
     * (when and from where it was broken into; null for an account without one). The gate calls this one.
     */
    default void detection(String key, Detection d, Function<String, AccountVerdict> verdicts) {
        detection(key, d);
    }

    GateListener NONE = new GateListener() {
        @Override
        public void put(GateRecord r) {}

        @Override
        public void removed(GateRecord r) {}
    };
}
