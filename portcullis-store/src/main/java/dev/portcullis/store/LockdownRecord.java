package dev.portcullis.store;

import java.time.Instant;
import java.util.List;

/**
 * A lockdown of remote access: logins from outside the internal networks are refused.
 * {@code id} is the key; {@code scope} "all", "group" or "account"; {@code accounts} the accounts or
 * glob patterns of a group (one entry for an account, empty for all); {@code exempt} break-glass
 * accounts that still pass.
 */
public record LockdownRecord(String id, String scope, List<String> accounts, List<String> exempt,
                             String reason, Instant since, Instant until, String by) implements StateRecord {
    public LockdownRecord {
        accounts = List.copyOf(accounts);
        exempt = List.copyOf(exempt);
    }

    @Override
    public String key() { return id; }
}
