package dev.portcullis.core.engine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whole epoch seconds as {@link Instant#toString} writes them ("2026-11-19T23:00:00Z"), without a
 * DateTimeFormatter per call: the report's evidence names two times for each of tens of thousands of
 * addresses, and the formatter was a visible cost of {@code analyze} (issue 11). The date is cached per
 * day. Outside 1970–9999 the JDK's own text. Not thread-safe: one per judgement.
 */
final class IsoSeconds {
    private static final long YEAR_10000 = 253_402_300_800L;

    private long day = Long.MIN_VALUE;
    private String date;

    String format(long sec) {
        if (sec < 0 || sec >= YEAR_10000) {
            return Instant.ofEpochSecond(sec).toString();
        }
        long d = sec / 86_400;
        if (d != day) {
            day = d;
            date = LocalDate.ofEpochDay(d) + "T";
        }
        int s = (int) (sec - d * 86_400);
        char[] t = new char[9];
        two(t, 0, s / 3600);
        t[2] = ':';
        two(t, 3, s / 60 % 60);
        t[5] = ':';
        two(t, 6, s % 60);
        t[8] = 'Z';
        return date.concat(new String(t));
    }

    private static void two(char[] t, int at, int v) {
        t[at] = (char) ('0' + v / 10);
        t[at + 1] = (char) ('0' + v % 10);
    }
}
