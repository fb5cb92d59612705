package dev.portcullis.store;

import java.time.Instant;

/**
 * One line of the audit trail. {@code id} is assigned by the store (0 before). {@code actor} who
 * ("admin:NAME", "cli", "engine"), {@code action} what ("lockdown.on", "block.add", …), {@code target}
 * on what, {@code detail} a JSON object with the rest.
 */
public record AuditEntry(long id, Instant time, String actor, String action, String target, String detail) {}
