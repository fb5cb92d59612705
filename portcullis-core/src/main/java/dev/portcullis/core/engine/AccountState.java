package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * What the engine knows about one account: the addresses it has logged in from (its familiar
 * sources, the most recent {@link #FAMILIAR}, each with when it was first seen succeeding), its
 * failures, and the bulk downloads that may show a compromise.
 *
 * <p>Memory layout (JDK 17, compressed oops): 56 bytes for an account that logs in from one address
 * and never fails; there are millions of accounts at a mail provider, so:
 * <ul>
 *   <li>times are {@link PackedTime} ints;</li>
 *   <li>the familiar ring's slot 0 is inline (most accounts have one address), slots 1.. in arrays
 *       grown 1 → 3 → 7; ring positions are bytes ({@link #FAMILIAR}, {@link #FAILED_FROM} ≤ 127);</li>
 *   <li>the addresses that failed on it: an array grown 1 → 2 → 4 as they come;</li>
 *   <li>bulk downloads (rare: a possible compromise) in one lazily allocated {@link Downloads}.</li>
 * </ul>
 */
final class AccountState {
    static final int FAMILIAR = 8;
    static final int FAILED_FROM = 4;

    final String account;
    private String familiar0;
    private int familiarSince0;
    private String[] familiarMore;
    private int[] familiarSinceMore;
    private byte familiarSize;
    private byte familiarNext;
    private byte failedFromNext;
    int failures;
    int successes;
    private int lastFailure = PackedTime.UNSET;
    /**
     * The last few addresses that failed on this account (for "targeted by an attacker"), in a ring of
     * {@link #FAILED_FROM}; the array grows to that size as addresses come, so it holds exactly what a
     * full-size ring would (nulls at the end are empty slots).
     */
    String[] failedFrom;
    private Downloads bulk;

    AccountState(String account) {
        this.account = account;
    }

    int usefulness() {
        return failures * 2 + bulkCount() * 8 + (successes > 0 ? 1 : 0);
    }

    /** The last failure's time, or -1 while there is none. */
    long lastFailure() {
        return PackedTime.unpack(lastFailure, -1);
    }

    void lastFailure(long t) {
        lastFailure = PackedTime.pack(t);
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
        return PackedTime.unpack(i == 0 ? familiarSince0 : familiarSinceMore[i - 1]);
    }

    /** Records a success from {@code source} at {@code t}; a new address becomes familiar from then on. */
    void addFamiliar(String source, long t) {
        if (source == null || isFamiliar(source)) {
            return;
        }
        int cap = familiarCapacity();
        int next = familiarNext;
        if (familiarSize == cap && cap < FAMILIAR) {
            int more = Math.min(FAMILIAR, cap * 2) - 1;
            familiarMore = familiarMore == null ? new String[more] : Arrays.copyOf(familiarMore, more);
            familiarSinceMore = familiarSinceMore == null ? new int[more] : Arrays.copyOf(familiarSinceMore, more);
            next = familiarSize;
            cap = familiarCapacity();
        }
        if (next == 0) {
            familiar0 = source;
            familiarSince0 = PackedTime.pack(t);
        } else {
            familiarMore[next - 1] = source;
            familiarSinceMore[next - 1] = PackedTime.pack(t);
        }
        familiarNext = (byte) ((next + 1) % cap);
        familiarSize = (byte) Math.min(familiarSize + 1, cap);
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
            failedFrom = new String[1];
        }
        for (String f : failedFrom) {
            if (source.equals(f)) {
                return;
            }
        }
        if (failedFromNext == 0 && failedFrom[failedFrom.length - 1] != null && failedFrom.length < FAILED_FROM) {
            // full before the ring ever wrapped: grow, the next slot is the first new one
            failedFromNext = (byte) failedFrom.length;
            failedFrom = Arrays.copyOf(failedFrom, Math.min(FAILED_FROM, failedFrom.length * 2));
        }
        failedFrom[failedFromNext] = source;
        failedFromNext = (byte) ((failedFromNext + 1) % failedFrom.length);
    }

    void bulk(String source, long login, long t, int max) {
        if (bulk == null) {
            bulk = new Downloads();
        }
        bulk.add(source, PackedTime.pack(login), PackedTime.pack(t), max);
    }

    int bulkCount() {
        return bulk == null ? 0 : bulk.count;
    }

    String bulkSource(int i) {
        return bulk.sources[i];
    }

    /** When the session of the i-th bulk download logged in (epoch seconds). */
    long bulkLogin(int i) {
        return PackedTime.unpack(bulk.logins[i]);
    }

    /** When the i-th bulk download's session ended (epoch seconds). */
    long bulkTime(int i) {
        return PackedTime.unpack(bulk.times[i]);
    }

    /** Bulk downloads by sessions that logged in from an unfamiliar address: (source, login time, end), packed times. */
    private static final class Downloads {
        String[] sources = new String[2];
        int[] logins = new int[2];
        int[] times = new int[2];
        int count;

        void add(String source, int login, int t, int max) {
            if (count == max) {
                return;
            }
            if (count == sources.length) {
                sources = Arrays.copyOf(sources, Math.min(max, count * 2));
                logins = Arrays.copyOf(logins, sources.length);
                times = Arrays.copyOf(times, sources.length);
            }
            sources[count] = source;
            logins[count] = login;
            times[count++] = t;
        }
    }
}
