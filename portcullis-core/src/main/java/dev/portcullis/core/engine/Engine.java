package dev.portcullis.core.engine;

import dev.portcullis.core.Activity;
import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;

/**
 * The detection engine: consumes {@link AuthEvent}s in event-time order (small reorderings across
 * merged files are tolerated: windows are measured on the events' own times) and keeps bounded state
 * per address, per account and per (account, familiar address). {@link #findings()} judges that state:
 * attacks (brute force, password spray, distributed spray campaigns, credential stuffing), compromised
 * accounts (a success from an attacker, bulk downloads from unfamiliar addresses), stale credentials.
 *
 * <p>Contract: pure computation, no I/O, no clock (time comes from the events), never throws from
 * {@link #record}; memory bounded by {@link EngineConfig}'s limits whatever the input (each table
 * evicts its least useful entries first, see {@link BoundedTable}). Single-threaded.
 */
public final class Engine {
    /** Successes kept per address for compromise attribution (attack sources succeed on a few dozen). */
    static final int SUCCESSES_KEPT = 256;
    static final int RING = 32;
    static final int BULK_KEPT = 64;

    final EngineConfig config;
    final BoundedTable<SourceState> sources;
    final BoundedTable<AccountState> accounts;
    final BoundedTable<PairState> pairs;
    final BoundedTable<SubnetState> subnets;
    long events;
    /** Accounts seen logging in (an account evicted and seen again counts twice: an estimate). */
    long loggedIn;
    long firstTime = Long.MAX_VALUE;
    long lastTime = Long.MIN_VALUE;

    public Engine(EngineConfig config) {
        this.config = config;
        this.sources = new BoundedTable<>(config.maxSources(), SourceState::usefulness);
        this.accounts = new BoundedTable<>(config.maxAccounts(), AccountState::usefulness);
        this.pairs = new BoundedTable<>(config.maxPairs(), PairState::usefulness);
        this.subnets = new BoundedTable<>(config.maxSources(), SubnetState::usefulness);
    }

    public Engine() {
        this(EngineConfig.DEFAULTS);
    }

    public EngineConfig config() {
        return config;
    }

    /** Takes one event into account. Never throws. */
    public void record(AuthEvent e) {
        if (e == null) {
            return;
        }
        events++;
        long raw = e.time().getEpochSecond();
        firstTime = Math.min(firstTime, raw);
        lastTime = Math.max(lastTime, raw);
        long t = PackedTime.clamp(raw); // what per-key state can hold; see PackedTime

        if (e.kind() == EventKind.SESSION) {
            session(e, t);
            return;
        }
        if (e.kind() != EventKind.AUTH) {
            return;
        }
        if (e.isFailure()) {
            if (e.attempts() > 0) {
                failure(e, t);
            } else if (e.reason() == Reason.UNKNOWN_ACCOUNT && e.source() != null) {
                // a name that does not exist, no password tried ("Invalid user U from A"): a probe, no guess
                source(e.source(), e, t).probe();
            }
        } else if (e.isSuccess()) {
            success(e, t);
        }
    }

    private void failure(AuthEvent e, long t) {
        String ip = e.source();
        String acc = e.account();
        int n = e.attempts();
        // the address first, so that the account keeps the address table's own key string (one copy
        // per address, however many events and accounts name it)
        SourceState s = ip == null ? null : source(ip, e, t);
        if (s != null) {
            ip = s.ip;
        }
        AccountState a = acc == null ? null : accounts.getOrCreate(acc, AccountState::new);
        if (a != null) {
            acc = a.account; // likewise, the account table's key string
        }
        boolean familiar = a != null && ip != null && a.isFamiliar(ip);
        if (a != null) {
            a.failures += n;
            a.lastFailure(t);
            if (!familiar) {
                a.failedFrom(ip);
            }
        }
        if (familiar) {
            PairState p = pairs.getOrCreate(acc + '\u0000' + ip, k -> new PairState());
            p.failures += n;
            p.failedAt(t);
            if (e.pwhash() != null) {
                if (e.pwhash().equals(p.pwhash)) {
                    p.samePwhash += n;
                } else if (p.pwhash == null) {
                    p.pwhash = e.pwhash();
                }
            }
        }
        if (s == null) {
            return;
        }
        s.failures += n;
        s.firstFailure(t); // keeps the earliest
        if (e.reason() == Reason.UNKNOWN_ACCOUNT) {
            s.unknownFailures += n;
        }
        if (s.failedAccounts == DistinctSet.EMPTY) {
            s.failedAccounts = new DistinctSet();
        }
        boolean fresh = s.failedAccounts.add(acc);
        if (acc != null) {
            if (s.firstReason < 0) {
                s.firstReason = (byte) e.reason().ordinal();
            }
            if (s.guesses == null && fresh && s.failedAccounts.count() == 2) {
                s.guesses = new Guesses(s.failedAccounts.first(), s.namedFailures, Reason.values()[s.firstReason]);
            }
            if (s.guesses != null) {
                s.guesses.record(acc, n, e.reason(), e.pwhash());
            }
            s.namedFailures += n;
        }
        SubnetState net = subnet(ip);
        if (net != null) {
            net.failures += n;
            net.failingAddresses.add(ip);
        }
        if (!familiar) {
            s.strangerFailures += n;
            s.strangerFailure(t, n, (int) config.bruteForceWindow().getSeconds(), RING);
        }
    }

    private void success(AuthEvent e, long t) {
        String ip = e.source();
        String acc = e.account();
        SourceState s = ip == null ? null : source(ip, e, t); // first: see failure()
        if (s != null) {
            ip = s.ip;
        }
        AccountState a = acc == null ? null : accounts.getOrCreate(acc, AccountState::new);
        if (a != null) {
            acc = a.account;
            if (a.successes++ == 0) {
                loggedIn++;
            }
            a.addFamiliar(ip, t);
        }
        if (s == null) {
            return;
        }
        s.success(acc, t, SUCCESSES_KEPT);
        SubnetState net = subnets.get(Addresses.prefix(ip));
        if (net != null) {
            net.successes++;
        }
    }

    /** A session ended: a bulk download from an address new to the account is a compromise signal. */
    private void session(AuthEvent e, long t) {
        Activity act = e.activity();
        if (act == null || e.account() == null || e.source() == null) {
            return;
        }
        boolean bulk = act.messages() >= config.bulkMessages() || act.messageBytes() >= config.bulkBytes();
        if (!bulk) {
            return;
        }
        AccountState a = accounts.getOrCreate(e.account(), AccountState::new);
        long login = a.newLoginTime(e.source(), t);
        if (login < 0) {
            return; // the session came from an address this account already knew: its owner
        }
        SourceState s = sources.get(e.source());
        a.bulk(s == null ? e.source() : s.ip, login, t, BULK_KEPT); // the address table's key string, when it has one
        if (s != null) {
            s.bulkSession();
        }
    }

    private SubnetState subnet(String ip) {
        String prefix = Addresses.prefix(ip);
        return prefix == null ? null : subnets.getOrCreate(prefix, k -> new SubnetState());
    }

    private SourceState source(String ip, AuthEvent e, long t) {
        SourceState s = sources.getOrCreate(ip, SourceState::new);
        s.seen(t, e.file(), e.line());
        return s;
    }

    /** Judges the state gathered so far. Can be called at any time; does not change the state. */
    public Findings findings() {
        return new Judge(this).run();
    }

    public long events() {
        return events;
    }

    // --- point queries for the gate (cheap, no full judgement) -----------------------------------

    /** True when the account has logged in from this address before (within the engine's memory). */
    public boolean isFamiliar(String account, String ip) {
        AccountState a = account == null ? null : accounts.get(account);
        return a != null && a.isFamiliar(ip);
    }

    /**
     * The attack this address alone is making (brute force, spray, stuffing), by the same per-address
     * rules as {@link #findings()}; null when none, when it is a shared address (many accounts log in
     * from it) or when it looks like a device retrying a stale password. Cheap unless a threshold is near.
     */
    public AttackKind attackBy(String ip) {
        SourceState s = ip == null ? null : sources.get(ip);
        if (s == null || s.strangerFailures == 0) {
            return null;
        }
        int accountsFailed = s.failedAccounts.count();
        if (s.bestWindowFailures < config.bruteForceFailures()
                && accountsFailed < Math.min(config.sprayAccounts(), config.stuffingAccounts())) {
            return null;
        }
        return new Judge(this).attackBy(s);
    }

    /** True when many accounts log in from this address (an office or carrier NAT): never block it. */
    public boolean isShared(String ip) {
        SourceState s = ip == null ? null : sources.get(ip);
        return s != null && new Judge(this).isShared(s);
    }

    /** True when somebody logged in successfully from this /24 or /64 (so it is not blocked as a whole). */
    public boolean subnetHasSuccesses(String prefix) {
        SubnetState net = prefix == null ? null : subnets.get(prefix);
        return net != null && net.successes > 0;
    }

    /** Entries in the engine's tables (addresses, accounts, pairs, subnets), for metrics. */
    public long trackedKeys() {
        return (long) sources.size() + accounts.size() + pairs.size() + subnets.size();
    }
}
