package dev.portcullis.core.investigate;

import dev.portcullis.core.Accounts;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.engine.Findings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Entry points of the investigation: "was data lost?" for compromised accounts.
 *
 * <p>{@link #run(Iterable, Map, EngineConfig)} reads the events twice: once through a fresh
 * {@link Engine} (which accounts fell, when, to which addresses; which addresses are shared), once
 * through an {@link Investigator}. A caller that already has an engine's findings (the server, per
 * incident) uses {@link #suspects} and an {@link Investigator} directly, and reads the events once.
 */
public final class Investigation {
    private Investigation() {
    }

    /**
     * Investigates accounts over {@code events} (iterated twice; in time order).
     *
     * @param compromisedAt accounts to investigate, each with the time it fell (a null value: take the
     *                      engine's time, or none when the engine did not find it compromised); empty:
     *                      every account the engine finds compromised
     * @param config        the engine's thresholds
     * @return one investigation per account, in the order asked (engine order when none were given)
     */
    public static List<AccountInvestigation> run(Iterable<AuthEvent> events, Map<String, Instant> compromisedAt,
                                                 EngineConfig config) {
        Engine engine = new Engine(config);
        for (AuthEvent e : events) {
            engine.record(e);
        }
        Investigator inv = new Investigator(suspects(engine.findings(), compromisedAt), engine::isShared);
        for (AuthEvent e : events) {
            inv.record(e);
        }
        return inv.results();
    }

    /** One pass, for a caller that already judged the events: see {@link #suspects}. */
    public static List<AccountInvestigation> run(Iterable<AuthEvent> events, Findings findings,
                                                 Map<String, Instant> compromisedAt, Predicate<String> sharedAddress) {
        Investigator inv = new Investigator(suspects(findings, compromisedAt), sharedAddress);
        for (AuthEvent e : events) {
            inv.record(e);
        }
        return inv.results();
    }

    /**
     * The suspects for the accounts asked (or every compromised account when none are): compromise time
     * from the request when given, else the engine's; attacker addresses from the engine's verdict on the
     * account (those that logged in to it when compromised, those that failed on it when targeted).
     */
    public static List<Suspect> suspects(Findings findings, Map<String, Instant> compromisedAt) {
        Map<String, AccountVerdict> verdicts = new LinkedHashMap<>();
        for (AccountVerdict v : findings.accounts()) {
            verdicts.putIfAbsent(v.account(), v);
        }
        List<Suspect> out = new ArrayList<>();
        if (compromisedAt == null || compromisedAt.isEmpty()) {
            for (AccountVerdict v : verdicts.values()) {
                if (v.status() == AccountVerdict.Status.COMPROMISED) {
                    out.add(new Suspect(v.account(), v.compromisedAt(), Set.copyOf(v.attackerSources())));
                }
            }
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, Instant> e : compromisedAt.entrySet()) {
            String account = Accounts.canonical(e.getKey());
            if (account == null || !seen.add(account)) {
                continue;
            }
            AccountVerdict v = verdicts.get(account);
            Instant at = e.getValue();
            if (at == null && v != null && v.status() == AccountVerdict.Status.COMPROMISED) {
                at = v.compromisedAt();
            }
            boolean attackerSources = v != null && (v.status() == AccountVerdict.Status.COMPROMISED || v.status() == AccountVerdict.Status.TARGETED);
            out.add(new Suspect(account, at, attackerSources ? Set.copyOf(v.attackerSources()) : Set.of()));
        }
        return out;
    }
}
