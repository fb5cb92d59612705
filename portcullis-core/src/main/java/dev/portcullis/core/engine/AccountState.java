package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * What the engine knows about one account: the addresses it has logged in from (its familiar
 * sources, the most recent few), its failures, and the unfamiliar logins and bulk downloads that may
 * show a compromise. Times are epoch seconds.
 */
final class AccountState {
    static final int FAMILIAR = 8;
    static final int NEW_LOGINS = 8;

    final String account;
    final String[] familiar = new String[FAMILIAR];
    int familiarNext;
    int failures;
    int successes;
    long lastFailure = -1;
    /** Recent successes from addresses that were unfamiliar at the time: (source, time). */
    final String[] newSources = new String[NEW_LOGINS];
    final long[] newTimes = new long[NEW_LOGINS];
    int newNext;
    /** Bulk downloads by sessions that logged in from an unfamiliar address: (source, login time, end). */
    /** The last few addresses that failed on this account (for "targeted by an attacker"). */
    final String[] failedFrom = new String[4];
    int failedFromNext;
    String[] bulkSources;
    long[] bulkLogins;
    long[] bulkTimes;
    int bulkCount;

    AccountState(String account) {
        this.account = account;
    }

    int usefulness() {
        return failures * 2 + bulkCount * 8 + (successes > 0 ? 1 : 0);
    }

    boolean isFamiliar(String source) {
        if (source == null) {
            return false;
        }
        for (String f : familiar) {
            if (source.equals(f)) {
                return true;
            }
        }
        return false;
    }

    void addFamiliar(String source) {
        if (source != null && !isFamiliar(source)) {
            familiar[familiarNext] = source;
            familiarNext = (familiarNext + 1) % FAMILIAR;
        }
    }

    void failedFrom(String source) {
        if (source == null) {
            return;
        }
        for (String f : failedFrom) {
            if (source.equals(f)) {
                return;
            }
        }
        failedFrom[failedFromNext] = source;
        failedFromNext = (failedFromNext + 1) % failedFrom.length;
    }

    void newSource(String source, long t) {
        newSources[newNext] = source;
        newTimes[newNext] = t;
        newNext = (newNext + 1) % NEW_LOGINS;
    }

    /** When {@code source} last logged in as an unfamiliar address at or before {@code t}, or -1. */
    long newLoginTime(String source, long t) {
        long best = -1;
        for (int i = 0; i < NEW_LOGINS; i++) {
            if (source.equals(newSources[i]) && newTimes[i] <= t && newTimes[i] > best) {
                best = newTimes[i];
            }
        }
        return best;
    }

    void bulk(String source, long login, long t, int max) {
        if (bulkSources == null) {
            bulkSources = new String[2];
            bulkLogins = new long[2];
            bulkTimes = new long[2];
        }
        if (bulkCount == max) {
            return;
        }
        if (bulkCount == bulkSources.length) {
            bulkSources = Arrays.copyOf(bulkSources, Math.min(max, bulkCount * 2));
            bulkLogins = Arrays.copyOf(bulkLogins, bulkSources.length);
            bulkTimes = Arrays.copyOf(bulkTimes, bulkSources.length);
        }
        bulkSources[bulkCount] = source;
        bulkLogins[bulkCount] = login;
        bulkTimes[bulkCount++] = t;
    }
}
