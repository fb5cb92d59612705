package dev.portcullis.core.gate;

import java.time.Instant;

/**
 * An account locked by smart lockout or an operator. {@link Scope#UNFAMILIAR}: refused from addresses
 * it has never logged in from (an attacker's); {@link Scope#ALL}: refused from everywhere outside the
 * internal networks (the office is never locked out).
 */
public record Lockout(String account, Scope scope, String reason, Instant since, Instant until, String by)
        implements GateRecord {

    public enum Scope { UNFAMILIAR, ALL }

    @Override
    public String key() {
        return account;
    }
}
