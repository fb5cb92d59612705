package dev.portcullis.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * What a simulated organisation looks like and which attacks it suffers. Immutable; validated.
 *
 * @param users              mailboxes
 * @param span               how long the log covers
 * @param seed               same seed, same log
 * @param rfc3339            RFC 3339 stamps with microseconds (Debian 12+) instead of classic syslog
 * @param authVerbose        Dovecot auth-process lines (auth_verbose=yes) beside the login lines
 * @param ipv6Share          share of home connections over IPv6 (0..1)
 * @param bruteForce         brute-force sources
 * @param sprays             single-address password sprays
 * @param distributedSources addresses of one low-and-slow distributed spray (0 = none)
 * @param stuffingSources    addresses of one credential-stuffing run (0 = none)
 * @param mobileNats         carrier-grade NAT addresses shared by many users
 * @param staleDevices       phones retrying an old password for hours
 * @param giveUps            users failing a few times from abroad and giving up
 * @param weakShare          share of accounts whose password falls to a spray
 */
public record ScenarioSpec(int users, Duration span, long seed, boolean rfc3339, boolean authVerbose, double ipv6Share,
                           int bruteForce, int sprays, int distributedSources, int stuffingSources, int mobileNats,
                           int staleDevices, int giveUps, double weakShare, Instant end) {

    public ScenarioSpec {
        if (users < 50 || users > 1_000_000) throw new IllegalArgumentException("users must be 50..1000000, was " + users);
        if (span.compareTo(Duration.ofHours(1)) < 0 || span.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("span must be 1h..30d, was " + span);
        }
        if (ipv6Share < 0 || ipv6Share > 1) throw new IllegalArgumentException("ipv6 share must be 0..1, was " + ipv6Share);
        if (weakShare < 0 || weakShare > 0.2) throw new IllegalArgumentException("weak share must be 0..0.2, was " + weakShare);
        if (bruteForce < 0 || sprays < 0 || distributedSources < 0 || stuffingSources < 0 || mobileNats < 0
                || staleDevices < 0 || giveUps < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** A day in a 3,000-mailbox organisation under every kind of attack. */
    public static ScenarioSpec typical(int users, Duration span, long seed) {
        return new ScenarioSpec(users, span, seed, true, true, 0.1, 3, 2, Math.max(50, users / 3),
                Math.max(30, users / 10), Math.max(3, users / 300), Math.max(2, users / 200), Math.max(3, users / 300),
                0.01, Instant.parse("2026-11-20T23:00:00Z"));
    }

    public ScenarioSpec withSeed(long s) {
        return new ScenarioSpec(users, span, s, rfc3339, authVerbose, ipv6Share, bruteForce, sprays, distributedSources,
                stuffingSources, mobileNats, staleDevices, giveUps, weakShare, end);
    }

    public ScenarioSpec withStamps(boolean rfc3339Stamps, boolean verbose) {
        return new ScenarioSpec(users, span, seed, rfc3339Stamps, verbose, ipv6Share, bruteForce, sprays,
                distributedSources, stuffingSources, mobileNats, staleDevices, giveUps, weakShare, end);
    }
}
