package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * What the engine knows about one client address.
 *
 * <p>Memory layout (JDK 17, compressed oops): 96 bytes for an address that only logs in, plus a
 * {@link DistinctSet} (32 bytes for one account) and a failure ring (an {@code int[2]}, 24 bytes) once
 * it fails. There are millions of addresses, most seen once, so:
 * <ul>
 *   <li>times are {@link PackedTime} ints (the ring too); line numbers stay {@code long};</li>
 *   <li>the first success (account and time) is inline; a second account's success allocates
 *       {@link More} (the succeeded-account set and the later first successes);</li>
 *   <li>the failed-account set is a shared empty one until the first failure;</li>
 *   <li>the ring's size and position, and the windowed peak it measures, are bytes
 *       ({@link Engine#RING} ≤ 127);</li>
 *   <li>what only judging an address that fails on several accounts needs (how the guesses spread
 *       over them, what the log says of those accounts, the password fingerprints) is in
 *       {@link Guesses}, allocated at its second failed account.</li>
 * </ul>
 */
final class SourceState {
    final String ip;
    private int first = PackedTime.UNSET;
    private int last;
    int failures;
    /** Failures on accounts for which this address was not familiar at the time (no earlier success). */
    int strangerFailures;
    int unknownFailures;
    /** Failures that named an account (Postfix logs many without one). */
    int namedFailures;
    int successes;
    /** Accounts it failed on; an empty shared set until the first failure (most addresses never fail). */
    DistinctSet failedAccounts = DistinctSet.EMPTY;
    /** The first succeeded account; more in {@link #more} (most addresses succeed for one account). */
    private String onlyAccount;
    private More more;
    /**
     * Packed times of the last stranger failures, a ring that grows 2 → 4 → … → the engine's limit
     * only while failures keep coming, for windowed brute-force counting.
     */
    private int[] ring;
    private byte ringSize;
    private byte ringNext;
    /** The most stranger failures within one brute-force window (at most {@link Engine#RING}). */
    byte bestWindowFailures;
    /** Time of the first success that named an account ({@link #onlyAccount}), packed. */
    private int firstSuccessTime;
    int successCount;
    /** Evidence: where this address first appears in the input. */
    String firstFile;
    long firstLine;
    private int firstFailure = PackedTime.UNSET;
    /** Sessions with a bulk download (saturating: only the eviction score reads it). */
    private short bulkSessions;
    /**
     * Probes: lines naming an account that does not exist without a password tried (sshd "Invalid
     * user U from A" and the client leaves), saturating. Listed as probing, never counted as guesses.
     */
    short probes;
    /** How the guesses spread, once the address fails on a second account; null before. */
    Guesses guesses;
    /**
     * The reason of the first failure that named an account (a {@link dev.portcullis.core.Reason}
     * ordinal, -1 before): what the log said of the first account, whose guesses came before
     * {@link #guesses} was allocated. A byte in the object's padding.
     */
    byte firstReason = -1;

    /**
     * What only addresses where several accounts log in need: the set of succeeded accounts and the
     * first (account, time) successes after the first, for compromise attribution once the address is
     * judged.
     */
    private static final class More {
        final DistinctSet succeededAccounts = new DistinctSet();
        String[] successAccounts = new String[1];
        int[] successTimes = new int[1];
    }

    SourceState(String ip) {
        this.ip = ip;
    }

    /** Eviction score: how much would be lost by forgetting this address. */
    int usefulness() {
        return failures * 4 + bulkSessions * 8 + Math.min(successes, 3) + Math.min(probes, 3);
    }

    void probe() {
        if (probes < Short.MAX_VALUE) {
            probes++;
        }
    }

    /** True when it logged in to an account it failed on (a typo, then the right password). */
    boolean loggedInWhereFailed() {
        for (int i = 0; i < successCount; i++) {
            if (failedAccounts.contains(successAccount(i))) {
                return true;
            }
        }
        return false;
    }

    void bulkSession() {
        if (bulkSessions < Short.MAX_VALUE) {
            bulkSessions++;
        }
    }

    /** Records that the address appeared at {@code t} (clamped epoch seconds), from {@code file}:{@code line}. */
    void seen(long t, String file, long line) {
        int packed = PackedTime.pack(t);
        if (first == PackedTime.UNSET) {
            first = packed;
            last = packed;
            firstFile = file;
            firstLine = line;
        } else if (packed < first) {
            first = packed; // merged files come slightly out of order: the span is earliest to latest
        } else if (packed > last) {
            last = packed;
        }
    }

    long first() {
        return PackedTime.unpack(first);
    }

    long last() {
        return PackedTime.unpack(last);
    }

    /** The first failure's time, or -1 while there is none. */
    long firstFailure() {
        return PackedTime.unpack(firstFailure, -1);
    }

    /**
     * The latest failure's time, from the ring of recent stranger failures (the failures that make an
     * attack); the first failure's when the ring is empty; -1 while there is no failure. No field of its
     * own: only judging an attacker's logins needs it.
     */
    long lastFailure() {
        long latest = firstFailure();
        for (int k = 0; k < ringSize; k++) {
            latest = Math.max(latest, PackedTime.unpack(ring[k]));
        }
        return latest;
    }

    /** Records a failure at {@code t}: the earliest is kept, whatever the input order. */
    void firstFailure(long t) {
        int packed = PackedTime.pack(t);
        if (firstFailure == PackedTime.UNSET || packed < firstFailure) {
            firstFailure = packed;
        }
    }

    void strangerFailure(long t, int attempts, int windowSeconds, int maxRing) {
        int packed = PackedTime.pack(t);
        int size = ringSize;
        int next = ringNext;
        for (int i = 0; i < attempts && i < maxRing; i++) {
            if (ring == null) {
                ring = new int[2];
            } else if (size == ring.length && ring.length < maxRing) {
                // grow, unrolling the ring so the oldest entry comes first
                int[] bigger = new int[Math.min(maxRing, ring.length * 2)];
                for (int k = 0; k < size; k++) {
                    bigger[k] = ring[(next + k) % ring.length];
                }
                ring = bigger;
                next = size;
            }
            ring[next] = packed;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
        ringSize = (byte) size;
        ringNext = (byte) next;
        // failures within the window ending now
        int inWindow = 0;
        for (int k = 0; k < size; k++) {
            if (PackedTime.unpack(ring[k]) >= t - windowSeconds) {
                inWindow++;
            }
        }
        if (inWindow > bestWindowFailures) {
            bestWindowFailures = (byte) inWindow; // inWindow <= ring size <= RING <= 127
        }
    }

    /** The ring's times (epoch seconds), oldest first order not guaranteed. */
    long[] failureTimes() {
        long[] out = new long[ringSize];
        for (int k = 0; k < out.length; k++) {
            out[k] = PackedTime.unpack(ring[k]);
        }
        return out;
    }

    String successAccount(int i) {
        return i == 0 ? onlyAccount : more.successAccounts[i - 1];
    }

    long successTime(int i) {
        return PackedTime.unpack(i == 0 ? firstSuccessTime : more.successTimes[i - 1]);
    }

    void success(String account, long t, int maxKept) {
        successes++;
        if (onlyAccount == null) {
            onlyAccount = account;
        } else if (account != null && !account.equals(onlyAccount)) {
            if (more == null) {
                more = new More();
                more.succeededAccounts.add(onlyAccount);
            }
            more.succeededAccounts.add(account);
        }
        if (account == null) {
            return;
        }
        for (int i = 0; i < successCount; i++) {
            if (successAccount(i).equals(account)) {
                return; // first success per account is what matters
            }
        }
        if (successCount >= maxKept) {
            return;
        }
        if (successCount == 0) {
            firstSuccessTime = PackedTime.pack(t); // account == onlyAccount: the first success that named an account
        } else {
            // a second distinct account named, so onlyAccount is set and differs: more exists
            int k = successCount - 1;
            if (k == more.successAccounts.length) {
                int n = Math.min(maxKept - 1, more.successAccounts.length * 2 + 1);
                more.successAccounts = Arrays.copyOf(more.successAccounts, n);
                more.successTimes = Arrays.copyOf(more.successTimes, n);
            }
            more.successAccounts[k] = account;
            more.successTimes[k] = PackedTime.pack(t);
        }
        successCount++;
    }

    int succeededAccountCount() {
        if (more != null) {
            return more.succeededAccounts.count();
        }
        return onlyAccount == null ? 0 : 1;
    }

    boolean succeededFor(String account) {
        if (account == null) {
            return false;
        }
        if (more != null) {
            return more.succeededAccounts.contains(account);
        }
        return account.equals(onlyAccount);
    }
}
