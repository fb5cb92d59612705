package dev.portcullis.core.engine;

import dev.portcullis.core.config.ConfigException;
import dev.portcullis.core.config.Durations;
import dev.portcullis.core.config.Section;
import dev.portcullis.core.config.Validator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detection engine's thresholds and bounds: one immutable object, validated when built. Defaults
 * work out of the box for an organisation of 100 to 100,000 mailboxes. A value out of its range is an
 * error naming the key, the value and the range ({@link Validator}'s wording) — never silently clamped
 * (security thresholds).
 *
 * <p>Keys (as in a config file, {@code detection.*}): see {@link #KEYS}.
 */
public record EngineConfig(
        /* brute force: one source, few accounts */
        int bruteForceFailures, int bruteForceMaxAccounts, Duration bruteForceWindow,
        /* password spray: one source, many accounts */
        int sprayAccounts,
        /* credential stuffing / multi-account: one source failing on several accounts, many unknown */
        int stuffingAccounts, double stuffingUnknownShare,
        /* distributed spray: a campaign of many low-volume failing-only sources */
        Duration campaignWindow, int campaignMinSources, double campaignBaselinePerThousandUsersPerHour,
        double campaignFactor, int campaignMaxAttemptsPerSource,
        /* shared addresses (NAT): many accounts succeed from them */
        int sharedMinAccounts, double sharedMinSuccessShare,
        /* an attack spread over a /24 or /64 */
        int subnetMinAddresses,
        /* stale credentials: a familiar device retrying an old password */
        int staleMinFailures,
        /* bulk download after a login from an unfamiliar address */
        long bulkMessages, long bulkBytes, Duration targetedMemory,
        /* bounds */
        int maxSources, int maxAccounts, int maxPairs) {

    public static final EngineConfig DEFAULTS = new EngineConfig(
            10, 5, Duration.ofHours(1),
            10,
            4, 0.25,
            Duration.ofHours(1), 5, 0.2, 2.0, 8,
            5, 0.5,
            5,
            10,
            500, 100L << 20, Duration.ofDays(7),
            1_000_000, 1_000_000, 2_000_000);

    /** Every key with its meaning and allowed range, for docs and error messages. */
    public static final Map<String, String> KEYS = keys();

    /** The config file's section, the first part of every key path in messages. */
    public static final String SECTION = "detection";

    public EngineConfig {
        Validator v = new Validator(SECTION);
        v.range("brute_force.failures", bruteForceFailures, 3, 10_000);
        v.range("brute_force.max_accounts", bruteForceMaxAccounts, 1, 100);
        v.range("brute_force.window", bruteForceWindow, Duration.ofMinutes(1), Duration.ofDays(7));
        v.range("spray.accounts", sprayAccounts, 3, 100_000);
        v.range("stuffing.accounts", stuffingAccounts, 2, 100_000);
        v.range("stuffing.unknown_share", stuffingUnknownShare, 0.0, 1.0);
        v.range("campaign.window", campaignWindow, Duration.ofMinutes(5), Duration.ofDays(1));
        v.range("campaign.min_sources", campaignMinSources, 3, 1_000_000);
        v.range("campaign.baseline_per_1000_users_per_hour", campaignBaselinePerThousandUsersPerHour, 0.0, 1000.0);
        v.range("campaign.factor", campaignFactor, 1.0, 1000.0);
        v.range("campaign.max_attempts_per_source", campaignMaxAttemptsPerSource, 1, 1000);
        v.range("shared.min_accounts", sharedMinAccounts, 2, 1_000_000);
        v.range("shared.min_success_share", sharedMinSuccessShare, 0.0, 1.0);
        v.range("subnet.min_addresses", subnetMinAddresses, 2, 65_536);
        v.range("stale.min_failures", staleMinFailures, 2, 1_000_000);
        v.range("bulk.messages", bulkMessages, 1, Long.MAX_VALUE);
        v.range("bulk.bytes", bulkBytes, 1, Long.MAX_VALUE);
        v.range("targeted.memory", targetedMemory, Duration.ofHours(1), Duration.ofDays(365));
        v.range("limits.max_sources", maxSources, 1_000, 100_000_000);
        v.range("limits.max_accounts", maxAccounts, 1_000, 100_000_000);
        v.range("limits.max_pairs", maxPairs, 1_000, 100_000_000);
        v.throwIfAny();
    }

    /**
     * Builds a config from a config file's {@code detection:} section (keys as in {@link #KEYS}, values
     * as text or numbers), starting from the defaults. Unknown keys, unreadable values and values out of
     * range are all reported at once ({@link ConfigException}).
     */
    public static EngineConfig fromMap(Map<String, ?> values) {
        Section s = new Section(SECTION, values, KEYS.keySet());
        EngineConfig d = DEFAULTS;
        int bfF = s.integer("brute_force.failures", d.bruteForceFailures);
        int bfA = s.integer("brute_force.max_accounts", d.bruteForceMaxAccounts);
        Duration bfW = s.duration("brute_force.window", d.bruteForceWindow);
        int spA = s.integer("spray.accounts", d.sprayAccounts);
        int csA = s.integer("stuffing.accounts", d.stuffingAccounts);
        double csU = s.number("stuffing.unknown_share", d.stuffingUnknownShare);
        Duration cW = s.duration("campaign.window", d.campaignWindow);
        int cMin = s.integer("campaign.min_sources", d.campaignMinSources);
        double cBase = s.number("campaign.baseline_per_1000_users_per_hour", d.campaignBaselinePerThousandUsersPerHour);
        double cFac = s.number("campaign.factor", d.campaignFactor);
        int cMax = s.integer("campaign.max_attempts_per_source", d.campaignMaxAttemptsPerSource);
        int shA = s.integer("shared.min_accounts", d.sharedMinAccounts);
        double shS = s.number("shared.min_success_share", d.sharedMinSuccessShare);
        int snA = s.integer("subnet.min_addresses", d.subnetMinAddresses);
        int stF = s.integer("stale.min_failures", d.staleMinFailures);
        long bM = s.longInteger("bulk.messages", d.bulkMessages);
        long bB = s.longInteger("bulk.bytes", d.bulkBytes);
        Duration tM = s.duration("targeted.memory", d.targetedMemory);
        int mS = s.integer("limits.max_sources", d.maxSources);
        int mA = s.integer("limits.max_accounts", d.maxAccounts);
        int mP = s.integer("limits.max_pairs", d.maxPairs);
        return s.build(() -> new EngineConfig(bfF, bfA, bfW, spA, csA, csU, cW, cMin, cBase, cFac, cMax, shA, shS,
                snA, stF, bM, bB, tM, mS, mA, mP));
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("brute_force.failures", "failures from one source within the window that make a brute force (integer, 3..10000)");
        k.put("brute_force.max_accounts", "at most this many accounts targeted (integer, 1..100)");
        k.put("brute_force.window", "window for those failures (duration like 1h, 30m)");
        k.put("spray.accounts", "distinct accounts one source fails on to be a password spray (integer, 3..100000)");
        k.put("stuffing.accounts", "distinct accounts one never-succeeding source fails on to be an attacker (integer)");
        k.put("stuffing.unknown_share", "share of guesses on unknown accounts (0..1) that makes a source failing on stuffing.accounts accounts an attacker, and its run stuffing or a dictionary rather than a spray");
        k.put("campaign.window", "window in which failing-only sources are counted (duration)");
        k.put("campaign.min_sources", "failing-only sources in a window that can make a campaign (integer)");
        k.put("campaign.baseline_per_1000_users_per_hour", "expected failing-only sources per 1000 active users per hour (number)");
        k.put("campaign.factor", "how far above that baseline a window must be (number, 1..1000)");
        k.put("campaign.max_attempts_per_source", "attempts above which a source is not low-and-slow (integer)");
        k.put("shared.min_accounts", "distinct accounts that must succeed from an address to call it shared (integer)");
        k.put("shared.min_success_share", "successful accounts / failed accounts for a shared address (0..1)");
        k.put("subnet.min_addresses", "failing addresses of one /24 or /64, none logging in, that make a subnet attack (integer)");
        k.put("stale.min_failures", "failures from a familiar device that mean a stale password (integer)");
        k.put("bulk.messages", "messages fetched in one session that count as a bulk download (integer)");
        k.put("bulk.bytes", "bytes fetched in one session that count as a bulk download (integer)");
        k.put("targeted.memory", "how long an account stays 'targeted' after attacker failures (duration)");
        k.put("limits.max_sources", "addresses tracked at most (integer)");
        k.put("limits.max_accounts", "accounts tracked at most (integer)");
        k.put("limits.max_pairs", "(account, address) pairs tracked at most (integer)");
        return k;
    }

    /** As {@link Durations#parse}: "90s", "30m", "1h", "7d" or ISO-8601 ("PT1H"). */
    public static Duration parseDuration(String s) {
        return Durations.parse(s);
    }
}
