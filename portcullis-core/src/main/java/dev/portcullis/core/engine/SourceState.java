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
    /** First (account, time) successes, for compromise attribution once the address is judged. */
    String[] successAccounts;
    long[] successTimes;
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
        if (successAccounts == null) {
            successAccounts = new String[2];
            successTimes = new long[2];
        }
        for (int i = 0; i < successCount; i++) {
            if (successAccounts[i].equals(account)) {
                return; // first success per account is what matters
            }
        }
        if (successCount < maxKept) {
            if (successCount == successAccounts.length) {
                successAccounts = Arrays.copyOf(successAccounts, Math.min(maxKept, successCount * 2));
                successTimes = Arrays.copyOf(successTimes, successAccounts.length);
            }
            successAccounts[successCount] = account;
            successTimes[successCount++] = t;
        }
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
