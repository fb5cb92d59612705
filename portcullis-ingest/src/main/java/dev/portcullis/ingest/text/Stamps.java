package dev.portcullis.ingest.text;


import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Hand-written timestamp parsing for the application logs read in this package (Keycloak, Zimbra,
 * nginx, Nextcloud, Microsoft 365, Entra ID, Roundcube). Never throws: every method returns null for
 * text that is not a valid stamp, so a parser can report the line unparsed. No regular expressions
 * and no exceptions on the normal path: these run once per authentication line.
 */
public final class Stamps {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Stamps() {
    }

    /** An ISO-8601 stamp making up the whole text ("2023-07-12T12:38:43", "…Z", "…+02:00"); see {@link #dateTime}. */
    public static Instant iso(String s, ZoneId zoneIfNone) {
        return s == null ? null : dateTime(s, 0, s.length(), zoneIfNone);
    }

    /**
     * {@code yyyy-MM-dd[T| ]HH:mm[:ss[(.|,)fraction]][zone]} in {@code s[from, to)}, with '-' or '/' between
     * the date fields (nginx writes "2022/04/02 13:39:51"). The zone is 'Z', "±HH:MM", "±HHMM" or "±HH"; a
     * stamp without one is in {@code zoneIfNone}. Digits of the fraction past nanoseconds are ignored.
     */
    public static Instant dateTime(String s, int from, int to, ZoneId zoneIfNone) {
        if (s == null || from < 0 || to > s.length() || to - from < 16) {
            return null;
        }
        char sep = s.charAt(from + 4);
        if ((sep != '-' && sep != '/') || s.charAt(from + 7) != sep) {
            return null;
        }
        char t = s.charAt(from + 10);
        if (t != 'T' && t != ' ' && t != 't') {
            return null;
        }
        int year = Text.digits(s, from, 4);
        int month = Text.digits(s, from + 5, 2);
        int day = Text.digits(s, from + 8, 2);
        int hour = Text.digits(s, from + 11, 2);
        int minute = Text.digits(s, from + 14, 2);
        if (s.charAt(from + 13) != ':') {
            return null;
        }
        int i = from + 16;
        int second = 0;
        if (i < to && s.charAt(i) == ':') {
            second = Text.digits(s, i + 1, Math.min(2, to - i - 1));
            if (to - i - 1 < 2) {
                return null;
            }
            i += 3;
        }
        int nanos = 0;
        if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            int start = ++i;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        Integer offset = null;
        if (i < to) {
            int zoneEnd = i;
            char z = s.charAt(i);
            if (z == ' ' && i + 1 < to && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')) {
                i++; // "2026-11-25 10:00:00 +0100"
                z = s.charAt(i);
            }
            if (z == 'Z' || z == 'z') {
                offset = 0;
                zoneEnd = i + 1;
            } else if (z == '+' || z == '-') {
                int[] end = new int[1];
                offset = offsetSeconds(s, i, to, end);
                if (offset == null) {
                    return null;
                }
                zoneEnd = end[0];
            }
            if (zoneEnd != to) {
                return null;
            }
        }
        return of(year, month, day, hour, minute, second, nanos, offset, zoneIfNone);
    }

    /** "±HH:MM", "±HHMM" or "±HH" at {@code i}: seconds east of UTC, or null; {@code end[0]} is set past it. */
    public static Integer offsetSeconds(String s, int i, int to, int[] end) {
        int sign = s.charAt(i) == '-' ? -1 : 1;
        int h = Text.digits(s, i + 1, Math.min(2, to - i - 1));
        if (to - i - 1 < 2 || h < 0 || h > 18) {
            return null;
        }
        int j = i + 3;
        int m = 0;
        if (j < to && s.charAt(j) == ':') {
            j++;
        }
        if (j + 2 <= to && Text.digits(s, j, 2) >= 0) {
            m = Text.digits(s, j, 2);
            j += 2;
        }
        if (m > 59) {
            return null;
        }
        end[0] = j;
        return sign * (h * 3600 + m * 60);
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
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || nanos < 0 || nanos > 999_999_999) {
            return null;
        }
        long days = epochDay(year, month, day);
        long local = days * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59);
        int off;
        if (offset != null) {
            off = offset;
        } else if (zone == null || zone instanceof ZoneOffset) {
            off = zone == null ? 0 : ((ZoneOffset) zone).getTotalSeconds();
        } else {
            off = zone.getRules().getOffset(LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59)))
                    .getTotalSeconds();
        }
        return Instant.ofEpochSecond(local - off, nanos);
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
