package dev.portcullis.core.engine;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attacks spread over many addresses, none of which is an attacker on its own ({@link Judge}'s
 * candidates): an attack from one /24 or /64, and distributed spray campaigns, windows where
 * failing-only addresses far exceed what the organisation's size leads one to expect.
 */
final class Campaigns {
    /**
     * The baseline is scaled to at least this many active users: in a small or short log a handful of
     * strangers failing in an hour is ordinary (the threshold is then about 7 addresses an hour).
     */
    static final int BASELINE_MIN_USERS = 1_000;
    /** Guesses per account at most this in a subnet attack make it a spray (a password or two each). */
    static final double SPRAY_MAX_PER_ACCOUNT = 2.0;

    private final Engine en;
    private final EngineConfig c;
    private final List<Attack> attacks;
    private final Map<String, Attack> attackerOf;
    private final Map<String, String> suspicious;

    Campaigns(Engine en, List<Attack> attacks, Map<String, Attack> attackerOf, Map<String, String> suspicious) {
        this.en = en;
        this.c = en.config;
        this.attacks = attacks;
        this.attackerOf = attackerOf;
        this.suspicious = suspicious;
    }

    private static long start(SourceState s) {
        return s.firstFailure() >= 0 ? s.firstFailure() : s.first();
    }

    /**
     * An attack spread across one /24 or /64: at least {@code subnet.min_addresses} of its addresses
     * started failing one after another, each within {@code campaign.window} of the last, nobody logged in from it, and these addresses
     * were not judged on their own. Addresses failing only on one account that logs in are its owner's
     * devices (a Docker bridge, a NAT'd home), not an attack. Returns the candidates left for the
     * campaign rule.
     */
    List<SourceState> subnets(List<SourceState> candidates) {
        Map<String, List<SourceState>> byNet = new HashMap<>();
        for (SourceState s : candidates) {
            String p = Addresses.prefix(s.ip);
            if (p != null) byNet.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
        }
        List<SourceState> rest = new ArrayList<>();
        long w = c.campaignWindow().getSeconds();
        for (Map.Entry<String, List<SourceState>> e : byNet.entrySet()) {
            SubnetState net = en.subnets.get(e.getKey());
            List<SourceState> members = e.getValue();
            Set<String> accounts = new HashSet<>();
            for (SourceState s : members) accounts.addAll(s.failedAccounts.known());
            // one user's devices retrying their own account are no subnet attack
            List<SourceState> together = members.size() < c.subnetMinAddresses() || oneOwnAccount(accounts)
                    ? List.of() : together(members, w);
            if (net == null || net.successes > 0 || together.size() < c.subnetMinAddresses()) {
                rest.addAll(members);
                continue;
            }
            accounts.clear();
            long guesses = 0;
            for (SourceState s : together) {
                accounts.addAll(s.failedAccounts.known());
                guesses += s.namedFailures;
            }
            double perAccount = accounts.isEmpty() ? 0 : (double) guesses / accounts.size();
            boolean spray = accounts.size() >= c.sprayAccounts()
                    || (accounts.size() >= 2 && perAccount <= SPRAY_MAX_PER_ACCOUNT);
            Attack a = new Attack(spray ? AttackKind.PASSWORD_SPRAY : AttackKind.BRUTE_FORCE);
            for (SourceState s : together) {
                a.add(s);
                attackerOf.put(s.ip, a);
            }
            a.accounts = accounts.size();
            a.evidence.add(Words.count(together.size(), "address", "addresses") + " of " + e.getKey()
                    + " starting to fail one after another (each within " + window(w) + " of the last), none ever logging in"
                    + (accounts.isEmpty() ? "" : ", " + Words.count(accounts.size(), "account") + " tried, "
                    + Words.decimal(perAccount) + " guesses each"));
            attacks.add(a);
            for (SourceState s : members) {
                if (!attackerOf.containsKey(s.ip)) rest.add(s);
            }
        }
        return rest;
    }

    /** True when the addresses failed on one account only, and it logs in (its owner's). */
    private boolean oneOwnAccount(Set<String> accounts) {
        if (accounts.size() != 1) {
            return false;
        }
        AccountState a = en.accounts.get(accounts.iterator().next());
        return a != null && a.successes > 0;
    }

    /**
     * The largest run of members each of which started failing within {@code w} seconds of the one
     * before: addresses joining one attack, not strangers of one network weeks apart.
     */
    private static List<SourceState> together(List<SourceState> members, long w) {
        List<SourceState> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingLong(Campaigns::start));
        int bestFrom = 0;
        int bestTo = 0;
        int from = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && start(sorted.get(i)) - start(sorted.get(i - 1)) > w) from = i;
            if (i + 1 - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = i + 1;
            }
        }
        return sorted.subList(bestFrom, bestTo);
    }

    /** Distributed spray: windows where failing-only addresses far exceed the baseline. */
    void campaigns(List<SourceState> candidates, int activeUsers) {
        if (candidates.isEmpty()) {
            return;
        }
        long w = c.campaignWindow().getSeconds();
        int users = Math.max(activeUsers, BASELINE_MIN_USERS);
        double expected = c.campaignBaselinePerThousandUsersPerHour() * users / 1000.0 * (w / 3600.0);
        // a window is a campaign when so many failing-only addresses would be a one-in-a-million
        // coincidence even at campaign.factor times the baseline (Poisson tail), and never below the minimum
        double threshold = Math.max(c.campaignMinSources(), poissonTail(c.campaignFactor() * expected, 1e-6));
        TreeMap<Long, List<SourceState>> byWindow = new TreeMap<>();
        for (SourceState s : candidates) {
            byWindow.computeIfAbsent(Math.floorDiv(start(s), w), k -> new ArrayList<>()).add(s);
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
            e.getKey().evidence.add(evidence(e.getKey().sources.size(), e.getValue(), expected, threshold, w, activeUsers));
        }
    }

    private static String window(long seconds) {
        return seconds == 3600 ? "one hour" : seconds % 3600 == 0 ? seconds / 3600 + " hours" : seconds / 60 + " min";
    }

    /**
     * Why a campaign is one, in plain figures: how many addresses, the busiest window against what the
     * organisation's baseline expects (scaled to at least {@link #BASELINE_MIN_USERS} users, said so
     * when the floor applies), and the count that makes a campaign.
     */
    private String evidence(int sources, int busiest, double expected, double threshold, long windowSeconds, int activeUsers) {
        String head = Words.count(sources, "address", "addresses") + " with at most "
                + Words.count(c.campaignMaxAttemptsPerSource(), "guess", "guesses") + " each, never logging in; up to "
                + busiest + " such addresses within " + window(windowSeconds);
        String base = expected < 0.05
                ? ", where the baseline expects none"
                : ", where " + Words.decimal(expected) + " are expected (" + Words.decimal(busiest / expected) + " times as many)";
        String users = activeUsers >= BASELINE_MIN_USERS
                ? " for " + Words.count(activeUsers, "active user") : " for at least " + String.format(Locale.ROOT, "%,d", BASELINE_MIN_USERS)
                + " active users (here " + Words.count(activeUsers, "account") + (activeUsers == 1 ? " logs in)" : " log in)");
        return head + base + users + "; " + (int) Math.ceil(threshold) + " or more make a campaign";
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
}
