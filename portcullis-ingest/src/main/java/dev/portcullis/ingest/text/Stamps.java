package dev.portcullis.ingest.text;


import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hand-written timestamp parsing for every reader in ingest, and its one RFC 3339 / ISO 8601 parser.
 * Never throws: every method returns null (or -1) for text that is not a valid stamp, so a parser can
 * report the line unparsed. No regular expressions and no exceptions on the normal path: these run once
 * per authentication line.
 *
 * <p>Two profiles of the same parser: {@link #rfc3339} reads the strict form syslog, Windows and
 * Exchange write, on an instance that caches the last hour it converted (consecutive lines of a log
 * share their hour, so the calendar arithmetic runs about once per hour of log; one instance per input
 * or parser, not thread-safe); {@link #dateTime} also reads the looser forms application logs write.
 */
public final class Stamps {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** The instant of the last successful {@link #rfc3339} call. */
    public Instant instant;

    // the fields of the last scan
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private int offset;
    private boolean zoned;

    // the hour cache of rfc3339: "YYYY-MM-DDTHH", whether it had an offset, which, or the zone it was read in
    private String cachedHour;
    private boolean cachedZoned;
    private int cachedOffset;
    private ZoneId cachedZone;
    private long cachedEpoch;

    /**
     * Parses "YYYY-MM-DD(T| )HH:MM:SS[(.|,)frac][Z|±HH:MM|±HHMM]" at {@code from}; the result is
     * {@link #instant}. A stamp without an offset is read in {@code zoneIfNone}, or rejected when
     * {@code offsetRequired}. Returns the index just past the stamp (the caller judges what follows) or -1.
     */
    public int rfc3339(String s, int from, ZoneId zoneIfNone, boolean offsetRequired) {
        boolean sameHour = cachedHour != null && from >= 0 && s.regionMatches(from, cachedHour, 0, 13);
        int end;
        if (sameHour) {
            // date and hour are those of the cached stamp, already checked: read the rest only
            end = scanFromMinute(s, from, s.length(), false, offsetRequired);
            if (end < 0 || !validFromMinute(minute, second, nanos)) {
                return -1;
            }
        } else {
            end = scan(s, from, s.length(), false, offsetRequired);
            if (end < 0 || !valid()) {
                return -1;
            }
        }
        long hourEpoch;
        if (sameHour && zoned == cachedZoned && (zoned ? offset == cachedOffset : zoneIfNone == cachedZone)) {
            hourEpoch = cachedEpoch;
        } else {
            if (sameHour) {
                // the cached hour in another offset or zone: the fields of that hour, for the arithmetic
                scan(s, from, s.length(), false, offsetRequired);
            }
            long local = epochDay(year, month, day) * 86_400L + hour * 3600L;
            hourEpoch = local - (zoned ? offset : offsetOf(zoneIfNone, 0));
            cachedHour = s.substring(from, from + 13);
            cachedZoned = zoned;
            cachedOffset = offset;
            cachedZone = zoneIfNone;
            cachedEpoch = hourEpoch;
        }
        instant = Instant.ofEpochSecond(hourEpoch + minute * 60L + Math.min(second, 59), nanos);
        return end;
    }

    /** An ISO-8601 stamp making up the whole text ("2023-07-12T12:38:43", "…Z", "…+02:00"); see {@link #dateTime}. */
    public static Instant iso(String s, ZoneId zoneIfNone) {
        return s == null ? null : dateTime(s, 0, s.length(), zoneIfNone);
    }

    /**
     * {@code yyyy-MM-dd[T| ]HH:mm[:ss[(.|,)fraction]][zone]} making up {@code s[from, to)}, with '-' or '/'
     * between the date fields (nginx writes "2022/04/02 13:39:51"). The zone is 'Z', "±HH:MM", "±HHMM" or
     * "±HH", optionally after a space; a stamp without one is in {@code zoneIfNone}. Digits of the fraction
     * past nanoseconds are ignored.
     */
    public static Instant dateTime(String s, int from, int to, ZoneId zoneIfNone) {
        if (s == null) {
            return null;
        }
        Stamps f = new Stamps();
        if (f.scan(s, from, to, true, false) != to) {
            return null;
        }
        return of(f.year, f.month, f.day, f.hour, f.minute, f.second, f.nanos, f.zoned ? f.offset : null, zoneIfNone);
    }

    /**
     * Reads the fields of a stamp at {@code s[from, to)} into this instance; returns the index past it or
     * -1. {@code lenient} also accepts '/' between the date fields, a lower-case 't', no seconds, a space
     * before the offset, and an offset of hours only. Ranges are not checked here ({@link #valid}).
     */
    private int scan(String s, int from, int to, boolean lenient, boolean offsetRequired) {
        if (from < 0 || to > s.length() || to - from < (lenient ? 16 : 19)) {
            return -1;
        }
        char sep = s.charAt(from + 4);
        if ((sep != '-' && !(lenient && sep == '/')) || s.charAt(from + 7) != sep) {
            return -1;
        }
        char t = s.charAt(from + 10);
        if (t != 'T' && t != ' ' && !(lenient && t == 't')) {
            return -1;
        }
        if (s.charAt(from + 13) != ':') {
            return -1;
        }
        year = Text.digits(s, from, 4);
        month = Text.digits(s, from + 5, 2);
        day = Text.digits(s, from + 8, 2);
        hour = Text.digits(s, from + 11, 2);
        return scanFromMinute(s, from, to, lenient, offsetRequired);
    }

    /** The part of {@link #scan} after "YYYY-MM-DDTHH:" (whose length the caller has checked). */
    private int scanFromMinute(String s, int from, int to, boolean lenient, boolean offsetRequired) {
        if (to > s.length() || to - from < (lenient ? 16 : 19) || s.charAt(from + 13) != ':') {
            return -1;
        }
        minute = Text.digits(s, from + 14, 2);
        int i = from + 16;
        second = 0;
        if (i < to && s.charAt(i) == ':') {
            if (to - i - 1 < 2) {
                return -1;
            }
            second = Text.digits(s, i + 1, 2);
            i += 3;
        } else if (!lenient) {
            return -1;
        }
        nanos = 0;
        if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            int fracEnd = Text.skipDigits(s, i + 1);
            fracEnd = Math.min(fracEnd, to);
            if (fracEnd == i + 1) {
                return -1;
            }
            nanos = fraction(s, i + 1, fracEnd);
            i = fracEnd;
        }
        int z = i;
        if (lenient && z + 1 < to && s.charAt(z) == ' ' && (s.charAt(z + 1) == '+' || s.charAt(z + 1) == '-')) {
            z++; // "2026-11-25 10:00:00 +0100"
        }
        char c = z < to ? s.charAt(z) : 0;
        if (c == 'Z' || c == 'z') {
            zoned = true;
            offset = 0;
            return z + 1;
        }
        if (c == '+' || c == '-') {
            zoned = true;
            return offset(s, z, to, lenient);
        }
        zoned = false;
        offset = 0;
        return offsetRequired ? -1 : i;
    }

    /**
     * "±HH:MM" or "±HHMM" at {@code i} (lenient: also "±HH" and "±HH:"): sets {@link #offset} to seconds east
     * of UTC and returns the index past it, or -1.
     */
    private int offset(String s, int i, int to, boolean lenient) {
        int h = to - i - 1 < 2 ? -1 : Text.digits(s, i + 1, 2);
        if (h < 0 || h > 18) {
            return -1;
        }
        int j = i + 3;
        if (j < to && s.charAt(j) == ':') {
            j++;
        }
        int m = j + 2 <= to ? Text.digits(s, j, 2) : -1;
        if (m >= 0) {
            j += 2;
        } else if (lenient) {
            m = 0;
        } else {
            return -1;
        }
        if (m > 59 || (!lenient && h == 18 && m > 0)) {
            return -1; // strict: beyond ±18:00 is no offset (java.time's bound)
        }
        offset = (s.charAt(i) == '-' ? -1 : 1) * (h * 3600 + m * 60);
        return j;
    }

    /** "±HH:MM", "±HHMM" or "±HH" at {@code i}: seconds east of UTC, or null; {@code end[0]} is set past it. */
    public static Integer offsetSeconds(String s, int i, int to, int[] end) {
        Stamps f = new Stamps();
        int j = f.offset(s, i, to, true);
        if (j < 0) {
            return null;
        }
        end[0] = j;
        return f.offset;
    }

    /** Nanoseconds of the fraction digits in {@code s[from, to)}; digits past the ninth are ignored. */
    public static int fraction(String s, int from, int to) {
        int v = 0;
        int digits = 0;
        for (int i = from; i < to && digits < 9; i++, digits++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        for (; digits < 9; digits++) {
            v *= 10;
        }
        return v;
    }

    private boolean valid() {
        return valid(year, month, day, hour, minute, second, nanos);
    }

    private static boolean validFromMinute(int minute, int second, int nanos) {
        return minute >= 0 && minute <= 59 && second >= 0 && second <= 60 && nanos >= 0 && nanos <= 999_999_999;
    }

    /** Seconds east of UTC of {@code zone} at the scanned local date and hour, at {@code minute}. */
    private int offsetOf(ZoneId zone, int atMinute) {
        return offsetOf(zone, year, month, day, hour, atMinute, 0);
    }

    /**
     * The US style Microsoft exports write: {@code M/d/yyyy[,] h:mm:ss AM|PM} (or 24-hour without the
     * marker), in {@code zone}.
     */
    public static Instant us(String s, ZoneId zone) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        int e = Text.skipDigits(s, i);
        if (e == i || e - i > 2 || e >= n || s.charAt(e) != '/') return null;
        int month = Text.digits(s, i, e - i);
        i = e + 1;
        e = Text.skipDigits(s, i);
        if (e == i || e - i > 2 || e >= n || s.charAt(e) != '/') return null;
        int day = Text.digits(s, i, e - i);
        i = e + 1;
        e = Text.skipDigits(s, i);
        if (e - i != 4) return null;
        int year = Text.digits(s, i, 4);
        i = e;
        if (i < n && s.charAt(i) == ',') i++;
        if (i >= n || s.charAt(i) != ' ') return null;
        i++;
        e = Text.skipDigits(s, i);
        if (e == i || e - i > 2 || e + 6 > n || s.charAt(e) != ':' || s.charAt(e + 3) != ':') return null;
        int hour = Text.digits(s, i, e - i);
        int minute = Text.digits(s, e + 1, 2);
        int second = Text.digits(s, e + 4, 2);
        i = e + 6;
        if (i < n) {
            String marker = s.substring(i).trim();
            boolean pm = marker.equalsIgnoreCase("PM");
            if (!pm && !marker.equalsIgnoreCase("AM")) {
                return null;
            }
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return of(year, month, day, hour, minute, second, 0, null, zone);
    }

    /** Month number (1–12) of an English three-letter abbreviation at {@code s[i, i+3)}, or -1. */
    public static int month(String s, int i) {
        if (i < 0 || i + 3 > s.length()) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(true, i, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return -1;
    }

    /**
     * The instant of the given fields, or null when a field is out of range (February 30th, hour 25).
     * {@code offset} (seconds east of UTC) wins over {@code zone} when given. A leap second (60) becomes 59.
     */
    public static Instant of(int year, int month, int day, int hour, int minute, int second, int nanos,
                      Integer offset, ZoneId zone) {
        if (!valid(year, month, day, hour, minute, second, nanos)) {
            return null;
        }
        long local = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59);
        int off = offset != null ? offset : offsetOf(zone, year, month, day, hour, minute, second);
        return Instant.ofEpochSecond(local - off, nanos);
    }

    private static boolean valid(int year, int month, int day, int hour, int minute, int second, int nanos) {
        return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month)
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60
                && nanos >= 0 && nanos <= 999_999_999;
    }

    /** Seconds east of UTC of {@code zone} (UTC when null) at a local time (a gap or overlap takes the earlier offset). */
    private static int offsetOf(ZoneId zone, int year, int month, int day, int hour, int minute, int second) {
        if (zone == null) {
            return 0;
        }
        if (zone instanceof ZoneOffset) {
            return ((ZoneOffset) zone).getTotalSeconds();
        }
        return zone.getRules().getOffset(LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59)))
                .getTotalSeconds();
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
