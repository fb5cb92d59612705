package dev.portcullis.core.engine;

import java.util.Arrays;

/**
 * The rhythm of an address's failures, from its ring of recent failure times ({@link SourceState}):
 * a script guesses within seconds; a device or a cron job with an old password retries on a timer.
 */
final class Pace {
    /** Failures needed before a rhythm means anything. */
    static final int MIN_FOR_RHYTHM = 9;
    /** A device's timer: the median gap at least this long, when the account is known to log in. */
    static final long TIMER_KNOWN = 55;
    /** A device's timer, when nothing says the account logs in (its last login predates the log). */
    static final long TIMER_UNKNOWN = 120;
    /** No two failures of a timer come closer than this. */
    static final long TIMER_MIN_GAP = 10;
    /** A script: the median gap at most this long. */
    static final long SCRIPT = 30;

    private Pace() {
    }

    /** The sorted gaps between the ring's failure times (empty for fewer than two). */
    static long[] gaps(SourceState s) {
        long[] t = s.failureTimes();
        if (t.length < 2) {
            return new long[0];
        }
        Arrays.sort(t);
        long[] gaps = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(gaps);
        return gaps;
    }

    /** The median gap between failures, or -1 with fewer than two. */
    static long medianGap(SourceState s) {
        long[] g = gaps(s);
        return g.length == 0 ? -1 : g[g.length / 2];
    }

    /** At a script's pace: at least two failures, the median gap at most {@link #SCRIPT} seconds. */
    static boolean scripted(SourceState s) {
        long m = medianGap(s);
        return m >= 0 && m <= SCRIPT;
    }

    /**
     * At a timer's pace: at least {@link #MIN_FOR_RHYTHM} failures, no two within {@link #TIMER_MIN_GAP}
     * s, and the median gap at least {@link #TIMER_KNOWN} s for an account that logs in (a cron job or a
     * phone polling with an old password), {@link #TIMER_UNKNOWN} s otherwise.
     */
    static boolean timer(SourceState s, boolean accountKnown) {
        if (s.failureTimes().length < MIN_FOR_RHYTHM) {
            return false;
        }
        long[] g = gaps(s);
        long median = g[g.length / 2];
        return g[0] >= TIMER_MIN_GAP && median >= (accountKnown ? TIMER_KNOWN : TIMER_UNKNOWN);
    }

    /** The most of the ring's failures that fall within {@code window} seconds of each other. */
    static int mostWithin(SourceState s, long window) {
        long[] t = s.failureTimes();
        Arrays.sort(t);
        int best = 0;
        int from = 0;
        for (int i = 0; i < t.length; i++) {
            while (t[i] - t[from] > window) from++;
            best = Math.max(best, i - from + 1);
        }
        return best;
    }
}
