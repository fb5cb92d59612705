package dev.portcullis.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes an {@link AuthEvent} as one JSON object (the {@code portcullis parse} contract in DESIGN.md):
 * {@code time, kind, service, account, account_raw, source, result, reason, attempts, session, format,
 * file, line}, then {@code pwhash}, {@code user_agent} and the activity fields when present.
 * Hand-written for speed (millions of events a run); strings are escaped per RFC 8259.
 * One instance per thread (it caches the last formatted day).
 */
public final class EventJson {
    private String lastFile;
    private String lastFileJson;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    public StringBuilder write(AuthEvent e, StringBuilder sb) {
        sb.append("{\"time\":\"");
        time(e.time(), sb);
        sb.append("\",\"kind\":\"").append(e.kind().label()).append('"');
        field(sb, "service", e.service());
        field(sb, "account", e.account());
        field(sb, "account_raw", e.accountRaw());
        field(sb, "source", e.source());
        field(sb, "result", e.result() == null ? null : e.result().label());
        field(sb, "reason", e.reason().label());
        sb.append(",\"attempts\":").append(e.attempts());
        field(sb, "session", e.session());
        field(sb, "format", e.format());
        if (e.file() != lastFile) {
            lastFile = e.file();
            StringBuilder f = new StringBuilder(",\"file\":");
            if (lastFile == null) {
                f.append("null");
            } else {
                string(f, lastFile);
            }
            lastFileJson = f.toString();
        }
        sb.append(lastFileJson);
        sb.append(",\"line\":").append(e.line());
        if (e.pwhash() != null) field(sb, "pwhash", e.pwhash());
        if (e.userAgent() != null) field(sb, "user_agent", e.userAgent());
        Activity a = e.activity();
        if (a != null) {
            number(sb, "bytes_in", a.bytesIn());
            number(sb, "bytes_out", a.bytesOut());
            number(sb, "messages", a.messages());
            number(sb, "message_bytes", a.messageBytes());
            number(sb, "deleted", a.deleted());
            if (a.action() != null) field(sb, "action", a.action());
            if (a.mailbox() != null) field(sb, "mailbox", a.mailbox());
            if (a.detail() != null && !a.detail().isEmpty()) field(sb, "detail", a.detail());
            if (a.target() != null) field(sb, "target", a.target());
            if (a.throttled()) sb.append(",\"throttled\":true");
        }
        return sb.append('}');
    }

    /** ISO-8601 UTC with as many fraction digits as needed (0, 3, 6 or 9), like {@link Instant#toString()}. */
    public void time(Instant t, StringBuilder sb) {
        long sec = t.getEpochSecond();
        long day = Math.floorDiv(sec, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString() + "T"; // yyyy-MM-dd (years beyond 9999 get a sign)
        }
        int s = (int) Math.floorMod(sec, 86_400L);
        sb.append(cachedDate);
        two(sb, s / 3600);
        sb.append(':');
        two(sb, s / 60 % 60);
        sb.append(':');
        two(sb, s % 60);
        int nanos = t.getNano();
        if (nanos != 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(sb, nanos / 1000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        sb.append('Z');
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void pad(StringBuilder sb, int v, int digits) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < digits; i++) sb.append('0');
        sb.append(s);
    }

    private static void number(StringBuilder sb, String name, long v) {
        if (v >= 0) {
            sb.append(",\"").append(name).append("\":").append(v);
        }
    }

    /** True when {@code s} needs no escaping: no control character, quote, backslash, U+2028/9 or surrogate. */
    private static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x2028) {
                return false;
            }
        }
        return true;
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        if (value == null) {
            sb.append("null");
        } else {
            string(sb, value);
        }
    }

    /** Appends the time as a quoted ISO-8601 string, or {@code null}. */
    public void quotedTime(Instant t, StringBuilder sb) {
        if (t == null) {
            sb.append("null");
        } else {
            sb.append('"');
            time(t, sb);
            sb.append('"');
        }
    }

    /** Appends a JSON array of string literals. */
    public static void strings(StringBuilder sb, List<String> xs) {
        sb.append('[');
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) sb.append(',');
            string(sb, xs.get(i));
        }
        sb.append(']');
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void string(StringBuilder sb, String s) {
        if (plain(s)) { // the usual case: one bulk copy, no per-character work
            sb.append('"').append(s).append('"');
            return;
        }
        sb.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a valid pair passes through
                    continue;
                }
                sb.append(s, start, i);
                start = i + 1;
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (Character.isSurrogate(c)) {
                            sb.append("\\ufffd"); // a lone surrogate is not valid UTF-16 text
                        } else {
                            sb.append(String.format("\\u%04x", (int) c));
                        }
                }
            }
        }
        sb.append(s, start, n).append('"');
    }
}
