package dev.portcullis.cli;

import dev.portcullis.core.AuthEvent;

import java.util.Map;
import java.util.TreeMap;

/**
 * Guesses per minute by outcome, for the HTML report's chart. Bounded: at most {@link #MAX_MINUTES}
 * minutes are kept (about 70 days); beyond that, the earliest minutes are merged away.
 */
final class Timeline {
    static final int MAX_MINUTES = 100_000;

    /** minute (epoch) → [failed guesses, successes] */
    private final TreeMap<Long, long[]> minutes = new TreeMap<>();

    void record(AuthEvent e) {
        if (e.result() == null) {
            return;
        }
        long minute = Math.floorDiv(e.time().getEpochSecond(), 60);
        long[] c = minutes.computeIfAbsent(minute, k -> new long[2]);
        if (e.isFailure()) {
            c[0] += e.attempts();
        } else {
            c[1]++;
        }
        if (minutes.size() > MAX_MINUTES) {
            Map.Entry<Long, long[]> first = minutes.pollFirstEntry();
            long[] next = minutes.firstEntry().getValue();
            next[0] += first.getValue()[0];
            next[1] += first.getValue()[1];
        }
    }

    /** At most {@code bins} bins of equal width over the span: [binStartMinute, failures, successes]. */
    long[][] bins(int bins) {
        if (minutes.isEmpty()) {
            return new long[0][];
        }
        long first = minutes.firstKey();
        long last = minutes.lastKey();
        long width = Math.max(1, (last - first + bins) / bins);
        int n = (int) ((last - first) / width) + 1;
        long[][] out = new long[n][3];
        for (int i = 0; i < n; i++) {
            out[i][0] = first + i * width;
        }
        for (Map.Entry<Long, long[]> e : minutes.entrySet()) {
            int i = (int) ((e.getKey() - first) / width);
            out[i][1] += e.getValue()[0];
            out[i][2] += e.getValue()[1];
        }
        return out;
    }
}
