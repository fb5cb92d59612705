package dev.portcullis.core.investigate;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The investigation of one account while events stream by: mutable, package-private, single-threaded.
 *
 * <p>Attribution of an event (see {@link #attribute}): before the compromise nothing is the attacker's
 * (successes then make addresses familiar); from the compromise on, the attacker's addresses are the
 * attacker's, an event of a session already attributed follows its session, an address the account
 * never used before and that is not shared is the likely attacker's, anything else is the owner's.
 *
 * <p>Memory: at most {@code maxSessions} sessions kept apart (later ones are summed into one overflow
 * tally per attribution, so totals stay exact), {@code maxTimeline} timeline entries and forwardings,
 * {@link #FAMILIAR_MAX} familiar addresses, {@link #TRAIL_ACCOUNTS} names per attacker address in the
 * sign-in trail. Notes say when a cap was reached.
 */
final class Case {
    static final int FAMILIAR_MAX = 1024;
    static final int TRAIL_ACCOUNTS = 10_000;
    static final int OVERFLOW_KEYS = 65_536;
    private static final int TRAIL_SAMPLE = 5;
    /** Events of the attack on other accounts listed one by one per address before only the sum is kept. */
    static final int TRAIL_DETAIL = 20;

    /** Failures (and successes) of one attacker address on the other accounts: the attack's sign-in trail. */
    private static final class Trail {
        long failures;
        long successes;
        Instant first;
        Instant last;
        String file;
        long line;
        final Set<String> accounts = new HashSet<>();
        final List<String> sample = new ArrayList<>(TRAIL_SAMPLE);
        boolean accountsCapped;
    }

    final Suspect suspect;
    private final Predicate<String> shared;
    private final int maxSessions;
    private final int maxTimeline;
    private final Set<String> familiar = new HashSet<>();
    private boolean familiarCapped;
    private final Map<String, SessionTally> sessions = new LinkedHashMap<>();
    private final Map<Attribution, SessionTally> overflow = new LinkedHashMap<>();
    private long sessionsNotListed;
    /** Keys of the sessions summed into {@link #overflow}, so their later lines find them (bounded, oldest forgotten). */
    private final Map<String, SessionTally> overflowKeys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionTally> eldest) {
            return size() > OVERFLOW_KEYS;
        }
    };
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private long timelineDropped;
    private final List<Forwarding> forwardings = new ArrayList<>();
    private long forwardingsDropped;
    private final Map<String, Trail> trails = new LinkedHashMap<>();
    private long failedGuesses;

    Case(Suspect suspect, Predicate<String> shared, int maxSessions, int maxTimeline) {
        this.suspect = suspect;
        this.shared = shared;
        this.maxSessions = maxSessions;
        this.maxTimeline = maxTimeline;
    }

    /** An event of this account. */
    void record(AuthEvent e) {
        Instant at = suspect.compromisedAt();
        boolean before = at != null && e.time().isBefore(at);
        String src = e.source();
        boolean attackerSrc = src != null && suspect.attackerSources().contains(src);
        if (e.kind() == EventKind.AUTH) {
            if (e.isFailure()) {
                if (attackerSrc && e.attempts() > 0) {
                    failedGuesses += e.attempts();
                    note(e, "failed sign-in" + (e.attempts() > 1 ? " ×" + e.attempts() : "") + " ("
                            + e.reason().label() + ")" + over(e) + " from an address of the attack");
                }
                return;
            }
            if (!attackerSrc && (before || at == null)) {
                if (src != null) {
                    if (familiar.size() < FAMILIAR_MAX) familiar.add(src);
                    else familiarCapped |= !familiar.contains(src);
                }
                return;
            }
        }
        SessionTally known = sessions.get(key(e));
        if (known == null) {
            known = overflowKeys.get(key(e));
        }
        Attribution who;
        String why;
        if (before) {
            return;
        } else if (attackerSrc) {
            who = Attribution.ATTACKER;
            why = "an address of the attack";
        } else if (known != null) {
            who = known.attribution;
            why = known.why;
        } else if (at == null) {
            return; // compromise time unknown: only the attacker's addresses are followed
        } else if (src == null) {
            if (!isForward(e)) return;
            who = Attribution.LIKELY_ATTACKER;
            why = "set after the compromise; the record names no address";
        } else if (familiar.contains(src) || shared.test(src)) {
            who = Attribution.FAMILIAR;
            why = familiar.contains(src) ? "an address the account used before the compromise" : "a shared address (NAT)";
        } else {
            who = Attribution.LIKELY_ATTACKER;
            why = "an address new to the account since the compromise";
        }
        if (isForward(e)) {
            forwarding(e, who);
            return;
        }
        if (who == Attribution.FAMILIAR) {
            return; // the owner's own session
        }
        SessionTally t = known != null ? known : open(e, who, why);
        if (e.kind() == EventKind.AUTH) {
            note(e, "signed in" + over(e) + " — " + who.label().replace('_', ' ') + ": " + why);
            return;
        }
        String words = t.add(e);
        if (words != null) {
            note(e, words);
        }
    }

    /** An event of another account from one of this account's attacker addresses: the attack's trail. */
    void trail(AuthEvent e) {
        if (e.kind() != EventKind.AUTH) return;
        Trail t = trails.computeIfAbsent(e.source(), k -> new Trail());
        if (t.failures + t.successes < TRAIL_DETAIL && (e.isSuccess() || e.attempts() > 0)) {
            note(e, (e.isFailure() ? "failed sign-in on " + e.account() + " (" + e.reason().label() + ")"
                    : "signed in to " + e.account()) + over(e) + " from an address of the attack");
        }
        if (e.isFailure()) {
            t.failures += e.attempts();
        } else {
            t.successes++;
        }
        if (t.first == null || e.time().isBefore(t.first)) {
            t.first = e.time();
            t.file = e.file();
            t.line = e.line();
        }
        if (t.last == null || e.time().isAfter(t.last)) t.last = e.time();
        if (e.account() != null) {
            if (t.accounts.size() < TRAIL_ACCOUNTS) {
                if (t.accounts.add(e.account()) && t.sample.size() < TRAIL_SAMPLE) t.sample.add(e.account());
            } else {
                t.accountsCapped = true;
            }
        }
    }

    private static boolean isForward(AuthEvent e) {
        return e.activity() != null && Activity.FORWARD.equals(e.activity().action());
    }

    private static String key(AuthEvent e) {
        return e.session() != null ? "s:" + e.session() : "a:" + e.source() + "|" + e.service();
    }

    private static String over(AuthEvent e) {
        return e.service() == null ? "" : " over " + e.service();
    }

    private SessionTally open(AuthEvent e, Attribution who, String why) {
        SessionTally t = new SessionTally(e, who, why);
        if (sessions.size() < maxSessions) {
            sessions.put(key(e), t);
            return t;
        }
        sessionsNotListed++;
        SessionTally sum = overflow.get(who);
        if (sum == null) {
            overflow.put(who, t);
            sum = t;
        } else {
            sum.sessions++;
        }
        overflowKeys.put(key(e), sum);
        return sum;
    }

    private void forwarding(AuthEvent e, Attribution who) {
        Activity a = e.activity();
        if (forwardings.size() < maxTimeline) {
            forwardings.add(new Forwarding(e.time(), a.target(), a.detail(), e.source(), who, e.file(), e.line()));
        } else {
            forwardingsDropped++;
        }
        note(e, "forwarding to " + a.target() + " set (" + a.detail() + ") — " + who.label().replace('_', ' '));
    }

    private void note(AuthEvent e, String what) {
        if (timeline.size() < maxTimeline) {
            timeline.add(new TimelineEntry(e.time(), e.source(), what, e.file(), e.line()));
        } else {
            timelineDropped++;
        }
    }

    AccountInvestigation result() {
        List<TimelineEntry> lines = new ArrayList<>(timeline);
        for (Map.Entry<String, Trail> en : trails.entrySet()) {
            Trail t = en.getValue();
            StringBuilder w = new StringBuilder("the attack's sign-in trail: ").append(t.failures)
                    .append(" failed sign-ins");
            if (t.successes > 0) w.append(" and ").append(t.successes).append(" successful ones");
            w.append(" on ").append(t.accounts.size()).append(t.accountsCapped ? "+" : "").append(" other accounts from this address, ")
                    .append(t.first).append(" to ").append(t.last).append(" (e.g. ").append(String.join(", ", t.sample)).append(')');
            lines.add(new TimelineEntry(t.first, en.getKey(), w.toString(), t.file, t.line));
        }
        lines.sort(Comparator.comparing(TimelineEntry::time));
        List<AttackerSession> list = new ArrayList<>();
        Totals attacker = Totals.NONE;
        Totals likely = Totals.NONE;
        boolean forwardAttacker = false;
        boolean forwardLikely = false;
        for (SessionTally t : sessions.values()) {
            list.add(t.toSession());
        }
        list.sort(Comparator.comparing(AttackerSession::start));
        List<SessionTally> all = new ArrayList<>(sessions.values());
        all.addAll(overflow.values());
        for (SessionTally t : all) {
            if (t.attribution == Attribution.ATTACKER) attacker = attacker.plus(t.totals());
            else likely = likely.plus(t.totals());
        }
        for (Forwarding f : forwardings) {
            forwardAttacker |= f.attribution() == Attribution.ATTACKER;
            forwardLikely |= f.attribution() == Attribution.LIKELY_ATTACKER;
        }
        Verdict v = verdict(attacker, forwardAttacker);
        Verdict vl = v.atLeast(verdict(attacker.plus(likely), forwardAttacker || forwardLikely));
        List<String> notes = new ArrayList<>();
        if (suspect.compromisedAt() == null) {
            notes.add("no compromise time known: only the attacker's addresses were followed, over the whole input");
        }
        if (likely.sessions() > 0) {
            notes.add(likely.sessions() + " sessions from addresses new to the account since the compromise are counted"
                    + " apart as likely the attacker's; they may be the owner on a new network: check them");
        }
        if (attacker.throttled() + likely.throttled() > 0) {
            notes.add("Microsoft 365 throttled the audit of mail reads (IsThrottled): more may have been read than listed");
        }
        if (sessionsNotListed > 0) {
            notes.add("sessions capped at " + maxSessions + ": " + sessionsNotListed + " more counted in the totals, not listed");
        }
        if (timelineDropped > 0) {
            notes.add("timeline capped at " + maxTimeline + " entries: " + timelineDropped + " more not listed (the totals count them)");
        }
        if (forwardingsDropped > 0) {
            notes.add("forwardings capped at " + maxTimeline + ": " + forwardingsDropped + " more not listed");
        }
        if (familiarCapped) {
            notes.add("more than " + FAMILIAR_MAX + " familiar addresses: some owner sessions may be counted as likely attacker");
        }
        return new AccountInvestigation(suspect.account(), suspect.compromisedAt(),
                suspect.attackerSources().stream().sorted().toList(), v, vl, attacker, likely, failedGuesses, list,
                forwardings, lines, notes);
    }

    static Verdict verdict(Totals t, boolean forwarding) {
        if (forwarding) return Verdict.FORWARDING;
        if (t.altered()) return Verdict.ALTERED;
        if (t.downloaded()) return Verdict.DOWNLOADED;
        if (t.sessions() > 0) return Verdict.ACCESSED;
        return Verdict.NO_ACCESS;
    }
}
