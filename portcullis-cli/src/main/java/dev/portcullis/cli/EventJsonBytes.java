package dev.portcullis.cli;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON line of {@code portcullis parse}, written straight into UTF-8 bytes: the same bytes as
 * {@link EventJson#write} followed by UTF-8 encoding, without the StringBuilder, the String copy of it
 * and the encoded copy of that (three copies of every line). Text that is printable ASCII without a
 * quote or backslash (nearly every field) is copied byte by byte in the pass that checks it; anything
 * else goes through {@link EventJson#string} and the JDK's encoder, so the escaping rules live in one
 * place. {@code EventJsonBytesTest} compares both on awkward events. One instance per thread.
 */
final class EventJsonBytes {
    private byte[] buf = new byte[1 << 16];
    private int n;
    private final StringBuilder slow = new StringBuilder();
    private String lastFile;
    private byte[] lastFileJson;
    private long cachedDay = Long.MIN_VALUE;
    private byte[] cachedDate;

    /** Bytes written since the last {@link #reset}. */
    byte[] buffer() {
        return buf;
    }

    int size() {
        return n;
    }

    void reset() {
        n = 0;
    }

    /** Appends the event's JSON object and a newline. */
    void line(AuthEvent e) {
        ensure(256);
        ascii("{\"time\":\"");
        time(e.time());
        ascii("\",\"kind\":");
        string(e.kind().label());
        field(",\"service\":", e.service());
        field(",\"account\":", e.account());
        field(",\"account_raw\":", e.accountRaw());
        field(",\"source\":", e.source());
        field(",\"result\":", e.result() == null ? null : e.result().label());
        field(",\"reason\":", e.reason().label());
        ascii(",\"attempts\":");
        number(e.attempts());
        field(",\"session\":", e.session());
        field(",\"format\":", e.format());
        if (e.file() != lastFile || lastFileJson == null) {
            lastFile = e.file();
            StringBuilder f = new StringBuilder(",\"file\":");
            if (lastFile == null) {
                f.append("null");
            } else {
                EventJson.string(f, lastFile);
            }
            lastFileJson = f.toString().getBytes(StandardCharsets.UTF_8);
        }
        bytes(lastFileJson);
        ascii(",\"line\":");
        number(e.line());
        if (e.pwhash() != null) field(",\"pwhash\":", e.pwhash());
        if (e.userAgent() != null) field(",\"user_agent\":", e.userAgent());
        Activity a = e.activity();
        if (a != null) {
            count(",\"bytes_in\":", a.bytesIn());
            count(",\"bytes_out\":", a.bytesOut());
            count(",\"messages\":", a.messages());
            count(",\"message_bytes\":", a.messageBytes());
            count(",\"deleted\":", a.deleted());
            if (a.action() != null) field(",\"action\":", a.action());
            if (a.mailbox() != null) field(",\"mailbox\":", a.mailbox());
            if (a.detail() != null && !a.detail().isEmpty()) field(",\"detail\":", a.detail());
            if (a.target() != null) field(",\"target\":", a.target());
            if (a.throttled()) ascii(",\"throttled\":true");
        }
        ensure(2);
        buf[n++] = '}';
        buf[n++] = '\n';
    }

    /** As {@link EventJson#time}: ISO-8601 UTC with 0, 3, 6 or 9 fraction digits. */
    private void time(Instant t) {
        long sec = t.getEpochSecond();
        long day = Math.floorDiv(sec, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = (LocalDate.ofEpochDay(day).toString() + "T").getBytes(StandardCharsets.UTF_8);
        }
        bytes(cachedDate);
        ensure(20);
        int s = (int) Math.floorMod(sec, 86_400L);
        two(s / 3600);
        buf[n++] = ':';
        two(s / 60 % 60);
        buf[n++] = ':';
        two(s % 60);
        int nanos = t.getNano();
        if (nanos != 0) {
            buf[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(nanos / 1000, 6);
            } else {
                digits(nanos, 9);
            }
        }
        buf[n++] = 'Z';
    }

    private void two(int v) {
        buf[n++] = (byte) ('0' + v / 10);
        buf[n++] = (byte) ('0' + v % 10);
    }

    /** {@code v} (0 ≤ v < 10^width) in exactly {@code width} digits. */
    private void digits(int v, int width) {
        for (int i = n + width - 1; i >= n; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += width;
    }

    private void count(String name, long v) {
        if (v >= 0) {
            ascii(name);
            number(v);
        }
    }

    private void number(long v) {
        ensure(20);
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        if (v > Integer.MAX_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        // int arithmetic: a division of an int by 10 is a multiplication, of a long a real division
        int x = (int) v;
        int len = x < 100_000 ? (x < 100 ? (x < 10 ? 1 : 2) : x < 1000 ? 3 : x < 10_000 ? 4 : 5)
                : x < 10_000_000 ? (x < 1_000_000 ? 6 : 7) : x < 100_000_000 ? 8 : x < 1_000_000_000 ? 9 : 10;
        // two digits per division, from a table (line numbers and byte counts have up to ten)
        byte[] b = buf;
        int i = n + len;
        while (x >= 100) {
            int q = x / 100;
            int r = (x - q * 100) << 1;
            b[--i] = PAIRS[r + 1];
            b[--i] = PAIRS[r];
            x = q;
        }
        if (x >= 10) {
            b[--i] = PAIRS[(x << 1) + 1];
            b[--i] = PAIRS[x << 1];
        } else {
            b[--i] = (byte) ('0' + x);
        }
        n += len;
    }

    /** "00", "01", … "99" as ASCII byte pairs. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int v = 0; v < 100; v++) {
            PAIRS[2 * v] = (byte) ('0' + v / 10);
            PAIRS[2 * v + 1] = (byte) ('0' + v % 10);
        }
    }

    private void field(String nameJson, String value) {
        ascii(nameJson);
        if (value == null) {
            ascii("null");
        } else {
            string(value);
        }
    }

    /** {@code s} as a JSON string literal in UTF-8. */
    private void string(String s) {
        int len = s.length();
        ensure(len + 2);
        int start = n;
        byte[] b = buf;
        int j = start;
        b[j++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                n = start;
                escaped(s);
                return;
            }
            b[j++] = (byte) c;
        }
        b[j++] = '"';
        n = j;
    }

    private void escaped(String s) {
        slow.setLength(0);
        EventJson.string(slow, s);
        bytes(slow.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A constant known to be ASCII. */
    private void ascii(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buf[n + i] = (byte) s.charAt(i);
        }
        n += len;
    }

    private void bytes(byte[] a) {
        ensure(a.length);
        System.arraycopy(a, 0, buf, n, a.length);
        n += a.length;
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, n + more)];
            System.arraycopy(buf, 0, bigger, 0, n);
            buf = bigger;
        }
    }
}
