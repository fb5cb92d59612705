package dev.portcullis.passwords.audit;

import dev.portcullis.core.Accounts;
import dev.portcullis.passwords.hash.StoredHash;

/**
 * One account's stored password hash, and where it was read (file and line, for messages).
 * {@code account} is as written (e.g. {@code CONTOSO\jdoe}); {@link #canonical()} is the lower-case name
 * without a Windows domain, used to match the accounts of an {@code analyze} report.
 */
public record Credential(String account, StoredHash hash, String file, long line) {
    public String canonical() {
        String a = account;
        int slash = a.lastIndexOf('\\');
        if (slash >= 0) {
            a = a.substring(slash + 1);
        }
        String c = Accounts.canonical(a);
        return c == null ? "" : c;
    }
}
