package dev.portcullis.core.gate;

import dev.portcullis.core.Network;
import dev.portcullis.core.config.ConfigException;
import dev.portcullis.core.config.Durations;
import dev.portcullis.core.config.Section;
import dev.portcullis.core.config.Validator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's policy: one immutable object, validated when built; a value out of range is an error
 * naming the key, the value and the range ({@link Validator}'s wording; security thresholds are never
 * clamped). Keys as in a config file's {@code gate:} section are listed in {@link #KEYS}.
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

    /** The config file's section, the first part of every key path in messages. */
    public static final String SECTION = "gate";

    public GateConfig {
        internalNetworks = List.copyOf(internalNetworks);
        allowNetworks = List.copyOf(allowNetworks);
        allowAccounts = List.copyOf(allowAccounts);
        Validator v = new Validator(SECTION);
        v.range("block.duration", blockDuration, Duration.ofSeconds(10), Duration.ofDays(30));
        v.range("block.max_duration", blockMaxDuration, Duration.ofSeconds(10), Duration.ofDays(365));
        if (v.problems().isEmpty()) { // compared only when both are in range, lest one error read as two
            v.check(blockMaxDuration.compareTo(blockDuration) >= 0, "block.max_duration", Durations.words(blockMaxDuration),
                    "is shorter than " + v.path("block.duration") + " (" + Durations.words(blockDuration) + ")");
        }
        v.range("block.escalation", blockEscalation, 1, 100);
        v.range("block.tarpit_seconds", tarpitSeconds, 1, 60);
        v.range("lockout.unfamiliar_failures", lockoutUnfamiliarFailures, 1, 100);
        v.range("lockout.familiar_failures", lockoutFamiliarFailures, 1, 100);
        v.range("lockout.window", lockoutWindow, Duration.ofMinutes(1), Duration.ofDays(7));
        v.range("lockout.duration", lockoutDuration, Duration.ofSeconds(10), Duration.ofDays(30));
        v.range("lockout.delay_after", delayAfter, 1, 100);
        v.range("lockout.max_delay_seconds", maxDelaySeconds, 0, 60);
        v.range("judge.interval", judgeInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        v.range("limits.max_blocks", maxBlocks, 100, 100_000_000);
        v.range("limits.max_lockout_accounts", maxLockoutAccounts, 100, 100_000_000);
        v.check(blockAction != null, "block.action", null, "is missing; allowed reject, tarpit");
        v.throwIfAny();
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
     * keys, unreadable values and values out of range are all reported at once ({@link ConfigException}).
     */
    public static GateConfig fromMap(Map<String, ?> values) {
        Section r = new Section(SECTION, values, KEYS.keySet());
        GateConfig d = DEFAULTS;
        List<Network> internal = r.networks("internal_networks", d.internalNetworks);
        List<Network> allowNets = r.networks("allow.networks", d.allowNetworks);
        List<String> allowAcc = r.strings("allow.accounts", d.allowAccounts);
        boolean logOnly = r.bool("log_only", d.logOnly);
        Duration bd = r.duration("block.duration", d.blockDuration);
        Duration bmd = r.duration("block.max_duration", d.blockMaxDuration);
        int be = r.integer("block.escalation", d.blockEscalation);
        Block.Action ba = r.word("block.action", d.blockAction);
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
        return r.build(() -> new GateConfig(internal, allowNets, allowAcc, logOnly, bd, bmd, be, ba, ts, bs, lu, lf, lw,
                ld, da, md, ji, mb, ml));
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
