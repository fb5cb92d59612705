package dev.portcullis.core.gate;

import java.time.Instant;

/**
 * A source refused at the gate: an address or a network ({@code target}, canonical text of a
 * {@link dev.portcullis.core.Network}). {@code level} counts escalations (1 for a first block);
 * {@code by} "engine", "admin:NAME", "wforce", "incident:ID".
 */
public record Block(String target, Action action, int level, String reason, Instant since, Instant until,
                    String by) implements GateRecord {

    public enum Action { REJECT, TARPIT }

    @Override
    public String key() {
        return target;
    }
}
