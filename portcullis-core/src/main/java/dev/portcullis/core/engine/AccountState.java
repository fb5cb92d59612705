package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * What the engine knows about one account: the addresses it has logged in from (its familiar
 * sources, the most recent {@link #FAMILIAR}, each with when it was first seen succeeding), its
 * failures, and the bulk downloads that may show a compromise. Times are epoch seconds. Arrays are
 * allocated as needed: most accounts log in from one or two addresses and never fail.
 */
final class AccountState {
    static final int FAMILIAR = 8;
    static final int FAILED_FROM = 4;

    final String account;
    private String[] familiar;
    private long[] familiarSince;
    private int familiarSize;
    private int familiarNext;
    int failures;
    int successes;
    long lastFailure = -1;
    /** The last few addresses that failed on this account (for "targeted by an attacker"). */
    String[] failedFrom;
    private int failedFromNext;
    /** Bulk downloads by sessions that logged in from an unfamiliar address: (source, login time, end). */
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
        return indexOf(source) >= 0;
    }

    private int indexOf(String source) {
        if (source == null || familiar == null) {
            return -1;
        }
        for (int i = 0; i < familiarSize; i++) {
            if (source.equals(familiar[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Records a success from {@code source} at {@code t}; a new address becomes familiar from then on. */
    void addFamiliar(String source, long t) {
        if (source == null || isFamiliar(source)) {
            return;
        }
        if (familiar == null) {
            familiar = new String[2];
            familiarSince = new long[2];
        } else if (familiarSize == familiar.length && familiar.length < FAMILIAR) {
            familiar = Arrays.copyOf(familiar, familiar.length * 2);
            familiarSince = Arrays.copyOf(familiarSince, familiar.length);
            familiarNext = familiarSize;
        }
        familiar[familiarNext] = source;
        familiarSince[familiarNext] = t;
        familiarNext = (familiarNext + 1) % familiar.length;
        familiarSize = Math.min(familiarSize + 1, familiar.length);
    }

    /**
     * When {@code source} first logged in to this account (the moment it was a new address), if that
     * was at or before {@code t}; -1 when it is not (or no longer) among the recent familiar addresses.
     */
    long newLoginTime(String source, long t) {
        int i = indexOf(source);
        return i >= 0 && familiarSince[i] <= t ? familiarSince[i] : -1;
    }

    void failedFrom(String source) {
        if (source == null) {
            return;
        }
        if (failedFrom == null) {
            failedFrom = new String[FAILED_FROM];
        }
        for (String f : failedFrom) {
            if (source.equals(f)) {
                return;
            }
        }
        failedFrom[failedFromNext] = source;
        failedFromNext = (failedFromNext + 1) % failedFrom.length;
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
