package dev.portcullis.ingest.syslog;

import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * Timestamp parsing for syslog envelopes, with a per-input cache of the last hour seen: consecutive
 * lines of a log share their hour, so the calendar arithmetic runs about once per hour of log rather
 * than once per line. One instance per input (kept in its {@link InputContext}); not thread-safe.
 *
 * <p>RFC 3164 stamps have no year and no zone: the year is {@link InputContext#year()} when given,
 * else the one that places the stamp no later than a day after the input's reference time (its
 * mtime), so December lines in a file written in January fall in the previous year. The zone is
 * {@link InputContext#zone()}.
 */
public final class SyslogTime {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private int lastKey = -1;
    private long lastHourEpoch;
    private final Stamps stamps = new Stamps();

    /** The instant parsed by the last successful call. */
    public Instant instant;

    /**
     * Parses "Mmm dd HH:MM:SS[.frac]" at {@code from}. Returns the index just past the stamp (at the
     * following space) or -1.
     */
    public int parse3164(String s, int from, InputContext ctx) {
        int n = s.length();
        if (from + 15 > n) {
            return -1;
        }
        int month = month(s, from);
        if (month < 0 || s.charAt(from + 3) != ' ') {
            return -1;
        }
        int i = from + 4;
        if (s.charAt(i) == ' ') {
            i++;
        }
        int dayEnd = Text.skipDigits(s, i);
        if (dayEnd == i || dayEnd - i > 2 || dayEnd + 9 > n || s.charAt(dayEnd) != ' ') {
            return -1;
        }
        int day = Text.digits(s, i, dayEnd - i);
        i = dayEnd + 1;
        int hour = Text.digits(s, i, 2);
        int min = Text.digits(s, i + 3, 2);
        int sec = Text.digits(s, i + 6, 2);
        if (hour < 0 || min < 0 || sec < 0 || s.charAt(i + 2) != ':' || s.charAt(i + 5) != ':'
                || hour > 23 || min > 59 || sec > 60 || day < 1 || day > 31) {
            return -1;
        }
        i += 8;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int fracEnd = Text.skipDigits(s, i + 1);
            nanos = Stamps.fraction(s, i + 1, fracEnd);
            i = fracEnd;
        }
        if (i < n && s.charAt(i) != ' ') {
            return -1;
        }
        int key = (month * 32 + day) * 24 + hour;
        if (key != lastKey) {
            long epoch = hourEpoch3164(month + 1, day, hour, ctx);
            if (epoch == Long.MIN_VALUE) {
                return -1;
            }
            lastKey = key;
            lastHourEpoch = epoch;
        }
        instant = Instant.ofEpochSecond(lastHourEpoch + min * 60L + Math.min(sec, 59), nanos);
        return i;
    }

    private static long hourEpoch3164(int month, int day, int hour, InputContext ctx) {
        try {
            int year = ctx.year();
            if (year == 0) {
                ZonedDateTime ref = ctx.reference().atZone(ctx.zone());
                year = ref.getYear();
                LocalDateTime candidate = validDate(year, month, day, hour);
                if (candidate == null || candidate.atZone(ctx.zone()).toInstant()
                        .isAfter(ctx.reference().plusSeconds(86_400))) {
                    year--;
                }
            }
            LocalDateTime t = validDate(year, month, day, hour);
            if (t == null) {
                return Long.MIN_VALUE;
            }
            return t.atZone(ctx.zone()).toEpochSecond();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static LocalDateTime validDate(int year, int month, int day, int hour) {
        try {
            return LocalDateTime.of(year, month, day, hour, 0);
        } catch (DateTimeException e) {
            return null; // Feb 29 in a common year, Apr 31…
        }
    }

    /**
     * Parses an RFC 3339 stamp at {@code from} ({@link Stamps#rfc3339}); a stamp without an offset is
     * read in the input's zone. Returns the index just past the stamp or -1.
     */
    public int parse3339(String s, int from, InputContext ctx, boolean offsetRequired) {
        int end = stamps.rfc3339(s, from, ctx.zone(), offsetRequired);
        if (end >= 0) {
            instant = stamps.instant;
        }
        return end;
    }

    /** 0-based month of a three-letter English abbreviation at {@code from}, or -1. */
    public static int month(String s, int from) {
        if (from + 3 > s.length()) {
            return -1;
        }
        char a = s.charAt(from);
        char b = s.charAt(from + 1);
        char c = s.charAt(from + 2);
        for (int m = 0; m < 12; m++) {
            int k = m * 3;
            if (MONTHS.charAt(k) == a && MONTHS.charAt(k + 1) == b && MONTHS.charAt(k + 2) == c) {
                return m;
            }
        }
        return -1;
    }
}
