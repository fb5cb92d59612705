package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * What the engine knows about one client address. Times are epoch seconds. About 100–200 bytes for a
 * typical address (one success); addresses with failures carry a little more.
 */
final class SourceState {
    final String ip;
    long first;
    long last;
    int failures;
    /** Failures on accounts for which this address was not familiar at the time (no earlier success). */
    int strangerFailures;
    int unknownFailures;
    /** Failures that named an account (Postfix logs many without one). */
    int namedFailures;
    int successes;
    /** Accounts it failed on; an empty shared set until the first failure (most addresses never fail). */
    DistinctSet failedAccounts = DistinctSet.EMPTY;
    DistinctSet succeededAccounts; // lazily: most addresses succeed for one account
    String onlyAccount;            // the first succeeded account, before succeededAccounts is needed
    /**
     * Times (epoch seconds) of the last stranger failures, a ring that grows 2 → 4 → … → the engine's
     * limit only while failures keep coming, for windowed brute-force counting.
     */
    long[] ring;
    int ringSize;
    int ringNext;
    int bestWindowFailures;
    /**
     * First (account, time) successes, for compromise attribution once the address is judged: the
     * first inline ({@link #onlyAccount}, {@link #firstSuccessTime}), the others in arrays allocated
     * when a second account succeeds. Read through {@link #successAccount} and {@link #successTime}.
     */
    private String[] moreSuccessAccounts;
    private long[] moreSuccessTimes;
    private long firstSuccessTime;
    int successCount;
    /** Evidence: where this address first appears in the input. */
    String firstFile;
    long firstLine;
    long firstFailure = -1;
    /** Sessions with a bulk download. */
    int bulkSessions;

    SourceState(String ip) {
        this.ip = ip;
    }

    /** Eviction score: how much would be lost by forgetting this address. */
    int usefulness() {
        return failures * 4 + bulkSessions * 8 + Math.min(successes, 3);
    }

    void strangerFailure(long t, int attempts, int windowSeconds, int maxRing) {
        for (int i = 0; i < attempts && i < maxRing; i++) {
            if (ring == null) {
                ring = new long[2];
            } else if (ringSize == ring.length && ring.length < maxRing) {
                // grow, unrolling the ring so the oldest entry comes first
                long[] bigger = new long[Math.min(maxRing, ring.length * 2)];
                for (int k = 0; k < ringSize; k++) {
                    bigger[k] = ring[(ringNext + k) % ring.length];
                }
                ring = bigger;
                ringNext = ringSize;
            }
            ring[ringNext] = t;
            ringNext = (ringNext + 1) % ring.length;
            ringSize = Math.min(ringSize + 1, ring.length);
        }
        // failures within the window ending now
        int inWindow = 0;
        for (int k = 0; k < ringSize; k++) {
            if (ring[k] >= t - windowSeconds) {
                inWindow++;
            }
        }
        if (inWindow > bestWindowFailures) {
            bestWindowFailures = inWindow;
        }
    }

    /** The ring's times, oldest first order not guaranteed. */
    long[] failureTimes() {
        return ring == null ? new long[0] : java.util.Arrays.copyOf(ring, ringSize);
    }

    String successAccount(int i) {
        return i == 0 ? onlyAccount : moreSuccessAccounts[i - 1];
    }

    long successTime(int i) {
        return i == 0 ? firstSuccessTime : moreSuccessTimes[i - 1];
    }

    void success(String account, long t, int maxKept) {
        successes++;
        if (onlyAccount == null) {
            onlyAccount = account;
        } else if (account != null && !account.equals(onlyAccount)) {
            if (succeededAccounts == null) {
                succeededAccounts = new DistinctSet();
                succeededAccounts.add(onlyAccount);
            }
            succeededAccounts.add(account);
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
            firstSuccessTime = t; // account == onlyAccount: the first success that named an account
        } else {
            int k = successCount - 1;
            if (moreSuccessAccounts == null) {
                moreSuccessAccounts = new String[1];
                moreSuccessTimes = new long[1];
            } else if (k == moreSuccessAccounts.length) {
                int n = Math.min(maxKept - 1, moreSuccessAccounts.length * 2 + 1);
                moreSuccessAccounts = Arrays.copyOf(moreSuccessAccounts, n);
                moreSuccessTimes = Arrays.copyOf(moreSuccessTimes, n);
            }
            moreSuccessAccounts[k] = account;
            moreSuccessTimes[k] = t;
        }
        successCount++;
    }

    int succeededAccountCount() {
        if (succeededAccounts != null) {
            return succeededAccounts.count();
        }
        return onlyAccount == null ? 0 : 1;
    }

    boolean succeededFor(String account) {
        if (account == null) {
            return false;
        }
        if (succeededAccounts != null) {
            return succeededAccounts.contains(account);
        }
        return account.equals(onlyAccount);
    }
}
