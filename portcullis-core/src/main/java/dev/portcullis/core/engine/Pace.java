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

    /**
     * A device's retry cadence, for the few failures below {@link #MIN_FOR_RHYTHM} (issue 11: a phone
     * retrying an old password every 10 min makes 6 failures an hour): at least two gaps, no two
     * failures within {@link #TIMER_UNKNOWN} s (fewer failures than a timer's, so a slower pace than
     * its; a person or a script trying passwords comes back within seconds), and none closer than half the median gap (a steady interval; a longer pause, the
     * device asleep or offline, does not matter). Only for one account that logs in: the caller's rule.
     */
    static boolean retrying(SourceState s) {
        long[] g = gaps(s);
        if (g.length < 2) {
            return false;
        }
        long median = g[g.length / 2];
        return g[0] >= TIMER_UNKNOWN && 2 * g[0] >= median;
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
