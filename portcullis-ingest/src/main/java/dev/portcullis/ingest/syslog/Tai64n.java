package dev.portcullis.ingest.syslog;

import java.time.Instant;

/**
 * daemontools/multilog's TAI64N label ({@code @400000004c91b044077a9e94}): '@', 16 hex digits of
 * 2^62 + TAI seconds, 8 of nanoseconds. Read as daemontools' {@code tai64nlocal} reads it: TAI is taken
 * as UTC + 10 s (the offset at 1970; leap seconds since are not applied, as tai64nlocal does not).
 */
final class Tai64n {
    /** Characters of a label, '@' included. */
    static final int LENGTH = 25;
    private static final long BASE = (1L << 62) + 10;

    private Tai64n() {
    }

    /** The instant of the label at {@code from}, or null when there is none. */
    static Instant instant(String s, int from) {
        if (from + LENGTH > s.length() || s.charAt(from) != '@') {
            return null;
        }
        long label = hex(s, from + 1, from + 17);
        long nanos = hex(s, from + 17, from + 25);
        if (label < BASE || nanos < 0 || nanos > 999_999_999L) {
            return null;
        }
        long seconds = label - BASE;
        if (seconds > 253_402_300_799L) { // after 9999-12-31: not a log stamp
            return null;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** {@code s[from, to)} as unsigned hex (at most 16 digits; the labels' top bit is never set), or -1. */
    private static long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v < 0 ? -1 : v;
    }
}
