package dev.portcullis.core.engine;

import dev.portcullis.core.Words;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the engine's state into {@link Findings}. The rules (DESIGN.md, "Detection: what good looks
 * like"), in order:
 * <ol>
 *   <li>A shared address (many accounts succeed from it, few fail) is never an attacker.</li>
 *   <li>Per address: brute force (many failures in a window on few accounts), password spray (one
 *       address failing on many accounts), credential stuffing (several accounts, many unknown).
 *       Failures from an address already familiar to the account (it logged in from there before)
 *       do not count: that is a device with a stale password.</li>
 *   <li>Distributed spray: addresses with a handful of failures each, never succeeding (or succeeding
 *       only on accounts they did not fail on), counted per window; windows far above the
 *       organisation's baseline are a campaign, and their addresses its members. An address that only
 *       retries one account is a user, not a sprayer.</li>
 *   <li>Compromise: a success from an attacker's address; or bulk downloads by sessions from
 *       addresses unfamiliar to the account (two different ones within a day, or one after the account
 *       was targeted or compromised). Those addresses are the attacker's too.</li>
 *   <li>Stale credentials: repeated failures from a familiar address.</li>
 * </ol>
 */
final class Judge {
    private static final long DAY = 86_400;

    private final Engine en;
    private final EngineConfig c;
    private final Kinds kinds;
    /** Address → the attack it is attributed to. */
    private final Map<String, Attack> attackerOf = new HashMap<>();
    private final Map<String, String> suspicious = new HashMap<>();
    /** Addresses probing for account names (no attacker, not suspicious) → why. */
    private final Map<String, String> probing = new HashMap<>();
    private final List<Attack> attacks = new ArrayList<>();
    private final Map<String, Comp> compromised = new TreeMap<>();
    private final List<SourceState> staleRhythm = new ArrayList<>();
    /** Account → a login from an attacker's address too far from its guesses to be a compromise (evidence). */
    private final Map<String, String> lateLogins = new HashMap<>();
    /** Times in evidence text, as Instant.toString writes them (cached per day). */
    private final IsoSeconds iso = new IsoSeconds();

    /** A compromised account being assembled. */
    private static final class Comp {
        long at = Long.MAX_VALUE;
        final Set<String> sources = new LinkedHashSet<>();
        /** Evidence by time, so it reads as a timeline. */
        final TreeMap<Long, List<String>> evidence = new TreeMap<>();
        Attack attack;

        void evidence(long t, String text) {
            evidence.computeIfAbsent(t, k -> new ArrayList<>()).add(text);
        }

        List<String> timeline() {
            List<String> out = new ArrayList<>();
            evidence.values().forEach(out::addAll);
            return out;
        }
    }

    Judge(Engine en) {
        this.en = en;
        this.c = en.config;
        this.kinds = new Kinds(en);
    }

    Findings run() {
        int activeUsers = 0;
        for (AccountState a : en.accounts.values()) {
            if (a.successes > 0) activeUsers++;
        }
        List<SourceState> candidates = new ArrayList<>();
        for (SourceState s : en.sources.values()) {
            if (isShared(s) || s.strangerFailures == 0) {
                continue;
            }
            Kinds.Call call = perAddress(s);
            if (call != null) {
                Attack a = new Attack(call.kind());
                a.add(s);
                a.evidence.add(describe(s));
                if (call.why() != null) a.evidence.add(call.why());
                attacks.add(a);
                attackerOf.put(s.ip, a);
            } else if (isCampaignCandidate(s)) {
                candidates.add(s);
            }
        }
        Campaigns campaigns = new Campaigns(en, attacks, attackerOf, suspicious);
        candidates = campaigns.subnets(candidates);
        groupSmall(AttackKind.CREDENTIAL_STUFFING, Integer.MAX_VALUE);
        groupSmall(AttackKind.PASSWORD_SPRAY, 5 * c.sprayAccounts());
        campaigns.campaigns(candidates, activeUsers);
        compromises();
        listTheRest();
        List<Detection> detections = detections();
        List<SourceVerdict> sourceVerdicts = sourceVerdicts();
        List<AccountVerdict> accountVerdicts = accountVerdicts();
        return new Findings(detections, sourceVerdicts, accountVerdicts, en.sources.size(), en.accounts.size(),
                en.pairs.size(), en.sources.evictions() + en.accounts.evictions() + en.pairs.evictions());
    }

    /** One address judged on its own (see {@link Engine#attackBy}). */
    AttackKind attackBy(SourceState s) {
        Kinds.Call call = isShared(s) ? null : perAddress(s);
        return call == null ? null : call.kind();
    }

    boolean isShared(SourceState s) {
        int ok = s.succeededAccountCount();
        return ok >= c.sharedMinAccounts() && ok >= c.sharedMinSuccessShare() * s.failedAccounts.count();
    }

    /**
     * Share of this address's guesses aimed at accounts that do not exist, for deciding whether an
     * address failing on a few accounts is an attacker at all (not which kind: {@link Kinds}). The log's
     * own reasons first (auth_verbose, sshd "invalid user", Kerberos codes): when they explain at least
     * half of the guesses, they decide. Else the accounts it named that never logged in during the
     * input count as unknown, but only where that absence means something ({@link Kinds#absenceCounts}):
     * a log long and busy enough, or a script's pace over several such names.
     */
    private double unknownShare(SourceState s) {
        double byReason = s.failures == 0 ? 0 : (double) s.unknownFailures / s.failures;
        Guesses g = s.guesses;
        if (g != null && g.unknown + g.existing > 0 && 2L * (g.unknown + g.existing) >= g.named) {
            return (double) g.unknown / (g.unknown + g.existing);
        }
        List<String> named = s.failedAccounts.known();
        if (named.isEmpty()) {
            return byReason;
        }
        int never = kinds.neverLoggedIn(named);
        if (!kinds.absenceCounts(s, never)) {
            return byReason;
        }
        return Math.max(byReason, (double) never / named.size());
    }

    /**
     * The attack this address makes on its own, or null: brute force (many failures in a window on
     * few accounts), or failures on many accounts ({@code spray.accounts}), or on several
     * ({@code stuffing.accounts}), at least {@code stuffing.unknown_share} of the guesses on unknown
     * accounts, within a day of each other (a handful of
     * guesses over weeks is background noise, not an attack); the kind of a multi-account attack is
     * {@link Kinds}'s. A device retrying one account on a timer is stale credentials, not an attack.
     */
    private Kinds.Call perAddress(SourceState s) {
        int accounts = s.failedAccounts.count();
        if (s.bestWindowFailures >= c.bruteForceFailures() && accounts <= c.bruteForceMaxAccounts()) {
            if (accounts == 1 && Pace.timer(s, loggedIn(s.failedAccounts.first()))) {
                staleRhythm.add(s);
                return null; // a device or a cron job retrying an old password on a timer
            }
            return new Kinds.Call(AttackKind.BRUTE_FORCE, null);
        }
        if (accounts >= c.sprayAccounts()
                || (accounts >= c.stuffingAccounts() && Pace.mostWithin(s, DAY) >= c.stuffingAccounts()
                    && (unknownShare(s) >= c.stuffingUnknownShare() || scriptedOverOthers(s)))) {
            return kinds.of(s);
        }
        return null;
    }

    /**
     * At a script's pace ({@link Pace#scripted}) over at least {@code stuffing.accounts} accounts none
     * of which logged in from this address: a small spray over accounts that exist (a person does not
     * mistype four colleagues' passwords in a minute; an office where they log in is a shared address).
     */
    private boolean scriptedOverOthers(SourceState s) {
        if (!Pace.scripted(s)) {
            return false;
        }
        int others = 0;
        for (String acc : s.failedAccounts.known()) {
            if (!s.succeededFor(acc)) others++;
        }
        return others >= c.stuffingAccounts();
    }

    /** True when the account logged in during the input (it exists and its owner uses it). */
    private boolean loggedIn(String account) {
        AccountState a = account == null ? null : en.accounts.get(account);
        return a != null && a.successes > 0;
    }

    /** Low-and-slow: a few failures, no success except on accounts it did not fail on, not one account retried. */
    private boolean isCampaignCandidate(SourceState s) {
        if (s.failures > c.campaignMaxAttemptsPerSource() && s.failedAccounts.count() < c.stuffingAccounts()) {
            return false;
        }
        int accounts = s.failedAccounts.count();
        if (accounts == 1 && s.namedFailures >= 2) {
            return false; // a user retrying their own account
        }
        for (int i = 0; i < s.successCount; i++) {
            if (s.failedAccounts.contains(s.successAccount(i))) {
                return false; // failed, then got in to the same account: a typo
            }
        }
        return true;
    }

    /**
     * Many addresses of one kind, each trying a modest list of accounts at about the same time, are one
     * campaign (credential stuffing from a botnet; a spray split across addresses). A single address
     * spraying thousands of accounts stays an attack of its own.
     */
    private void groupSmall(AttackKind kind, int maxAccountsEach) {
        List<Attack> small = new ArrayList<>();
        attacks.removeIf(a -> {
            if (a.kind == kind && a.accounts < maxAccountsEach) {
                small.add(a);
                return true;
            }
            return false;
        });
        small.sort(Comparator.comparingLong(a -> a.start));
        Attack current = null;
        Map<Attack, Attack> firstOf = new HashMap<>();
        for (Attack a : small) {
            if (current == null || a.start > current.end + c.campaignWindow().getSeconds()) {
                current = new Attack(kind);
                attacks.add(current);
                firstOf.put(current, a);
            }
            for (String ip : a.sources) {
                SourceState s = en.sources.get(ip);
                if (s != null) current.add(s);
                attackerOf.put(ip, current);
            }
            if (a.sources.size() > 1 && current.evidence.size() < 5) {
                current.evidence.addAll(a.evidence); // a subnet attack keeps its own explanation
            }
        }
        for (Map.Entry<Attack, Attack> e : firstOf.entrySet()) {
            if (e.getKey().sources.size() == 1 && e.getKey().evidence.isEmpty()) {
                e.getKey().evidence.addAll(e.getValue().evidence); // alone in its group: its own explanation
            }
        }
        for (Attack a : attacks) {
            if (a.kind == kind && a.sources.size() > 1 && small.stream().noneMatch(x -> x == a)) {
                a.evidence.add(0, a.sources.size() + " addresses, each failing on a list of accounts"
                        + (kind == AttackKind.CREDENTIAL_STUFFING ? ", at least " + Words.percent(c.stuffingUnknownShare())
                        + " of its guesses on accounts that do not exist or never log in" : ""));
            }
        }
    }

    /**
     * How far from an attack's guesses a login from one of its addresses still proves that a guess was
     * right: {@code brute_force.window} or {@code campaign.window}, whichever is longer (1 h by
     * default). A guess that works is followed by its login at once; a login from the same address many
     * hours after the last failure is somebody using it later — an owner who mistyped and came back,
     * behind the same Docker gateway or NAT — and proves nothing about the guesses.
     */
    long guessWindow() {
        return Math.max(c.bruteForceWindow().getSeconds(), c.campaignWindow().getSeconds());
    }

    private void compromises() {
        // 1. a success from an attacker's address, during its attack (its guesses' span, give or take
        //    the guess window)
        long w = guessWindow();
        for (Map.Entry<String, Attack> e : attackerOf.entrySet()) {
            SourceState s = en.sources.get(e.getKey());
            if (s == null) continue;
            Attack attack = e.getValue();
            for (int i = 0; i < s.successCount; i++) {
                long t = s.successTime(i);
                if (t < attack.start - w || t > attack.end + w) {
                    long gap = t > attack.end ? t - attack.end : attack.start - t;
                    lateLogins.putIfAbsent(s.successAccount(i), "logged in from " + s.ip + " at " + iso.format(t)
                            + ", " + Words.duration(gap) + (t > attack.end ? " after" : " before")
                            + " the attack's guesses: too far from them to prove one right");
                    continue;
                }
                Comp comp = compromised.computeIfAbsent(s.successAccount(i), k -> new Comp());
                if (t < comp.at) {
                    comp.at = t;
                    comp.attack = e.getValue();
                }
                comp.sources.add(s.ip);
                comp.evidence(t, "logged in from " + s.ip + " at " + iso.format(t) + ", an address of the "
                        + e.getValue().kind.label() + " attack");
            }
        }
        // 2. bulk downloads from addresses unfamiliar to the account
        for (AccountState a : en.accounts.values()) {
            if (a.bulkCount() == 0) continue;
            List<Integer> strange = new ArrayList<>();
            for (int i = 0; i < a.bulkCount(); i++) {
                String ip = a.bulkSource(i);
                SourceState s = en.sources.get(ip);
                if (s != null && isShared(s)) continue;
                strange.add(i);
            }
            if (strange.isEmpty()) continue;
            Comp comp = compromised.get(a.account);
            // targeted: an attacker failed on it, recently enough before (or during) these downloads
            boolean targeted = targetedBy(a) != null && a.lastFailure() >= 0
                    && a.lastFailure() >= a.bulkLogin(strange.get(0)) - c.targetedMemory().getSeconds();
            Set<String> distinct = new LinkedHashSet<>();
            for (int i : strange) distinct.add(a.bulkSource(i));
            long span = a.bulkTime(strange.get(strange.size() - 1)) - a.bulkTime(strange.get(0));
            boolean convincing = comp != null || (distinct.size() >= 2 && span <= DAY);
            if (!convincing) {
                for (String ip : distinct) {
                    suspicious.putIfAbsent(ip, "bulk download from an address new to " + a.account
                            + (targeted ? ", after attackers failed on it (no login of theirs succeeded)" : ""));
                }
                continue;
            }
            if (comp == null) {
                comp = new Comp();
                compromised.put(a.account, comp);
                Attack by = targetedBy(a);
                comp.attack = by;
            }
            for (int i : strange) {
                String ip = a.bulkSource(i);
                long t = a.bulkLogin(i);
                if (t < comp.at) comp.at = t;
                comp.sources.add(ip);
                comp.evidence(a.bulkTime(i), "bulk download by a session from " + ip + " (new to this account) ending "
                        + iso.format(a.bulkTime(i)));
                if (!attackerOf.containsKey(ip)) {
                    Attack owner = comp.attack;
                    if (owner == null) {
                        owner = new Attack(AttackKind.COMPROMISE);
                        owner.evidence.add("bulk downloads from addresses new to " + a.account);
                        attacks.add(owner);
                        comp.attack = owner;
                    }
                    attackerOf.put(ip, owner);
                    owner.sources.add(ip);
                    owner.during(t);
                    owner.during(a.bulkTime(i));
                }
            }
        }
        for (Map.Entry<String, Comp> e : compromised.entrySet()) {
            if (e.getValue().attack != null) {
                e.getValue().attack.compromised.add(e.getKey());
            }
        }
    }

    /**
     * Guessers too small to be an attack, listed for the analyst with one rule whatever made them
     * candidates or not (issue 11: a root guesser with 6 guesses went unlisted while addresses with 2
     * guesses on 2 names were listed): an address that is no attacker, not shared, failed as a stranger
     * and never got in to an account it failed on, is suspicious when it failed on two accounts or
     * more, or made at least {@link #suspiciousGuesses} guesses within {@code brute_force.window} (more
     * than a user's typos, fewer than {@code brute_force.failures}). Not a device retrying on a timer
     * (stale credentials), nor one retrying one account that logs in, at a device's cadence
     * ({@link Pace#retrying}: a phone with an old password, fewer failures than a timer needs), which
     * makes the account stale credentials. An address that only asked for account names that do not exist (sshd
     * "Invalid user U from A", no password tried) and never logged in is listed as probing.
     */
    private void listTheRest() {
        int min = suspiciousGuesses();
        Set<String> timers = new HashSet<>();
        for (SourceState s : staleRhythm) timers.add(s.ip);
        for (SourceState s : en.sources.values()) {
            if (attackerOf.containsKey(s.ip) || suspicious.containsKey(s.ip) || timers.contains(s.ip) || isShared(s)) {
                continue;
            }
            if (s.strangerFailures > 0 && !s.loggedInWhereFailed()) {
                int accounts = s.failedAccounts.count();
                if (accounts >= 2) {
                    suspicious.put(s.ip, "failed on " + Words.count(accounts, "account") + " and never logged in to them;"
                            + " too few guesses for an attack");
                    continue;
                }
                if (s.bestWindowFailures >= min) {
                    if (accounts == 1 && s.namedFailures == s.failures && s.unknownFailures == 0
                            && loggedIn(s.failedAccounts.first()) && Pace.retrying(s)) {
                        staleRhythm.add(s); // a phone or mail client retrying its owner's old password
                        continue;
                    }
                    String on = accounts == 1 ? " on " + s.failedAccounts.first() : " naming no account";
                    suspicious.put(s.ip, Words.count(s.bestWindowFailures, "failed guess", "failed guesses") + on + " within "
                            + c.bruteForceWindow().toMinutes() + " min, never logging in: more than a user's typos, fewer than"
                            + " the " + c.bruteForceFailures() + " of a brute force");
                    continue;
                }
            }
            if (s.probes > 0 && s.successes == 0) {
                probing.put(s.ip, "probing: " + Words.count(s.probes, "probe") + " for account names that do not exist"
                        + (s.failures == 0 ? ", no password tried" : ", with " + Words.count(s.failures, "failed guess", "failed guesses"))
                        + "; never logged in");
            }
        }
    }

    /** Guesses within {@code brute_force.window} from one address that make it suspicious: half a brute force, at least 3. */
    int suspiciousGuesses() {
        return Math.max(3, c.bruteForceFailures() / 2);
    }

    private Attack targetedBy(AccountState a) {
        if (a.failedFrom == null) return null;
        for (String ip : a.failedFrom) {
            Attack at = ip == null ? null : attackerOf.get(ip);
            if (at != null) return at;
        }
        return null;
    }

    private List<Detection> detections() {
        attacks.removeIf(a -> a.kind == AttackKind.COMPROMISE && a.compromised.isEmpty());
        attacks.sort(Comparator.comparingLong((Attack a) -> a.start).thenComparing(a -> a.kind));
        List<Detection> out = new ArrayList<>();
        int n = 0;
        for (Attack a : attacks) {
            a.id = "A" + (++n);
            out.add(new Detection(a.id, a.kind, Instant.ofEpochSecond(a.start), Instant.ofEpochSecond(a.end),
                    List.copyOf(a.sources), a.accounts, a.attempts, List.copyOf(a.compromised), List.copyOf(a.evidence)));
        }
        return out;
    }

    /**
     * Verdict orders, built once and written out (the comparator chains they replace boxed a long per
     * comparison; a botnet's report sorts tens of thousands of verdicts, issue 11): attackers first, then
     * by failures (most first), then by address.
     */
    private static final Comparator<SourceVerdict> SOURCE_ORDER = (x, y) -> {
        int c = x.verdict().compareTo(y.verdict());
        if (c == 0) {
            c = Long.compare(-x.failures(), -y.failures());
        }
        return c != 0 ? c : x.ip().compareTo(y.ip());
    };
    /** Compromised, stale, targeted (the enum's order), then by account name. */
    private static final Comparator<AccountVerdict> ACCOUNT_ORDER = (x, y) -> {
        int c = x.status().compareTo(y.status());
        return c != 0 ? c : x.account().compareTo(y.account());
    };

    private List<SourceVerdict> sourceVerdicts() {
        List<SourceVerdict> out = new ArrayList<>();
        for (Map.Entry<String, Attack> e : attackerOf.entrySet()) {
            SourceState s = en.sources.get(e.getKey());
            long failures = s == null ? 0 : s.failures;
            long attempts = s == null ? 0 : s.failures + s.successes;
            int accounts = s == null ? 0 : Math.max(s.failedAccounts.count(), s.succeededAccountCount());
            out.add(new SourceVerdict(e.getKey(), SourceVerdict.Kind.ATTACKER, attempts, failures, accounts, s == null ? 0 : s.probes,
                    List.of(e.getValue().id),
                    s == null ? e.getValue().kind.label() : describe(s)));
        }
        for (Map.Entry<String, String> e : suspicious.entrySet()) {
            if (attackerOf.containsKey(e.getKey())) continue;
            SourceState s = en.sources.get(e.getKey());
            out.add(new SourceVerdict(e.getKey(), SourceVerdict.Kind.SUSPICIOUS, s == null ? 0 : s.failures + s.successes,
                    s == null ? 0 : s.failures, s == null ? 0 : s.failedAccounts.count(), s == null ? 0 : s.probes, List.of(), e.getValue()));
        }
        for (Map.Entry<String, String> e : probing.entrySet()) {
            SourceState s = en.sources.get(e.getKey());
            out.add(new SourceVerdict(e.getKey(), SourceVerdict.Kind.PROBING, s == null ? 0 : s.failures + s.successes,
                    s == null ? 0 : s.failures, s == null ? 0 : s.failedAccounts.count(), s == null ? 0 : s.probes, List.of(), e.getValue()));
        }
        out.sort(SOURCE_ORDER);
        return out;
    }

    private List<AccountVerdict> accountVerdicts() {
        List<AccountVerdict> out = new ArrayList<>();
        for (Map.Entry<String, Comp> e : compromised.entrySet()) {
            Comp comp = e.getValue();
            out.add(new AccountVerdict(e.getKey(), AccountVerdict.Status.COMPROMISED, Instant.ofEpochSecond(comp.at),
                    List.copyOf(comp.sources), comp.timeline()));
        }
        for (Map.Entry<String, PairState> e : en.pairs.entries()) {
            PairState p = e.getValue();
            if (p.failures < c.staleMinFailures()) continue;
            String key = e.getKey();
            int sep = key.indexOf('\u0000');
            String account = key.substring(0, sep);
            if (compromised.containsKey(account)) continue;
            out.add(new AccountVerdict(account, AccountVerdict.Status.STALE_CREDENTIALS, null, List.of(),
                    List.of(Words.count(p.failures, "failure") + " from " + key.substring(sep + 1) + ", an address it logged in from before, "
                            + iso.format(p.firstFailure()) + " to " + iso.format(p.lastFailure())
                            + (p.samePwhash > 0 ? " (the same wrong password " + (p.samePwhash + 1) + " times)" : ""))));
        }
        for (SourceState s : staleRhythm) {
            List<String> acc = s.failedAccounts.known();
            if (acc.isEmpty() || compromised.containsKey(acc.get(0))) continue;
            out.add(new AccountVerdict(acc.get(0), AccountVerdict.Status.STALE_CREDENTIALS, null, List.of(),
                    List.of(Words.count(s.failures, "failure") + " from " + s.ip + " at a device's steady pace (a failure every "
                            + Pace.medianGap(s) + " s or so), " + iso.format(s.firstFailure()) + " to "
                            + iso.format(s.last()) + (loggedIn(acc.get(0)) ? " (the account logs in elsewhere: an old"
                            + " password left in a device or a scheduled job)" : " (its last good login predates the log)"))));
        }
        Set<String> listed = new HashSet<>();
        for (AccountVerdict v : out) listed.add(v.account());
        for (AccountState a : en.accounts.values()) {
            if (listed.contains(a.account)) continue;
            if (a.failedFrom == null) continue;
            List<String> by = new ArrayList<>();
            for (String ip : a.failedFrom) {
                if (ip != null && attackerOf.containsKey(ip)) by.add(ip);
            }
            if (!by.isEmpty()) {
                String first = Words.count(a.failures, "failed login") + ", from attacker "
                        + Words.noun(by.size(), "address", "addresses") + " " + String.join(", ", by);
                String late = lateLogins.get(a.account);
                out.add(new AccountVerdict(a.account, AccountVerdict.Status.TARGETED, null, by,
                        late == null ? List.of(first) : List.of(first, late)));
            }
        }
        out.sort(ACCOUNT_ORDER);
        return out;
    }

    private String describe(SourceState s) {
        // called for every attacker address (a botnet has tens of thousands): no String.format
        StringBuilder b = new StringBuilder(160);
        int accounts = s.failedAccounts.count();
        int unnamed = s.failures - s.namedFailures;
        b.append(s.failures).append(s.failures == 1 ? " failed guess" : " failed guesses");
        if (accounts > 0) {
            b.append(" on ").append(Words.count(accounts, "account"));
        }
        if (unnamed > 0) {
            // Postfix SASL failures and some PAM lines name no account: say so rather than "on 0 accounts"
            b.append(accounts == 0 ? " naming no account"
                    : ", " + unnamed + " of them naming no account");
        }
        if (s.unknownFailures > 0) {
            b.append(" (").append(s.unknownFailures == s.failures ? (s.failures == 1 ? "it" : "all of them") : s.unknownFailures
                    + " of them").append(" on accounts that do not exist)");
        }
        b.append(", ").append(Words.count(s.successes, "login")).append(", ")
                .append(iso.format(s.firstFailure() >= 0 ? s.firstFailure() : s.first())).append(" to ")
                .append(iso.format(s.last()));
        if (s.bestWindowFailures > 1) {
            b.append("; peak ").append(s.bestWindowFailures).append(s.bestWindowFailures >= Engine.RING ? " or more" : "")
                    .append(" failures within ")
                    .append(c.bruteForceWindow().toMinutes()).append(" min");
        }
        return b.append("; first seen ").append(s.firstFile).append(':').append(s.firstLine).toString();
    }
}
