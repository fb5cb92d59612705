package dev.portcullis.store;

import java.time.Instant;

/**
 * An account locked by smart lockout or by an operator. {@code scope} "unfamiliar" (logins from
 * sources the account has never succeeded from are refused) or "all"; the key is the account.
 */
public record LockoutRecord(String account, String scope, String reason, Instant since, Instant until,
                            String by) implements StateRecord {
    @Override
    public String key() { return account; }
}
