package dev.portcullis.store;

import java.time.Instant;

/**
 * A source blocked at the gate. {@code target} is an address or a CIDR network (the key);
 * {@code level} is the escalation step (1 for a first block); {@code action} "reject" or "tarpit";
 * {@code by} who or what made it ("engine", "admin:NAME", "incident:ID").
 */
public record BlockRecord(String target, String action, int level, String reason, Instant since,
                          Instant until, String by) implements StateRecord {
    @Override
    public String key() { return target; }
}
