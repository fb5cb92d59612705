package dev.portcullis.core.gate;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Network;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The gate: decides every login from memory, in microseconds, with the detection engine that
 * {@code analyze} uses, and keeps blocks, smart lockouts, lockdowns and allowlists.
 *
 * <p>Design note.
 * <ul>
 *   <li>Order of a decision: allowlist → lockdown (outside the internal networks) → internal networks
 *       pass → source block (address, its /24 or /64, an operator's network) → account lockout →
 *       delay after repeated failures → allow. Log-only mode decides the same and marks the decision
 *       unenforced.</li>
 *   <li>Reports feed the engine; a source the engine judges an attacker on its own is blocked at once,
 *       escalating ({@code block.escalation}× longer each time, up to {@code block.max_duration});
 *       campaigns, subnet attacks and compromises come from the full judgement every
 *       {@code judge.interval}. Shared addresses (many accounts log in from them) and internal
 *       networks are never blocked.</li>
 *   <li>Smart lockout counts failures per account from familiar and unfamiliar addresses apart; the
 *       same wrong password again does not count; unfamiliar failures lock the account only for
 *       unfamiliar addresses, so an attacker cannot lock its owner out of the office or their phone.</li>
 *   <li>Time comes from the caller ({@code now}), never from a clock inside. Not thread-safe: one
 *       thread owns the gate (the server's event loop); everything else hands it work.</li>
 *   <li>Memory: every table is bounded ({@link GateConfig} and the engine's limits).</li>
 * </ul>
 */
public final class Gate {
    /** Recent logins kept for the people watching (about 4 MB). */
    static final int PULSE_CAPACITY = 65_536;
    private final GateConfig config;
    private final Engine engine;
    private final GateListener listener;
    private final Blocks blocks;
    private final SmartLockout lockout;
    private final Map<String, Lockdown> lockdowns = new LinkedHashMap<>();
    private final Map<String, Allow> allows = new LinkedHashMap<>();
    private final List<Network> allowNetworks = new ArrayList<>();
    private final Set<String> allowAccounts = new HashSet<>();
    private final Map<String, Integer> detectionSeen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
            return size() > 10_000;
        }
    };
    private final AuthEvent.Builder builder = AuthEvent.builder();
    private Instant nextJudge = Instant.MIN;
    private final GateStats stats = new GateStats();
    private final Pulse pulse = new Pulse(PULSE_CAPACITY);
    /** When set, the full judgement runs elsewhere on a copy of the events (see {@link #judgeElsewhere}). */
    private Consumer<AuthEvent> tap;

    public Gate(GateConfig config, Engine engine, GateListener listener) {
        this.config = config;
        this.engine = engine;
        this.listener = listener == null ? GateListener.NONE : listener;
        this.blocks = new Blocks(config.maxBlocks());
        this.lockout = new SmartLockout(config);
        rebuildAllows();
    }

    public GateConfig config() {
        return config;
    }

    public Engine engine() {
        return engine;
    }

    public GateStats stats() {
        return stats;
    }

    /** Recent logins and per-minute figures; readable from any thread. */
    public Pulse pulse() {
        return pulse;
    }

    // --- decisions -------------------------------------------------------------------------------

    /** Decides a login before (or after) its password is checked. Never throws. */
    public Decision decide(Login l, Instant now) {
        Decision d = judge(l, now);
        if (config.logOnly()) {
            d = d.unenforced();
        }
        stats.decided(d);
        pulse.decided(l, d, now);
        return d;
    }

    private Decision judge(Login l, Instant now) {
        String src = l.source();
        String acc = l.account();
        if (isAllowlisted(acc, src)) {
            return Decision.allow("allowlisted");
        }
        boolean internal = config.isInternal(src);
        if (!internal && !lockdowns.isEmpty()) {
            Lockdown ld = lockdownFor(acc, now);
            if (ld != null) {
                return Decision.reject("lockdown", "Remote access is locked down"
                        + (ld.reason() == null || ld.reason().isEmpty() ? "" : " (" + ld.reason() + ")")
                        + ": log in from the office network or VPN, or contact IT");
            }
        }
        if (internal) {
            return Decision.allow("internal");
        }
        if (src != null) {
            Block b = blocks.find(src, now);
            if (b != null) {
                return b.action() == Block.Action.TARPIT ? Decision.delay(config.tarpitSeconds(), "tarpit")
                        : Decision.reject("blocked", "Too many failed logins from your address; try again later");
            }
        }
        if (acc == null) {
            return Decision.ALLOW;
        }
        Decision d = lockout.check(acc, engine.isFamiliar(acc, src), now, listener::removed);
        if (d != null) {
            return d;
        }
        return Decision.ALLOW;
    }

    private boolean isAllowlisted(String acc, String src) {
        return (acc != null && !allowAccounts.isEmpty() && allowAccounts.contains(acc))
                || (!allowNetworks.isEmpty() && GateConfig.contains(allowNetworks, src));
    }

    private Lockdown lockdownFor(String acc, Instant now) {
        for (Lockdown ld : lockdowns.values()) {
            if (!ld.expired(now) && ld.covers(acc)) {
                return ld;
            }
        }
        return null;
    }

    // --- reports ---------------------------------------------------------------------------------

    /**
     * Takes the outcome of a login. {@code policyReject}: the gate itself refused it (no password was
     * judged), so it feeds neither the engine nor the lockout counters. Never throws.
     */
    public void report(Login l, boolean success, boolean policyReject, Instant now) {
        stats.reported(success, policyReject);
        if (policyReject) {
            return;
        }
        pulse.reported(l, success, now);
        String src = l.source();
        String acc = l.account();
        builder.reset().time(now).kind(EventKind.AUTH).service(l.service()).source(src)
                .pwhash(l.pwhash()).session(l.session()).attempts(1).format("gate");
        if (acc != null) {
            builder.account(acc);
        }
        if (success) {
            builder.result(Result.SUCCESS).reason(Reason.NONE);
        } else {
            builder.failure(Reason.UNSPECIFIED); // a policy report says it failed, not whether the account exists
        }
        boolean familiarBefore = engine.isFamiliar(acc, src);
        AuthEvent event = builder.build();
        engine.record(event);
        if (tap != null) {
            tap.accept(event);
        }
        if (isAllowlisted(acc, src) || config.isInternal(src)) {
            return;
        }
        if (success) {
            if (acc != null) {
                lockout.success(acc, familiarBefore);
            }
            return;
        }
        if (acc != null) {
            Lockout lo = lockout.failure(acc, familiarBefore, l.pwhash(), now);
            if (lo != null) {
                stats.lockouts++;
                listener.put(lo);
            }
        }
        if (src != null && blocks.find(src, now) == null) {
            AttackKind kind = engine.attackBy(src);
            if (kind != null) {
                block(src, kind.label(), now);
            }
        }
    }

    /** Blocks an attacking address (escalating) unless it is internal, allowlisted or shared. */
    private void block(String src, String why, Instant now) {
        if (Addresses.isHost(src) || config.isInternal(src) || isAllowlisted(null, src) || engine.isShared(src)) {
            return; // a named computer ("host:NAME") is not an address: nothing to block
        }
        Block old = blocks.get(src);
        if (old != null && !old.expired(now)) {
            return;
        }
        int level = old != null && old.until() != null
                && old.until().plus(config.blockMaxDuration()).isAfter(now) ? old.level() + 1 : 1;
        Block b = new Block(src, config.blockAction(), level, why, now, now.plus(blockDuration(level)), "engine");
        blocks.put(b, Network.parse(src));
        stats.blocks++;
        listener.put(b);
    }

    private Duration blockDuration(int level) {
        Duration d = config.blockDuration();
        for (int i = 1; i < level && d.compareTo(config.blockMaxDuration()) < 0; i++) {
            d = d.multipliedBy(config.blockEscalation());
        }
        return d.compareTo(config.blockMaxDuration()) > 0 ? config.blockMaxDuration() : d;
    }

    // --- periodic work ---------------------------------------------------------------------------

    /**
     * Expires what has run out and, every {@code judge.interval}, runs the full detection: campaign
     * and subnet attacks are blocked, detections (with compromised accounts) go to the listener.
     */
    public void tick(Instant now) {
        expire(now);
        if (tap != null || now.isBefore(nextJudge)) {
            return;
        }
        nextJudge = now.plus(config.judgeInterval());
        apply(engine.findings(), now);
    }

    /**
     * Hands a copy of every reported event to {@code tap} (it must not block: queue, or drop and count)
     * and stops judging inline: the full judgement, which takes time proportional to the tracked keys,
     * runs on another thread over its own engine fed by the tap, and its {@link Findings} come back
     * through {@link #apply}. The decision path then never waits for a judgement.
     */
    public void judgeElsewhere(Consumer<AuthEvent> tap) {
        this.tap = tap;
    }

    /** Acts on a full judgement: campaign and subnet attacks are blocked, detections go to the listener. */
    public void apply(Findings f, Instant now) {
        Map<String, AccountVerdict> verdicts = new HashMap<>();
        for (AccountVerdict v : f.accounts()) {
            if (v.status() == AccountVerdict.Status.COMPROMISED) {
                verdicts.putIfAbsent(v.account(), v);
            }
        }
        for (Detection d : f.attacks()) {
            Map<String, Integer> perPrefix = new HashMap<>();
            for (String src : d.sources()) {
                block(src, d.kind().label(), now);
                String p = Addresses.prefix(src);
                if (p != null) perPrefix.merge(p, 1, Integer::sum);
            }
            if (config.blockSubnets()) {
                for (Map.Entry<String, Integer> e : perPrefix.entrySet()) {
                    if (e.getValue() >= engine.config().subnetMinAddresses() && !engine.subnetHasSuccesses(e.getKey())
                            && blocks.get(e.getKey()) == null && !config.isInternal(e.getKey().substring(0, e.getKey().indexOf('/')))) {
                        Block b = new Block(e.getKey(), config.blockAction(), 1, d.kind().label() + " across the subnet",
                                now, now.plus(config.blockDuration()), "engine");
                        blocks.put(b, Network.parse(e.getKey()));
                        stats.blocks++;
                        listener.put(b);
                    }
                }
            }
            String key = d.campaignKey();
            int signature = d.sources().size() * 31 + (int) d.attempts() * 17 + d.compromised().hashCode();
            Integer seen = detectionSeen.put(key, signature);
            if (seen == null || seen != signature) {
                listener.detection(key, d, verdicts::get);
            }
        }
    }

    private void expire(Instant now) {
        blocks.expire(now);
        expire(lockdowns, now);
        if (expire(allows, now)) {
            rebuildAllows();
        }
    }

    private <R extends GateRecord> boolean expire(Map<String, R> map, Instant now) {
        boolean any = false;
        for (var it = map.values().iterator(); it.hasNext(); ) {
            R r = it.next();
            if (r.expired(now)) {
                it.remove();
                listener.removed(r);
                any = true;
            }
        }
        return any;
    }

    // --- operator actions (admin API, CLI, wforce commands, restore at start) ----------------------

    /**
     * Puts a record in force (an operator's block, lockout, lockdown or allow entry, or one restored
     * from the store). {@code notify} false when restoring (it is already stored).
     */
    public void put(GateRecord r, boolean notify) {
        if (r instanceof Block b) {
            blocks.put(b, Network.parse(b.target()));
        } else if (r instanceof Lockout lo) {
            lockout.put(lo);
        } else if (r instanceof Lockdown ld) {
            lockdowns.put(ld.id(), ld);
        } else if (r instanceof Allow a) {
            allows.put(a.key(), a);
            rebuildAllows();
        }
        if (notify) {
            listener.put(r);
        }
    }

    /** Removes a record by type and key; returns it, or null when there was none. */
    public GateRecord remove(Class<? extends GateRecord> type, String key) {
        GateRecord r = null;
        if (type == Block.class) {
            Network n = Network.tryParse(key);
            r = blocks.remove(n == null ? key : n.toString());
        } else if (type == Lockout.class) {
            r = lockout.remove(key);
        } else if (type == Lockdown.class) {
            r = lockdowns.remove(key);
        } else if (type == Allow.class) {
            r = allows.remove(key);
            rebuildAllows();
        }
        if (r != null) {
            listener.removed(r);
        }
        return r;
    }

    /** wforce's reset: forgets lockout counters and lifts blocks and lockouts of an address and/or login. */
    public void reset(String account, String source) {
        if (account != null) {
            remove(Lockout.class, account); // counters go with it
        }
        if (source != null) {
            remove(Block.class, source);
        }
    }

    public List<Block> blocks(Instant now) {
        return blocks.inForce(now);
    }

    public List<Lockout> lockouts(Instant now) {
        return lockout.inForce(now);
    }

    public List<Lockdown> lockdowns(Instant now) {
        return lockdowns.values().stream().filter(r -> !r.expired(now)).toList();
    }

    public List<Allow> allows(Instant now) {
        return allows.values().stream().filter(r -> !r.expired(now)).toList();
    }

    /** Blocks held (in force, or expired and kept for escalation): a table size, cheap to read. */
    public int blocksHeld() {
        return blocks.size();
    }

    /** Lockouts held (expired ones are dropped lazily): a table size, cheap to read. */
    public int lockoutsHeld() {
        return lockout.held();
    }

    /** Keys tracked by the gate and its engine, for metrics and memory per key. */
    public long trackedKeys() {
        return engine.trackedKeys() + lockout.keys() + blocks.size();
    }

    private void rebuildAllows() {
        allowNetworks.clear();
        allowAccounts.clear();
        allowNetworks.addAll(config.allowNetworks());
        allowAccounts.addAll(config.allowAccounts());
        for (Allow a : allows.values()) {
            if (a.kind() == Allow.Kind.NETWORK) {
                Network n = Network.tryParse(a.value());
                if (n != null) allowNetworks.add(n);
            } else {
                allowAccounts.add(a.value());
            }
        }
    }
}
