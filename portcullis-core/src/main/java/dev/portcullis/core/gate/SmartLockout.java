package dev.portcullis.core.gate;

import dev.portcullis.core.engine.BoundedTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Smart lockout per account: failure counters from familiar and unfamiliar addresses kept apart
 * ({@link Guard}), the lockouts they lead to, and the delays before them.
 *
 * <p>Unfamiliar failures lock the account for unfamiliar addresses only, so an attacker cannot lock
 * its owner out of the office or their phone; familiar failures lock it for everyone outside the
 * internal networks (the gate never asks about internal ones). Both tables are bounded
 * ({@code limits.max_lockout_accounts}); when full, engine lockouts go before operators'. Expired
 * lockouts leave lazily, when met. Not thread-safe (the gate's thread only).
 */
final class SmartLockout {
    private final GateConfig config;
    private final long windowSeconds;
    private final BoundedTable<Guard> guards;
    private final BoundedTable<Lockout> lockouts;

    SmartLockout(GateConfig config) {
        this.config = config;
        this.windowSeconds = config.lockoutWindow().getSeconds();
        this.guards = new BoundedTable<>(config.maxLockoutAccounts(), Guard::usefulness);
        this.lockouts = new BoundedTable<>(config.maxLockoutAccounts(), l -> l.by().equals("engine") ? 1 : 100);
    }

    /**
     * The decision for a login to {@code acc} from a familiar or unfamiliar address: a refusal while
     * locked, a delay after repeated failures, else null. An expired lockout met here is removed and
     * handed to {@code expired}.
     */
    Decision check(String acc, boolean familiar, Instant now, Consumer<Lockout> expired) {
        Lockout lo = lockouts.get(acc);
        if (lo != null) {
            if (lo.expired(now)) {
                lockouts.remove(acc);
                expired.accept(lo);
            } else if (lo.scope() == Lockout.Scope.ALL || !familiar) {
                return Decision.reject("locked_out", lo.scope() == Lockout.Scope.ALL
                        ? "This account is locked after too many failed logins; try again later or contact IT"
                        : "This account is locked for new locations after too many failed logins;"
                                + " use a device you have used before, the office network, or contact IT");
            }
        }
        Guard g = config.maxDelaySeconds() == 0 ? null : guards.get(acc);
        if (g != null) {
            int n = g.failures(familiar, now.getEpochSecond(), windowSeconds);
            if (n >= config.delayAfter()) {
                int shift = Math.min(6, n - config.delayAfter());
                return Decision.delay(Math.min(config.maxDelaySeconds(), 1 << shift), "slow_down");
            }
        }
        return null;
    }

    /** A right password from an address the account knew: its familiar failures are forgiven. */
    void success(String acc, boolean familiar) {
        Guard g = guards.get(acc);
        if (g != null && familiar) {
            g.familiar = 0;
        }
    }

    /**
     * Counts a failure (the same wrong password again counts once); returns the lockout it leads to,
     * now in force, or null.
     */
    Lockout failure(String acc, boolean familiar, String pwhash, Instant now) {
        Guard g = guards.getOrCreate(acc, k -> new Guard());
        if (!g.fail(familiar, pwhash, now.getEpochSecond(), windowSeconds)) {
            return null;
        }
        Lockout current = lockouts.get(acc);
        boolean inForce = current != null && !current.expired(now);
        Lockout.Scope scope = null;
        if (familiar && g.familiar >= config.lockoutFamiliarFailures()) {
            scope = Lockout.Scope.ALL;
        } else if (!familiar && g.unfamiliar >= config.lockoutUnfamiliarFailures()
                && (!inForce || current.scope() != Lockout.Scope.ALL)) {
            scope = Lockout.Scope.UNFAMILIAR;
        }
        if (scope == null || (inForce && current.scope() == scope)) {
            return null;
        }
        int n = scope == Lockout.Scope.ALL ? g.familiar : g.unfamiliar;
        Lockout lo = new Lockout(acc, scope, n + " failed logins from " + (familiar ? "familiar" : "unfamiliar")
                + " addresses", now, now.plus(config.lockoutDuration()), "engine");
        put(lo);
        return lo;
    }

    void put(Lockout lo) {
        lockouts.remove(lo.account());
        lockouts.getOrCreate(lo.account(), k -> lo);
    }

    /** Lifts the lockout and forgets the counters; returns the lockout, or null. */
    Lockout remove(String acc) {
        guards.remove(acc);
        return lockouts.remove(acc);
    }

    List<Lockout> inForce(Instant now) {
        List<Lockout> out = new ArrayList<>();
        for (Lockout l : lockouts.values()) {
            if (!l.expired(now)) out.add(l);
        }
        return out;
    }

    int held() {
        return lockouts.size();
    }

    int keys() {
        return guards.size() + lockouts.size();
    }
}
