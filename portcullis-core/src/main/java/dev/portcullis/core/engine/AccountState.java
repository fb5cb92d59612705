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
    /** The familiar ring: slot 0 inline (most accounts have one address), slots 1.. in arrays grown 1 → 3 → 7. */
    private String familiar0;
    private long familiarSince0;
    private String[] familiarMore;
    private long[] familiarSinceMore;
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
        if (source == null) {
            return -1;
        }
        for (int i = 0; i < familiarSize; i++) {
            if (source.equals(i == 0 ? familiar0 : familiarMore[i - 1])) {
                return i;
            }
        }
        return -1;
    }

    private int familiarCapacity() {
        return 1 + (familiarMore == null ? 0 : familiarMore.length);
    }

    private long familiarSince(int i) {
        return i == 0 ? familiarSince0 : familiarSinceMore[i - 1];
    }

    /** Records a success from {@code source} at {@code t}; a new address becomes familiar from then on. */
    void addFamiliar(String source, long t) {
        if (source == null || isFamiliar(source)) {
            return;
        }
        int cap = familiarCapacity();
        if (familiarSize == cap && cap < FAMILIAR) {
            int more = Math.min(FAMILIAR, cap * 2) - 1;
            familiarMore = familiarMore == null ? new String[more] : Arrays.copyOf(familiarMore, more);
            familiarSinceMore = familiarSinceMore == null ? new long[more] : Arrays.copyOf(familiarSinceMore, more);
            familiarNext = familiarSize;
            cap = familiarCapacity();
        }
        if (familiarNext == 0) {
            familiar0 = source;
            familiarSince0 = t;
        } else {
            familiarMore[familiarNext - 1] = source;
            familiarSinceMore[familiarNext - 1] = t;
        }
        familiarNext = (familiarNext + 1) % cap;
        familiarSize = Math.min(familiarSize + 1, cap);
    }

    /**
     * When {@code source} first logged in to this account (the moment it was a new address), if that
     * was at or before {@code t}; -1 when it is not (or no longer) among the recent familiar addresses.
     */
    long newLoginTime(String source, long t) {
        int i = indexOf(source);
        return i >= 0 && familiarSince(i) <= t ? familiarSince(i) : -1;
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
