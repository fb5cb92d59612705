package dev.portcullis.ingest.syslog;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Syslog-style lines: RFC 3164 ("Mmm dd HH:MM:SS host tag[pid]: msg", with or without a PRI),
 * RFC 3339 stamps ("2026-11-19T22:11:29.429900+00:00 host tag: msg", Debian 12+), RFC 5424
 * ("&lt;PRI&gt;1 stamp host app procid msgid [sd] msg") and Dovecot's own log file ("Mmm dd HH:MM:SS
 * imap-login: Info: …"). The message goes to the {@link MessageParser} of its program.
 *
 * <p>This is the hot path of log ingestion: no regular expressions, one pass over the envelope,
 * timestamps cached per hour ({@link SyslogTime}), the program-to-parser lookup cached.
 */
public final class SyslogFormat implements LineFormat {
    private static final MessageParser NONE = new MessageParser() {
        public String name() { return "none"; }
        public boolean handles(String program) { return false; }
        public Status parse(Envelope env, EventSink out) { return Status.IGNORED; }
    };
    private static final int MAX_PROGRAMS = 4096;
    private static final Object TIME_KEY = new Object();

    private final List<MessageParser> parsers;
    private final MessageParser dovecot;
    private final Map<String, MessageParser> byProgram = new HashMap<>();
    private final Envelope env = new Envelope();
    private InputContext lastCtx;
    private SyslogTime lastTime;
    /** Recently seen hosts and programs, reused instead of a new String per line. */
    private final String[] recent = new String[8];
    private int recentNext;
    /** The two strings {@link #intern} returned last, tried first. */
    private String lastHit;
    private String lastHit2;

    /** @param parsers message parsers; one named "dovecot" also reads Dovecot's own log file */
    public SyslogFormat(List<MessageParser> parsers) {
        this.parsers = List.copyOf(parsers);
        this.dovecot = parsers.stream().filter(p -> p.name().equals("dovecot")).findFirst().orElse(null);
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public Status parse(String s, InputContext ctx, EventSink out) {
        int n = s.length();
        if (n < 16) {
            return Status.UNRECOGNISED;
        }
        env.clear();
        env.ctx = ctx;
        SyslogTime time = lastTime;
        if (ctx != lastCtx) {
            time = ctx.state(TIME_KEY, SyslogTime::new);
            lastCtx = ctx;
            lastTime = time;
        }
        int i = 0;
        if (s.charAt(0) == '<') {
            int close = s.indexOf('>');
            if (close < 2 || close > 4 || Text.digits(s, 1, close - 1) < 0) {
                return Status.UNRECOGNISED;
            }
            i = close + 1;
            if (i + 1 < n && s.charAt(i) == '1' && s.charAt(i + 1) == ' ') {
                return parse5424(s, i + 2, ctx, time, out);
            }
        }
        char c = s.charAt(i);
        int end;
        if (c == '@') {
            return multilog(s, i, out);
        }
        if (c == '[' && i == 0) {
            return dropbearStderr(s, ctx, time, out);
        }
        if (c >= '0' && c <= '9') {
            if (i + 10 < n && s.charAt(i + 10) == ' ') {
                return isoDovecot(s, i, ctx, time, out);
            }
            if (i + 10 >= n || s.charAt(i + 10) != 'T') {
                return Status.UNRECOGNISED;
            }
            end = time.parse3339(s, i, ctx, true);
        } else {
            end = time.parse3164(s, i, ctx);
        }
        if (end < 0 || end >= n || s.charAt(end) != ' ') {
            return Status.UNRECOGNISED;
        }
        env.time = time.instant;
        return afterStamp(s, end + 1, out);
    }

    /** "@400000004c91b044077a9e94 imap-login: …": a daemontools/multilog label, then the program's line. */
    private Status multilog(String s, int i, EventSink out) {
        Instant t = Tai64n.instant(s, i);
        int end = i + Tai64n.LENGTH;
        if (t == null || end >= s.length() || s.charAt(end) != ' ') {
            return Status.UNRECOGNISED;
        }
        env.time = t;
        return afterStamp(s, end + 1, out);
    }

    /**
     * "[825] Jul 10 23:53:52 Bad password attempt for …": Dropbear's own log on stderr ({@code -E}, or
     * under a supervisor): "[pid] " then a stamp in the host's local time ("%b %d %H:%M:%S"), then
     * the message. Nothing else writes a line this way; its messages go to the Dropbear parser.
     */
    private Status dropbearStderr(String s, InputContext ctx, SyslogTime time, EventSink out) {
        int close = Text.skipDigits(s, 1);
        if (close == 1 || close > 11 || !s.startsWith("] ", close)) {
            return Status.UNRECOGNISED;
        }
        int end = time.parse3164(s, close + 2, ctx);
        if (end < 0 || end + 1 >= s.length() || s.charAt(end) != ' ') {
            return Status.UNRECOGNISED;
        }
        env.time = time.instant;
        env.program = "dropbear";
        env.pid = s.substring(1, close);
        env.message = s.substring(end + 1);
        return dispatch(out);
    }

    /**
     * "2013-08-11 03:56:40 auth-worker(default): …": Dovecot's own log with an ISO {@code log_timestamp};
     * taken only when a Dovecot process name follows (other logs start with such stamps too).
     */
    private Status isoDovecot(String s, int i, InputContext ctx, SyslogTime time, EventSink out) {
        int end = dovecot == null ? -1 : time.parse3339(s, i, ctx, false);
        if (end < 0 || end + 1 >= s.length() || s.charAt(end) != ' ') {
            return Status.UNRECOGNISED;
        }
        int from = end + 1;
        int sp = s.indexOf(' ', from);
        if (sp < 0 || s.charAt(sp - 1) != ':' || !DovecotProcess.isDovecotProcess(s.substring(from, sp - 1))) {
            return Status.UNRECOGNISED;
        }
        env.time = time.instant;
        env.program = "dovecot";
        env.message = s.substring(from);
        return dispatch(dovecot, out);
    }

    private Status afterStamp(String s, int i, EventSink out) {
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') i++;
        i = afterVerbosePriority(s, i);
        if (i < n && s.charAt(i) == '[') {
            return bracketed(s, i, out);
        }
        int sp = s.indexOf(' ', i);
        if (sp < 0) {
            return Status.UNRECOGNISED;
        }
        if (dovecot != null && s.startsWith("auth(", i) && s.charAt(sp - 1) != ':') {
            // Dovecot 2.4's "auth(user,ip,sasl:mech)<session>: …" where the user name has a space
            env.program = "dovecot";
            env.message = s.substring(i);
            return dispatch(dovecot, out);
        }
        if (s.charAt(sp - 1) == ':') {
            int bracket = s.indexOf('[', i);
            if (bracket >= 0 && bracket < sp) {
                return tag(s, i, out); // "sshd[123]: …" from a syslog that writes no host
            }
            // no host: Dovecot's own log ("imap-login: Info: …") or a host-less tag ("sshd: …")
            String token = s.substring(i, sp - 1);
            if (dovecot != null && DovecotProcess.isDovecotProcess(token)) {
                env.program = "dovecot";
                env.message = s.substring(i);
                return dispatch(dovecot, out);
            }
            env.program = token;
            env.message = s.substring(sp + 1);
            return dispatch(out);
        }
        env.host = intern(s, i, sp);
        return tag(s, sp + 1, out);
    }

    /**
     * "[sshd]: message" or "[sshd] message": a host-less record whose program is in brackets (some
     * embedded and BSD syslogs). The name must look like a program: letters, digits, "._/-", a letter
     * first, at most 64 characters.
     */
    private Status bracketed(String s, int i, EventSink out) {
        int n = s.length();
        int close = s.indexOf(']', i);
        if (close < i + 2 || close - i > 65 || !programName(s, i + 1, close)) {
            return Status.UNRECOGNISED;
        }
        int j = close + 1;
        if (j < n && s.charAt(j) == ':') j++;
        if (j >= n || s.charAt(j) != ' ') {
            return Status.UNRECOGNISED;
        }
        env.program = intern(s, i + 1, close);
        env.message = s.substring(j + 1);
        return dispatch(out);
    }

    private static boolean programName(String s, int from, int to) {
        char first = s.charAt(from);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            char c = s.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Parses "tag[pid]: message" at {@code i}. */
    private Status tag(String s, int i, EventSink out) {
        int n = s.length();
        if (s.startsWith(" -- ", i - 1) || s.startsWith(" -- ", i)) {
            // util-linux login's records: its process title ("login -- root") replaced the name syslog
            // reads, so the tag is "-- root[2421]:" (Loghub's Linux log, double space before it)
            return loginTitle(s, s.indexOf("-- ", i) + 3, out);
        }
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == ':' || c == '[' || c == ' ') break;
            j++;
        }
        if (j == i || j >= n) {
            return Status.UNRECOGNISED;
        }
        env.program = intern(s, i, j);
        if (s.charAt(j) == '[') {
            int close = s.indexOf(']', j);
            if (close < 0) {
                return Status.UNRECOGNISED;
            }
            env.pid = s.substring(j + 1, close);
            j = close + 1;
        }
        if (j < n && s.charAt(j) == ':') {
            j++;
        } else if (j >= n || s.charAt(j) != ' ') {
            return Status.UNRECOGNISED;
        }
        if (j < n && s.charAt(j) == ' ') j++;
        j = afterSolarisId(s, j);
        env.message = s.substring(j);
        return dispatch(out);
    }

    /** "-- USER[pid]: message" at {@code i} (after the "-- "): a record of the program login. */
    private Status loginTitle(String s, int i, EventSink out) {
        int open = s.indexOf('[', i);
        int close = open < 0 ? -1 : s.indexOf("]: ", open);
        if (open <= i || close < 0 || s.indexOf(' ', i) < open || close - open - 1 < 1 || close - open - 1 > 10
                || Text.digits(s, open + 1, close - open - 1) < 0) {
            return Status.UNRECOGNISED;
        }
        env.program = "login";
        env.pid = s.substring(open + 1, close);
        env.message = s.substring(close + 3);
        return dispatch(out);
    }

    /**
     * Skips the facility.priority that BSD syslogd {@code -v}/{@code -vv} writes before the host
     * ("&lt;4.6&gt; " or "&lt;auth.info&gt; ") at {@code i}.
     */
    private static int afterVerbosePriority(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '<') {
            return i;
        }
        int close = s.indexOf("> ", i);
        if (close < 0 || close - i > 24) {
            return i;
        }
        boolean dot = false;
        for (int k = i + 1; k < close; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (dot || k == i + 1 || k == close - 1) return i;
                dot = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return i;
            }
        }
        return dot ? close + 2 : i;
    }

    /** Skips Solaris' message id "[ID 800047 auth.info] " at {@code j}. */
    private static int afterSolarisId(String s, int j) {
        if (!s.startsWith("[ID ", j)) {
            return j;
        }
        int d = Text.skipDigits(s, j + 4);
        int close = s.indexOf("] ", d);
        if (d == j + 4 || close < 0 || close - d > 24 || s.charAt(d) != ' ') {
            return j;
        }
        return close + 2;
    }

    private Status parse5424(String s, int i, InputContext ctx, SyslogTime time, EventSink out) {
        int n = s.length();
        int sp = s.indexOf(' ', i);
        if (sp < 0) {
            return Status.UNRECOGNISED;
        }
        if (sp == i + 1 && s.charAt(i) == '-') {
            env.time = null;
        } else {
            int end = time.parse3339(s, i, ctx, true);
            if (end != sp) {
                return Status.UNRECOGNISED;
            }
            env.time = time.instant;
        }
        String[] fields = new String[4]; // host app procid msgid
        int k = sp + 1;
        for (int f = 0; f < 4; f++) {
            int e = s.indexOf(' ', k);
            if (e < 0) {
                return Status.UNRECOGNISED;
            }
            String v = s.substring(k, e);
            fields[f] = v.equals("-") ? null : v;
            k = e + 1;
        }
        // structured data: "-" or one or more [id param="value"...] with \] escapes
        if (k < n && s.charAt(k) == '-') {
            k++;
        } else {
            while (k < n && s.charAt(k) == '[') {
                k++;
                boolean quoted = false;
                while (k < n) {
                    char c = s.charAt(k);
                    if (c == '\\') {
                        k += 2;
                        continue;
                    }
                    if (c == '"') quoted = !quoted;
                    if (c == ']' && !quoted) break;
                    k++;
                }
                k++;
            }
        }
        if (k < n && s.charAt(k) == ' ') k++;
        if (k < n && s.charAt(k) == '\uFEFF') k++;
        if (env.time == null || fields[1] == null) {
            return Status.UNRECOGNISED;
        }
        env.host = fields[0];
        env.program = fields[1];
        env.pid = fields[2];
        env.message = k < n ? s.substring(k) : "";
        return dispatch(out);
    }

    /** {@code s[from, to)} as a String, reusing a recent equal one (hosts and programs repeat). */
    private String intern(String s, int from, int to) {
        int len = to - from;
        String hit = lastHit;
        if (hit != null && hit.length() == len && s.regionMatches(from, hit, 0, len)) {
            return hit;
        }
        hit = lastHit2; // hosts and programs alternate: "mx1", "dovecot", "mx1", …
        if (hit != null && hit.length() == len && s.regionMatches(from, hit, 0, len)) {
            lastHit2 = lastHit;
            lastHit = hit;
            return hit;
        }
        for (String r : recent) {
            if (r != null && r.length() == len && s.regionMatches(from, r, 0, len)) {
                lastHit2 = lastHit;
                lastHit = r;
                return r;
            }
        }
        String v = s.substring(from, to);
        lastHit2 = lastHit;
        lastHit = v;
        recent[recentNext] = v;
        recentNext = (recentNext + 1) & (recent.length - 1);
        return v;
    }

    @Override
    public void finish(InputContext ctx, EventSink out) {
        for (MessageParser p : parsers) {
            p.finish(out);
        }
    }

    /** Hands an envelope filled by another reader (journald) to the parser of its program. */
    public Status dispatch(Envelope e, EventSink out) {
        env.clear();
        env.time = e.time;
        env.host = e.host;
        env.program = e.program;
        env.pid = e.pid;
        env.message = e.message;
        env.ctx = e.ctx;
        if (env.program == null || env.message == null || env.time == null) {
            return Status.UNPARSED;
        }
        return dispatch(out);
    }

    private String lastProgram;
    private MessageParser lastParser;

    private Status dispatch(EventSink out) {
        // the program names are interned (intern()), so one line's program is usually the very String
        // of the line before: answered without hashing (issue 11)
        MessageParser p = env.program == lastProgram ? lastParser : byProgram.get(env.program);
        if (p == null) {
            p = NONE;
            for (MessageParser candidate : parsers) {
                if (candidate.handles(env.program)) {
                    p = candidate;
                    break;
                }
            }
            if (byProgram.size() >= MAX_PROGRAMS) {
                byProgram.clear(); // program names come from the log: keep the cache bounded
            }
            byProgram.put(env.program, p);
        }
        lastProgram = env.program;
        lastParser = p;
        if (p == NONE) {
            for (MessageParser candidate : parsers) {
                if (candidate.sniffs(env.message)) {
                    return dispatch(candidate, out);
                }
            }
            if (env.ctx != null) {
                env.ctx.notRead(env.program); // reported by program, apart from lines we read and ignore
            }
            return Status.IGNORED;
        }
        return dispatch(p, out);
    }

    private Status dispatch(MessageParser p, EventSink out) {
        return p.parse(env, out);
    }
}
