package dev.portcullis.core.investigate;

import java.time.Instant;
import java.util.List;

/**
 * The investigation of one account: was data lost? Immutable.
 *
 * <p>{@link #verdict} is judged on the sessions of the attacker's own addresses; {@link
 * #verdictWithLikely} also counts the "likely attacker" ones (new addresses after the compromise),
 * which may be the owner on a new network. Totals are exact; the lists are capped ({@link #notes}
 * says when).
 *
 * @param account          canonical account
 * @param compromisedAt    the attacker's first success, null when unknown
 * @param attackerSources  the attacker's addresses followed
 * @param verdict          most serious thing the attacker did
 * @param verdictWithLikely the same counting the likely attacker's sessions and changes too
 * @param attacker         sums over the attacker's sessions
 * @param likely           sums over the likely attacker's sessions
 * @param failedGuesses    failed sign-ins on this account from the attacker's addresses
 * @param sessions         the sessions, in time order (capped)
 * @param forwardings      forwarding set up from the compromise on (every one, with its attribution; capped)
 * @param timeline         what happened, in time order (capped)
 * @param notes            limits reached and other caveats, in words
 */
public record AccountInvestigation(String account, Instant compromisedAt, List<String> attackerSources,
                                   Verdict verdict, Verdict verdictWithLikely, Totals attacker, Totals likely,
                                   long failedGuesses, List<AttackerSession> sessions, List<Forwarding> forwardings,
                                   List<TimelineEntry> timeline, List<String> notes) {

    public AccountInvestigation {
        attackerSources = List.copyOf(attackerSources);
        sessions = List.copyOf(sessions);
        forwardings = List.copyOf(forwardings);
        timeline = List.copyOf(timeline);
        notes = List.copyOf(notes);
    }
}
