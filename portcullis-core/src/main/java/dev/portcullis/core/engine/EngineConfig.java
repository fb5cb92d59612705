package dev.portcullis.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The detection engine's thresholds and bounds: one immutable object, validated when built. Defaults
 * work out of the box for an organisation of 100 to 100,000 mailboxes. A value out of its range is an
 * error naming the key, the value and the range — never silently clamped (security thresholds).
 *
 * <p>Keys (as in a config file, {@code detection.*}): see {@link #KEYS}.
 */
public record EngineConfig(
        /* brute force: one source, few accounts */
        int bruteForceFailures, int bruteForceMaxAccounts, Duration bruteForceWindow,
        /* password spray: one source, many accounts */
        int sprayAccounts,
        /* credential stuffing / multi-account: one source failing on several accounts, mostly unknown */
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

    public EngineConfig {
        List<String> errors = new ArrayList<>();
        range(errors, "brute_force.failures", bruteForceFailures, 3, 10_000);
        range(errors, "brute_force.max_accounts", bruteForceMaxAccounts, 1, 100);
        duration(errors, "brute_force.window", bruteForceWindow, Duration.ofMinutes(1), Duration.ofDays(7));
        range(errors, "spray.accounts", sprayAccounts, 3, 100_000);
        range(errors, "stuffing.accounts", stuffingAccounts, 2, 100_000);
        range(errors, "stuffing.unknown_share", stuffingUnknownShare, 0.0, 1.0);
        duration(errors, "campaign.window", campaignWindow, Duration.ofMinutes(5), Duration.ofDays(1));
        range(errors, "campaign.min_sources", campaignMinSources, 3, 1_000_000);
        range(errors, "campaign.baseline_per_1000_users_per_hour", campaignBaselinePerThousandUsersPerHour, 0.0, 1000.0);
        range(errors, "campaign.factor", campaignFactor, 1.0, 1000.0);
        range(errors, "campaign.max_attempts_per_source", campaignMaxAttemptsPerSource, 1, 1000);
        range(errors, "shared.min_accounts", sharedMinAccounts, 2, 1_000_000);
        range(errors, "shared.min_success_share", sharedMinSuccessShare, 0.0, 1.0);
        range(errors, "subnet.min_addresses", subnetMinAddresses, 2, 65_536);
        range(errors, "stale.min_failures", staleMinFailures, 2, 1_000_000);
        range(errors, "bulk.messages", bulkMessages, 1, Long.MAX_VALUE);
        range(errors, "bulk.bytes", bulkBytes, 1, Long.MAX_VALUE);
        duration(errors, "targeted.memory", targetedMemory, Duration.ofHours(1), Duration.ofDays(365));
        range(errors, "limits.max_sources", maxSources, 1_000, 100_000_000);
        range(errors, "limits.max_accounts", maxAccounts, 1_000, 100_000_000);
        range(errors, "limits.max_pairs", maxPairs, 1_000, 100_000_000);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid detection config: " + String.join("; ", errors));
        }
    }

    private static void range(List<String> errors, String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            errors.add(key + " = " + v + " is out of range [" + min + ", " + max + "]");
        }
    }

    private static void range(List<String> errors, String key, long v, long min, long max) {
        if (v < min || v > max) {
            errors.add(key + " = " + v + " is out of range [" + min + ", " + max + "]");
        }
    }

    private static void duration(List<String> errors, String key, Duration v, Duration min, Duration max) {
        if (v == null || v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            errors.add(key + " = " + v + " is out of range [" + min + ", " + max + "]");
        }
    }

    /**
     * Builds a config from string values (a config file's {@code detection.*} section, keys without the
     * prefix), starting from the defaults. Unknown keys and unreadable values are errors naming the key.
     */
    public static EngineConfig fromMap(Map<String, String> values) {
        Builder b = new Builder(DEFAULTS);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Consumer<String> setter = b.setter(e.getKey());
            if (setter == null) {
                errors.add("unknown key '" + e.getKey() + "' (known: " + String.join(", ", KEYS.keySet()) + ")");
                continue;
            }
            try {
                setter.accept(e.getValue().trim());
            } catch (RuntimeException ex) {
                errors.add(e.getKey() + " = '" + e.getValue() + "' is not a valid value (" + KEYS.get(e.getKey()) + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid detection config: " + String.join("; ", errors));
        }
        return b.build();
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("brute_force.failures", "failures from one source within the window that make a brute force (integer, 3..10000)");
        k.put("brute_force.max_accounts", "at most this many accounts targeted (integer, 1..100)");
        k.put("brute_force.window", "window for those failures (duration like 1h, 30m)");
        k.put("spray.accounts", "distinct accounts one source fails on to be a password spray (integer, 3..100000)");
        k.put("stuffing.accounts", "distinct accounts one never-succeeding source fails on to be an attacker (integer)");
        k.put("stuffing.unknown_share", "share of unknown accounts that marks credential stuffing (0..1)");
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

    /** Parses "90s", "30m", "1h", "7d" or an ISO-8601 duration ("PT1H"). */
    public static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase());
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        switch (t.charAt(t.length() - 1)) {
            case 's': return Duration.ofSeconds(n);
            case 'm': return Duration.ofMinutes(n);
            case 'h': return Duration.ofHours(n);
            case 'd': return Duration.ofDays(n);
            default: throw new IllegalArgumentException("unknown unit in " + s);
        }
    }

    /** Mutable copy used by {@link #fromMap}. */
    private static final class Builder {
        int bfF, bfA, spA, csA, cMin, cMax, shA, snA, stF, mS, mA, mP;
        double csU, cBase, cFac, shS;
        Duration bfW, cW, tM;
        long bM, bB;

        Builder(EngineConfig c) {
            bfF = c.bruteForceFailures; bfA = c.bruteForceMaxAccounts; bfW = c.bruteForceWindow;
            spA = c.sprayAccounts; csA = c.stuffingAccounts; csU = c.stuffingUnknownShare;
            cW = c.campaignWindow; cMin = c.campaignMinSources; cBase = c.campaignBaselinePerThousandUsersPerHour;
            cFac = c.campaignFactor; cMax = c.campaignMaxAttemptsPerSource; shA = c.sharedMinAccounts;
            shS = c.sharedMinSuccessShare; snA = c.subnetMinAddresses; stF = c.staleMinFailures; bM = c.bulkMessages; bB = c.bulkBytes;
            tM = c.targetedMemory; mS = c.maxSources; mA = c.maxAccounts; mP = c.maxPairs;
        }

        Consumer<String> setter(String key) {
            switch (key) {
                case "brute_force.failures": return v -> bfF = Integer.parseInt(v);
                case "brute_force.max_accounts": return v -> bfA = Integer.parseInt(v);
                case "brute_force.window": return v -> bfW = parseDuration(v);
                case "spray.accounts": return v -> spA = Integer.parseInt(v);
                case "stuffing.accounts": return v -> csA = Integer.parseInt(v);
                case "stuffing.unknown_share": return v -> csU = Double.parseDouble(v);
                case "campaign.window": return v -> cW = parseDuration(v);
                case "campaign.min_sources": return v -> cMin = Integer.parseInt(v);
                case "campaign.baseline_per_1000_users_per_hour": return v -> cBase = Double.parseDouble(v);
                case "campaign.factor": return v -> cFac = Double.parseDouble(v);
                case "campaign.max_attempts_per_source": return v -> cMax = Integer.parseInt(v);
                case "shared.min_accounts": return v -> shA = Integer.parseInt(v);
                case "shared.min_success_share": return v -> shS = Double.parseDouble(v);
                case "subnet.min_addresses": return v -> snA = Integer.parseInt(v);
                case "stale.min_failures": return v -> stF = Integer.parseInt(v);
                case "bulk.messages": return v -> bM = Long.parseLong(v);
                case "bulk.bytes": return v -> bB = Long.parseLong(v);
                case "targeted.memory": return v -> tM = parseDuration(v);
                case "limits.max_sources": return v -> mS = Integer.parseInt(v);
                case "limits.max_accounts": return v -> mA = Integer.parseInt(v);
                case "limits.max_pairs": return v -> mP = Integer.parseInt(v);
                default: return null;
            }
        }

        EngineConfig build() {
            return new EngineConfig(bfF, bfA, bfW, spA, csA, csU, cW, cMin, cBase, cFac, cMax, shA, shS, snA, stF,
                    bM, bB, tM, mS, mA, mP);
        }
    }
}
