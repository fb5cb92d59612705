package dev.portcullis.store;

import java.time.Instant;

/**
 * An allowlist entry: {@code kind} "network" (an address or CIDR) or "account"; always passes.
 * The key is {@code kind + ":" + value}.
 */
public record AllowRecord(String kind, String value, String note, Instant since, Instant until, String by)
        implements StateRecord {
    @Override
    public String key() { return kind + ":" + value; }
}
