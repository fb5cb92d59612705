package dev.portcullis.core.gate;

import dev.portcullis.core.Network;
import dev.portcullis.core.engine.EngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's policy: one immutable object, validated when built; a value out of range is an error
 * naming the key, the value and the range (security thresholds are never clamped). Keys as in a
 * config file's {@code gate:} section are listed in {@link #KEYS}.
 *
 * <p>Defaults stay within the UK Cyber Essentials rule for password-only services (at most 10
 * guesses before throttling or lockout): smart lockout after 10 failures from unfamiliar addresses,
 * a delay from the 3rd.
 */
public record GateConfig(
        List<Network> internalNetworks, List<Network> allowNetworks, List<String> allowAccounts,
        boolean logOnly,
        Duration blockDuration, Duration blockMaxDuration, int blockEscalation, Block.Action blockAction,
        int tarpitSeconds, boolean blockSubnets,
        int lockoutUnfamiliarFailures, int lockoutFamiliarFailures, Duration lockoutWindow,
        Duration lockoutDuration, int delayAfter, int maxDelaySeconds,
        Duration judgeInterval, int maxBlocks, int maxLockoutAccounts) {

    public static final List<Network> PRIVATE_NETWORKS = List.of(Network.parse("10.0.0.0/8"),
            Network.parse("172.16.0.0/12"), Network.parse("192.168.0.0/16"), Network.parse("127.0.0.0/8"),
            Network.parse("::1"), Network.parse("fc00::/7"));

    public static final GateConfig DEFAULTS = new GateConfig(PRIVATE_NETWORKS, List.of(), List.of(), false,
            Duration.ofMinutes(15), Duration.ofHours(24), 4, Block.Action.REJECT, 5, true,
            10, 10, Duration.ofHours(1), Duration.ofMinutes(15), 3, 5,
            Duration.ofSeconds(30), 1_000_000, 1_000_000);

    public static final Map<String, String> KEYS = keys();

    public GateConfig {
        internalNetworks = List.copyOf(internalNetworks);
        allowNetworks = List.copyOf(allowNetworks);
        allowAccounts = List.copyOf(allowAccounts);
        List<String> errors = new ArrayList<>();
        duration(errors, "block.duration", blockDuration, Duration.ofSeconds(10), Duration.ofDays(30));
        duration(errors, "block.max_duration", blockMaxDuration, Duration.ofSeconds(10), Duration.ofDays(365));
        if (errors.isEmpty() && blockMaxDuration.compareTo(blockDuration) < 0) {
            errors.add("block.max_duration = " + blockMaxDuration + " is shorter than block.duration = " + blockDuration);
        }
        range(errors, "block.escalation", blockEscalation, 1, 100);
        range(errors, "block.tarpit_seconds", tarpitSeconds, 1, 60);
        range(errors, "lockout.unfamiliar_failures", lockoutUnfamiliarFailures, 1, 100);
        range(errors, "lockout.familiar_failures", lockoutFamiliarFailures, 1, 100);
        duration(errors, "lockout.window", lockoutWindow, Duration.ofMinutes(1), Duration.ofDays(7));
        duration(errors, "lockout.duration", lockoutDuration, Duration.ofSeconds(10), Duration.ofDays(30));
        range(errors, "lockout.delay_after", delayAfter, 1, 100);
        range(errors, "lockout.max_delay_seconds", maxDelaySeconds, 0, 60);
        duration(errors, "judge.interval", judgeInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        range(errors, "limits.max_blocks", maxBlocks, 100, 100_000_000);
        range(errors, "limits.max_lockout_accounts", maxLockoutAccounts, 100, 100_000_000);
        if (blockAction == null) {
            errors.add("block.action is missing (reject or tarpit)");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid gate config: " + String.join("; ", errors));
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

    /** True when the canonical address is in one of the internal networks. */
    public boolean isInternal(String source) {
        return contains(internalNetworks, source);
    }

    static boolean contains(List<Network> nets, String source) {
        if (source == null || nets.isEmpty()) {
            return false;
        }
        byte[] b = Network.bytes(source);
        if (b == null) {
            return false;
        }
        for (Network n : nets) {
            if (n.contains(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds a config from a config file's {@code gate:} section: keys as in {@link #KEYS}, scalar values
     * as strings or numbers, network and account lists as lists (or comma-separated strings). Unknown
     * keys and unreadable values are errors naming the key.
     */
    public static GateConfig fromMap(Map<String, ?> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!KEYS.containsKey(e.getKey())) {
                errors.add("unknown key '" + e.getKey() + "' (known: " + String.join(", ", KEYS.keySet()) + ")");
            } else {
                v.put(e.getKey(), e.getValue());
            }
        }
        GateConfig d = DEFAULTS;
        Reader r = new Reader(v, errors);
        GateConfig c = null;
        List<Network> internal = r.networks("internal_networks", d.internalNetworks);
        List<Network> allowNets = r.networks("allow.networks", d.allowNetworks);
        List<String> allowAcc = r.strings("allow.accounts", d.allowAccounts);
        boolean logOnly = r.bool("log_only", d.logOnly);
        Duration bd = r.duration("block.duration", d.blockDuration);
        Duration bmd = r.duration("block.max_duration", d.blockMaxDuration);
        int be = r.integer("block.escalation", d.blockEscalation);
        Block.Action ba = r.action("block.action", d.blockAction);
        int ts = r.integer("block.tarpit_seconds", d.tarpitSeconds);
        boolean bs = r.bool("block.subnets", d.blockSubnets);
        int lu = r.integer("lockout.unfamiliar_failures", d.lockoutUnfamiliarFailures);
        int lf = r.integer("lockout.familiar_failures", d.lockoutFamiliarFailures);
        Duration lw = r.duration("lockout.window", d.lockoutWindow);
        Duration ld = r.duration("lockout.duration", d.lockoutDuration);
        int da = r.integer("lockout.delay_after", d.delayAfter);
        int md = r.integer("lockout.max_delay_seconds", d.maxDelaySeconds);
        Duration ji = r.duration("judge.interval", d.judgeInterval);
        int mb = r.integer("limits.max_blocks", d.maxBlocks);
        int ml = r.integer("limits.max_lockout_accounts", d.maxLockoutAccounts);
        if (errors.isEmpty()) {
            try {
                c = new GateConfig(internal, allowNets, allowAcc, logOnly, bd, bmd, be, ba, ts, bs, lu, lf, lw, ld,
                        da, md, ji, mb, ml);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage().replace("invalid gate config: ", ""));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid gate config: " + String.join("; ", errors));
        }
        return c;
    }

    /** Reads typed values, collecting errors instead of stopping at the first. */
    private record Reader(Map<String, Object> v, List<String> errors) {
        private String text(String key) {
            Object o = v.get(key);
            return o == null ? null : String.valueOf(o).trim();
        }

        int integer(String key, int dflt) {
            String t = text(key);
            try {
                return t == null ? dflt : Integer.parseInt(t);
            } catch (NumberFormatException e) {
                errors.add(key + " = '" + t + "' is not a whole number");
                return dflt;
            }
        }

        boolean bool(String key, boolean dflt) {
            String t = text(key);
            if (t == null) return dflt;
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1")) return true;
            if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no") || t.equals("0")) return false;
            errors.add(key + " = '" + t + "' is not true or false");
            return dflt;
        }

        Duration duration(String key, Duration dflt) {
            String t = text(key);
            try {
                return t == null ? dflt : EngineConfig.parseDuration(t);
            } catch (RuntimeException e) {
                errors.add(key + " = '" + t + "' is not a duration (like 90s, 15m, 1h, 7d)");
                return dflt;
            }
        }

        Block.Action action(String key, Block.Action dflt) {
            String t = text(key);
            if (t == null) return dflt;
            if (t.equalsIgnoreCase("reject")) return Block.Action.REJECT;
            if (t.equalsIgnoreCase("tarpit")) return Block.Action.TARPIT;
            errors.add(key + " = '" + t + "' is not reject or tarpit");
            return dflt;
        }

        List<String> strings(String key, List<String> dflt) {
            Object o = v.get(key);
            if (o == null) return dflt;
            List<String> out = new ArrayList<>();
            if (o instanceof List<?> l) {
                l.forEach(x -> out.add(String.valueOf(x).trim()));
            } else {
                for (String s : String.valueOf(o).split(",")) {
                    if (!s.isBlank()) out.add(s.trim());
                }
            }
            return out;
        }

        List<Network> networks(String key, List<Network> dflt) {
            if (!v.containsKey(key)) return dflt;
            List<Network> out = new ArrayList<>();
            for (String s : strings(key, List.of())) {
                try {
                    out.add(Network.parse(s));
                } catch (IllegalArgumentException e) {
                    errors.add(key + ": " + e.getMessage());
                }
            }
            return out;
        }
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("internal_networks", "the office and VPN networks: never locked out, still open in a lockdown (list of CIDR; default private ranges and loopback)");
        k.put("allow.networks", "networks that always pass (list of CIDR)");
        k.put("allow.accounts", "accounts that always pass (list)");
        k.put("log_only", "decide and record, but answer allow (true/false)");
        k.put("block.duration", "first block of an attacking source (duration, 10s..30d)");
        k.put("block.max_duration", "longest block after escalation (duration)");
        k.put("block.escalation", "each new block of the same source lasts this many times longer (1..100)");
        k.put("block.action", "reject or tarpit (answer with a delay instead)");
        k.put("block.tarpit_seconds", "delay of a tarpit answer (1..60)");
        k.put("block.subnets", "block a whole /24 or /64 when an attack spreads over it and nobody logs in from it (true/false)");
        k.put("lockout.unfamiliar_failures", "failures from unfamiliar addresses that lock an account for unfamiliar addresses (1..100)");
        k.put("lockout.familiar_failures", "failures from familiar addresses that lock it for everyone outside the internal networks (1..100)");
        k.put("lockout.window", "failures older than this are forgotten (duration)");
        k.put("lockout.duration", "how long a smart lockout lasts (duration)");
        k.put("lockout.delay_after", "failures after which each login of the account is delayed (1..100)");
        k.put("lockout.max_delay_seconds", "longest such delay (0..60; 0 disables delays)");
        k.put("judge.interval", "how often the full detection (campaigns, subnets, compromises) runs (duration)");
        k.put("limits.max_blocks", "blocks held at most (integer)");
        k.put("limits.max_lockout_accounts", "accounts with lockout counters held at most (integer)");
        return k;
    }
}
