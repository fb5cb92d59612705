package dev.portcullis.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An attack being assembled by {@link Judge}: its kind, time span, addresses, counts and evidence. */
final class Attack {
    final AttackKind kind;
    String id;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    final Set<String> sources = new LinkedHashSet<>();
    long attempts;
    int accounts;
    final Set<String> compromised = new LinkedHashSet<>();
    final List<String> evidence = new ArrayList<>();

    Attack(AttackKind kind) {
        this.kind = kind;
    }

    /**
     * Adds an address with its failures. The span is its guesses' (the earliest failure to the latest,
     * whatever the input order); a login from it hours later is not part of the attack
     * ({@link Judge}: a success proves a guess only within {@link Judge#guessWindow}).
     */
    void add(SourceState s) {
        sources.add(s.ip);
        long from = s.firstFailure() >= 0 ? s.firstFailure() : s.first();
        long to = s.firstFailure() >= 0 ? Math.max(from, s.lastFailure()) : s.last();
        start = Math.min(start, Math.min(from, to));
        end = Math.max(end, to);
        attempts += s.failures;
        accounts += s.failedAccounts.count();
    }

    /** Widens the span to include {@code t}. */
    void during(long t) {
        start = Math.min(start, t);
        end = Math.max(end, t);
    }
}
