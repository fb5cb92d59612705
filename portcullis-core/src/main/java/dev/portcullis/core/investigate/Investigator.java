package dev.portcullis.core.investigate;

import dev.portcullis.core.AuthEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Follows the attacker through the events of the accounts under investigation: their sessions from
 * the compromise on, what those fetched, changed and forwarded, and the attack's sign-in trail.
 *
 * <p>Contract: fed {@link AuthEvent}s in time order (as {@code analyze} reads logs: small reorderings
 * only misplace a "familiar" address at the edge), pure (no I/O, no clock), never throws from
 * {@link #record}, single-threaded. The suspects are known up front, so one pass suffices.
 *
 * <p>Memory: O(suspects × caps): each account keeps at most {@code maxSessions} sessions and
 * {@code maxTimeline} timeline entries (see {@link Case}); totals stay exact past the caps. Events of
 * other accounts cost one hash lookup of the account and one of the address.
 */
public final class Investigator {
    public static final int DEFAULT_MAX_SESSIONS = 1_000;
    public static final int DEFAULT_MAX_TIMELINE = 5_000;

    private final Map<String, Case> cases = new LinkedHashMap<>();
    /** Attacker address → the cases it is an attacker of, for the sign-in trail on other accounts. */
    private final Map<String, List<Case>> byAttacker = new LinkedHashMap<>();

    /**
     * @param suspects       the accounts to investigate (canonical names)
     * @param sharedAddress  true for addresses many accounts log in from (office and carrier NATs):
     *                       never taken for the attacker's, e.g. {@code engine::isShared}
     * @param maxSessions    sessions kept apart per account (1..1,000,000)
     * @param maxTimeline    timeline entries kept per account (1..1,000,000)
     */
    public Investigator(Collection<Suspect> suspects, Predicate<String> sharedAddress, int maxSessions, int maxTimeline) {
        if (maxSessions < 1 || maxSessions > 1_000_000) {
            throw new IllegalArgumentException("maxSessions must be 1..1000000, was " + maxSessions);
        }
        if (maxTimeline < 1 || maxTimeline > 1_000_000) {
            throw new IllegalArgumentException("maxTimeline must be 1..1000000, was " + maxTimeline);
        }
        Predicate<String> shared = sharedAddress == null ? ip -> false : sharedAddress;
        for (Suspect s : suspects) {
            Case c = new Case(s, shared, maxSessions, maxTimeline);
            cases.putIfAbsent(s.account(), c);
            for (String ip : s.attackerSources()) {
                byAttacker.computeIfAbsent(ip, k -> new ArrayList<>(1)).add(c);
            }
        }
    }

    public Investigator(Collection<Suspect> suspects, Predicate<String> sharedAddress) {
        this(suspects, sharedAddress, DEFAULT_MAX_SESSIONS, DEFAULT_MAX_TIMELINE);
    }

    /** Takes one event into account. Never throws. */
    public void record(AuthEvent e) {
        if (e == null) {
            return;
        }
        Case mine = e.account() == null ? null : cases.get(e.account());
        if (mine != null) {
            mine.record(e);
        }
        List<Case> trail = e.source() == null ? null : byAttacker.get(e.source());
        if (trail != null) {
            for (Case c : trail) {
                if (c != mine) {
                    c.trail(e);
                }
            }
        }
    }

    /** The investigations so far, one per suspect, in the order given. Does not change the state. */
    public List<AccountInvestigation> results() {
        List<AccountInvestigation> out = new ArrayList<>(cases.size());
        for (Case c : cases.values()) {
            out.add(c.result());
        }
        return out;
    }
}
