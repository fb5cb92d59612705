package dev.portcullis.core.gate;

import java.time.Instant;
import java.util.Locale;

/** An allowlist entry that always passes: a network (address or CIDR) or an account. */
public record Allow(Kind kind, String value, String note, Instant since, Instant until, String by)
        implements GateRecord {

    public enum Kind { NETWORK, ACCOUNT }

    @Override
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
