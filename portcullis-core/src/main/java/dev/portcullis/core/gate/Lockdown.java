package dev.portcullis.core.gate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A lockdown of remote access: while in force, a login to a covered account from outside the internal
 * networks is refused. {@link Scope#ALL} covers everyone; {@link Scope#GROUP} the accounts listed or
 * matched by a glob ({@code *@sales.example.org}, {@code j*}); {@link Scope#ACCOUNT} one account.
 * {@code exempt} lists break-glass accounts (names or globs) that still pass.
 */
public record Lockdown(String id, Scope scope, List<String> accounts, List<String> exempt, String reason,
                       Instant since, Instant until, String by) implements GateRecord {

    public enum Scope { ALL, GROUP, ACCOUNT }

    public Lockdown {
        accounts = List.copyOf(accounts);
        exempt = List.copyOf(exempt);
        if (scope != Scope.ALL && accounts.isEmpty()) {
            throw new IllegalArgumentException("a " + scope.name().toLowerCase(Locale.ROOT)
                    + " lockdown needs at least one account or pattern");
        }
    }

    @Override
    public String key() {
        return id;
    }

    /** True when this lockdown applies to the canonical account (and it is not exempt). */
    public boolean covers(String account) {
        if (account != null && matchesAny(exempt, account)) {
            return false;
        }
        return scope == Scope.ALL || (account != null && matchesAny(accounts, account));
    }

    private static boolean matchesAny(List<String> patterns, String account) {
        for (String p : patterns) {
            if (glob(p, account)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive glob with {@code *} and {@code ?}; anything else is literal. Linear, no regex. */
    static boolean glob(String pattern, String account) {
        String p = pattern.toLowerCase(Locale.ROOT);
        int pi = 0, ai = 0, star = -1, mark = 0;
        while (ai < account.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == account.charAt(ai))) {
                pi++;
                ai++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ai;
            } else if (star >= 0) {
                pi = star + 1;
                ai = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
