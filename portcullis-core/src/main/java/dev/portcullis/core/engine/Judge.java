package dev.portcullis.core.engine;

import dev.portcullis.core.Words;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final List<Attack> attacks = new ArrayList<>();
    private final Map<String, Comp> compromised = new TreeMap<>();
    private final List<SourceState> staleRhythm = new ArrayList<>();

    /** An attack being assembled. */
    private static final class Attack {
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

        void add(SourceState s) {
            sources.add(s.ip);
            start = Math.min(start, s.firstFailure() >= 0 ? s.firstFailure() : s.first());
            end = Math.max(end, s.last());
            attempts += s.failures;
            accounts += s.failedAccounts.count();
        }
    }

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
        candidates = subnetAttacks(candidates);
        groupSmall(AttackKind.CREDENTIAL_STUFFING, Integer.MAX_VALUE);
        groupSmall(AttackKind.PASSWORD_SPRAY, 5 * c.sprayAccounts());
        campaigns(candidates, activeUsers);
        compromises();
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
     * address failing on a few accounts is an attacker at all (not which kind: {@link Kinds}): from
     * the log's own reason where it says so (auth_verbose, sshd "invalid user"), else from the accounts
     * it named that never logged in during the input (real users log in; names from a leaked list
     * mostly do not).
     */
    private double unknownShare(SourceState s) {
        double byReason = s.failures == 0 ? 0 : (double) s.unknownFailures / s.failures;
        List<String> named = s.failedAccounts.known();
        if (named.isEmpty()) {
            return byReason;
        }
        int never = 0;
        for (String acc : named) {
            AccountState a = en.accounts.get(acc);
            if (a == null || a.successes == 0) never++;
        }
        return Math.max(byReason, (double) never / named.size());
    }

    /**
     * The attack this address makes on its own, or null: brute force (many failures in a window on
     * few accounts), or failures on many accounts ({@code spray.accounts}), or on several
     * ({@code stuffing.accounts}) mostly unknown; the kind of a multi-account attack is {@link Kinds}'s.
     */
    private Kinds.Call perAddress(SourceState s) {
        int accounts = s.failedAccounts.count();
        if (s.bestWindowFailures >= c.bruteForceFailures() && accounts <= c.bruteForceMaxAccounts()) {
            if (accounts == 1 && steadyRhythm(s)) {
                staleRhythm.add(s);
                return null; // a device retrying an old password every few minutes, whose last login predates the log
            }
            return new Kinds.Call(AttackKind.BRUTE_FORCE, null);
        }
        if (accounts >= c.sprayAccounts()
                || (accounts >= c.stuffingAccounts() && unknownShare(s) >= c.stuffingUnknownShare())) {
            return kinds.of(s);
        }
        return null;
    }

    /**
     * Failures at a machine's pace: the median gap between the last failures is at least two minutes and
     * no two come within ten seconds (a person or a script guessing goes faster; a phone's mail client
     * polls on a timer).
     */
    private static boolean steadyRhythm(SourceState s) {
        long[] t = s.failureTimes();
        if (t.length < 9) {
            return false;
        }
        java.util.Arrays.sort(t);
        long[] gaps = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        java.util.Arrays.sort(gaps);
        return gaps[gaps.length / 2] >= 120 && gaps[0] >= 10;
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
                        + (kind == AttackKind.CREDENTIAL_STUFFING ? ", mostly accounts that do not exist or never log in" : ""));
            }
        }
    }

    /**
     * An attack spread across one /24 or /64: at least {@code subnet.min_addresses} of its addresses
     * failed, nobody logged in from it, and these addresses were not judged on their own. Returns the
     * candidates left for the campaign rule.
     */
    private List<SourceState> subnetAttacks(List<SourceState> candidates) {
        Map<String, List<SourceState>> byNet = new HashMap<>();
        for (SourceState s : candidates) {
            String p = dev.portcullis.core.Addresses.prefix(s.ip);
            if (p != null) byNet.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
        }
        List<SourceState> rest = new ArrayList<>();
        for (Map.Entry<String, List<SourceState>> e : byNet.entrySet()) {
            SubnetState net = en.subnets.get(e.getKey());
            List<SourceState> members = e.getValue();
            if (net != null && net.successes == 0 && members.size() >= c.subnetMinAddresses()) {
                int accounts = 0;
                for (SourceState s : members) accounts += s.failedAccounts.count();
                Attack a = new Attack(accounts >= c.sprayAccounts() ? AttackKind.PASSWORD_SPRAY : AttackKind.BRUTE_FORCE);
                for (SourceState s : members) {
                    a.add(s);
                    attackerOf.put(s.ip, a);
                }
                a.evidence.add(members.size() + " addresses of " + e.getKey() + " failing together, none ever logging in");
                attacks.add(a);
            } else {
                rest.addAll(members);
            }
        }
        return rest;
    }


    /** Distributed spray: windows where failing-only addresses far exceed the baseline. */
    private void campaigns(List<SourceState> candidates, int activeUsers) {
        if (candidates.isEmpty()) {
            return;
        }
        long w = c.campaignWindow().getSeconds();
        double expected = c.campaignBaselinePerThousandUsersPerHour() * activeUsers / 1000.0 * (w / 3600.0);
        // a window is a campaign when so many failing-only addresses would be a one-in-a-million
        // coincidence even at campaign.factor times the baseline (Poisson tail), and never below the minimum
        double threshold = Math.max(c.campaignMinSources(), poissonTail(c.campaignFactor() * expected, 1e-6));
        TreeMap<Long, List<SourceState>> byWindow = new TreeMap<>();
        for (SourceState s : candidates) {
            long start = s.firstFailure() >= 0 ? s.firstFailure() : s.first();
            byWindow.computeIfAbsent(Math.floorDiv(start, w), k -> new ArrayList<>()).add(s);
        }
        // hysteresis: a campaign starts in a window above the threshold and goes on through windows
        // still clearly above the baseline (a botnet's rate varies), bridging one quiet window
        double continueAt = Math.max(3, 2 * expected);
        Attack current = null;
        long lastActive = Long.MIN_VALUE;
        Map<Attack, Integer> peak = new HashMap<>();
        for (Map.Entry<Long, List<SourceState>> e : byWindow.entrySet()) {
            List<SourceState> members = e.getValue();
            boolean continuing = current != null && e.getKey() <= lastActive + 2 && members.size() >= continueAt;
            if (members.size() < threshold && !continuing) {
                for (SourceState s : members) {
                    if (s.failedAccounts.count() >= 2) {
                        suspicious.put(s.ip, "failed on " + Words.count(s.failedAccounts.count(), "account")
                                + " and never logged in, outside any campaign");
                    }
                }
                continue;
            }
            if (!continuing) {
                current = new Attack(AttackKind.DISTRIBUTED_SPRAY);
                attacks.add(current);
            }
            lastActive = e.getKey();
            peak.merge(current, members.size(), Math::max);
            for (SourceState s : members) {
                current.add(s);
                attackerOf.put(s.ip, current);
            }
        }
        for (Map.Entry<Attack, Integer> e : peak.entrySet()) {
            e.getKey().evidence.add(campaignEvidence(e.getKey().sources.size(), e.getValue(), expected, threshold, w));
        }
    }

    /**
     * Why a campaign is one, in plain figures: how many addresses, the busiest window against what the
     * organisation's baseline expects, and the count that makes a campaign. When the baseline is zero
     * (no logins in the input to scale it), says so instead of a ratio to zero.
     */
    private String campaignEvidence(int sources, int busiest, double expected, double threshold, long windowSeconds) {
        String window = windowSeconds == 3600 ? "one hour" : windowSeconds % 3600 == 0
                ? windowSeconds / 3600 + " hours" : windowSeconds / 60 + " min";
        String head = Words.count(sources, "address", "addresses") + " with at most "
                + Words.count(c.campaignMaxAttemptsPerSource(), "guess", "guesses") + " each, never logging in; up to "
                + busiest + " such addresses within " + window;
        String base = expected < 0.05
                ? ", where the organisation's baseline expects none (too few logins in the input to set one)"
                : ", where " + Words.decimal(expected) + " are expected (" + Words.decimal(busiest / expected) + " times as many)";
        return head + base + "; " + (int) Math.ceil(threshold) + " or more make a campaign";
    }

    /** Smallest k with P(X >= k) <= p for X ~ Poisson(lambda). */
    static int poissonTail(double lambda, double p) {
        double term = Math.exp(-lambda); // P(X = 0)
        double cdf = term;
        int k = 0;
        while (1 - cdf > p && k < 1_000_000) {
            k++;
            term *= lambda / k;
            cdf += term;
        }
        return k + 1;
    }

    private void compromises() {
        // 1. a success from an attacker's address
        for (Map.Entry<String, Attack> e : attackerOf.entrySet()) {
            SourceState s = en.sources.get(e.getKey());
            if (s == null) continue;
            for (int i = 0; i < s.successCount; i++) {
                Comp comp = compromised.computeIfAbsent(s.successAccount(i), k -> new Comp());
                long t = s.successTime(i);
                if (t < comp.at) {
                    comp.at = t;
                    comp.attack = e.getValue();
                }
                comp.sources.add(s.ip);
                comp.evidence(t, "logged in from " + s.ip + " at " + Instant.ofEpochSecond(t) + ", an address of the "
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
            boolean convincing = comp != null || targeted || (distinct.size() >= 2 && span <= DAY);
            if (!convincing) {
                for (String ip : distinct) {
                    suspicious.putIfAbsent(ip, "bulk download from an address new to " + a.account);
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
                        + Instant.ofEpochSecond(a.bulkTime(i)));
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
                    owner.start = Math.min(owner.start, t);
                    owner.end = Math.max(owner.end, a.bulkTime(i));
                }
            }
        }
        for (Map.Entry<String, Comp> e : compromised.entrySet()) {
            if (e.getValue().attack != null) {
                e.getValue().attack.compromised.add(e.getKey());
            }
        }
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

    private List<SourceVerdict> sourceVerdicts() {
        List<SourceVerdict> out = new ArrayList<>();
        for (Map.Entry<String, Attack> e : attackerOf.entrySet()) {
            SourceState s = en.sources.get(e.getKey());
            long failures = s == null ? 0 : s.failures;
            long attempts = s == null ? 0 : s.failures + s.successes;
            int accounts = s == null ? 0 : Math.max(s.failedAccounts.count(), s.succeededAccountCount());
            out.add(new SourceVerdict(e.getKey(), SourceVerdict.Kind.ATTACKER, attempts, failures, accounts, List.of(e.getValue().id),
                    s == null ? e.getValue().kind.label() : describe(s)));
        }
        for (Map.Entry<String, String> e : suspicious.entrySet()) {
            if (attackerOf.containsKey(e.getKey())) continue;
            SourceState s = en.sources.get(e.getKey());
            out.add(new SourceVerdict(e.getKey(), SourceVerdict.Kind.SUSPICIOUS, s == null ? 0 : s.failures + s.successes,
                    s == null ? 0 : s.failures, s == null ? 0 : s.failedAccounts.count(), List.of(), e.getValue()));
        }
        out.sort(Comparator.comparing(SourceVerdict::verdict).thenComparing(v -> -v.failures()).thenComparing(SourceVerdict::ip));
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
                            + Instant.ofEpochSecond(p.firstFailure()) + " to " + Instant.ofEpochSecond(p.lastFailure())
                            + (p.samePwhash > 0 ? " (the same wrong password " + (p.samePwhash + 1) + " times)" : ""))));
        }
        for (SourceState s : staleRhythm) {
            List<String> acc = s.failedAccounts.known();
            if (acc.isEmpty() || compromised.containsKey(acc.get(0))) continue;
            out.add(new AccountVerdict(acc.get(0), AccountVerdict.Status.STALE_CREDENTIALS, null, List.of(),
                    List.of(Words.count(s.failures, "failure") + " from " + s.ip + " at a device's steady pace, "
                            + Instant.ofEpochSecond(s.firstFailure()) + " to " + Instant.ofEpochSecond(s.last())
                            + " (its last good login predates the log)")));
        }
        Set<String> listed = new java.util.HashSet<>();
        for (AccountVerdict v : out) listed.add(v.account());
        for (AccountState a : en.accounts.values()) {
            if (listed.contains(a.account)) continue;
            if (a.failedFrom == null) continue;
            List<String> by = new ArrayList<>();
            for (String ip : a.failedFrom) {
                if (ip != null && attackerOf.containsKey(ip)) by.add(ip);
            }
            if (!by.isEmpty()) {
                out.add(new AccountVerdict(a.account, AccountVerdict.Status.TARGETED, null, by,
                        List.of(Words.count(a.failures, "failed login") + ", from attacker " + Words.noun(by.size(), "address", "addresses") + " " + String.join(", ", by))));
            }
        }
        out.sort(Comparator.comparing(AccountVerdict::status).thenComparing(AccountVerdict::account));
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
                .append(Instant.ofEpochSecond(s.firstFailure() >= 0 ? s.firstFailure() : s.first())).append(" to ")
                .append(Instant.ofEpochSecond(s.last()));
        if (s.bestWindowFailures > 1) {
            b.append("; peak ").append(s.bestWindowFailures).append(s.bestWindowFailures >= Engine.RING ? " or more" : "")
                    .append(" failures within ")
                    .append(c.bruteForceWindow().toMinutes()).append(" min");
        }
        return b.append("; first seen ").append(s.firstFile).append(':').append(s.firstLine).toString();
    }
}
