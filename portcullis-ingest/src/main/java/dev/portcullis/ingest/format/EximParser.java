package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;

/**
 * Exim's SMTP AUTH failures, in its own main log ({@code 2022-06-29 16:04:05[.345][ +0100][ [pid]] …},
 * local time unless {@code log_timezone} adds the offset) and through syslog (program {@code exim},
 * {@code exim4}, with or without Exim's own stamp in the message):
 * {@code NAME authenticator failed for HOST: CODE TEXT[ (set_id=ID)]}, where HOST is Exim's
 * {@code [H=][name ][(helo) ][ADDR][:port][ I=[local]:port][ U=ident][ Ci=N]}.
 *
 * <p>Anchoring: the helo name is the client's choice (with {@code helo_accept_junk_hosts} any text,
 * brackets included) and so is the {@code set_id} (the user name it tried). The address is the last
 * {@code [ADDR]} before a {@code ": CODE "} with only Exim's own fields between them; a line in which
 * the client's text makes a second such anchor naming another address gets no source and no account,
 * still counts its guess, and is marked suspect (as sshd's). The account is the {@code set_id}; none
 * when Exim logged none.
 *
 * <p>Counting: {@code 535} (Incorrect authentication data) is one guess, reason bad password;
 * {@code 435}/{@code 454} (the password could not be checked now) one guess, reason unspecified; other
 * codes (cancelled, invalid base64) no guess. Service {@code smtp}. Other lines of Exim's main log (a
 * message id, {@code H=…}, queue runs) are ignored. Never throws; no DNS.
 */
public final class EximParser implements LineFormat, MessageParser {
    private static final String FAILED = " authenticator failed for ";
    private static final String SET_ID = "(set_id=";
    /** Starts of Exim main-log messages without a message id that say nothing about a login. */
    private static final String[] OTHER = {"H=", "SMTP ", "no MAIL", "no host name", "Start queue run",
        "End queue run", "TLS error", "unexpected disconnection", "exim ", "rejected ", "F=<", "U=",
        "Connection ", "Spool file", "Tidying up", "SMTP connection", "SMTP call from", "SMTP syntax error",
        "SMTP protocol error", "sender verify", "Warning: ", "DKIM: ", "cwd=", "no IP address found"};

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "exim";
    }

    // ---- Exim's own main log ------------------------------------------------------------------------

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        int i;
        int[] end = new int[1];
        Instant time;
        if (line.length() > 19 && line.charAt(0) >= '0' && line.charAt(0) <= '9') {
            time = stamp(line, 0, ctx, end);
            if (time == null) {
                return Status.UNRECOGNISED;
            }
            i = end[0];
            int tag = afterTag(line, i); // "2019-10-22 03:39:17 mx1.example exim[29786]: …"
            if (tag > 0) {
                i = tag;
            }
        } else {
            // "mail.example.com exim[3751842]: 2021-07-17 23:20:49 …" (a journal export without its own time)
            int tag = afterTag(line, 0);
            if (tag < 0 || (time = stamp(line, tag, ctx, end)) == null) {
                return Status.UNRECOGNISED;
            }
            i = end[0];
        }
        i = afterPid(line, i);
        if (line.indexOf(FAILED, i) >= 0) {
            return failure(line, i, time, ctx, out);
        }
        return exim(line, i) ? Status.IGNORED : Status.UNRECOGNISED;
    }

    /**
     * Exim's stamp at {@code i}: "yyyy-MM-dd HH:mm:ss", optionally ".fff" and " ±HHMM", then a space;
     * {@code end[0]} is the index after that space. Null when there is none.
     */
    private static Instant stamp(String s, int i, InputContext ctx, int[] end) {
        int k = i + 19;
        if (k >= s.length() || s.charAt(i + 4) != '-' || s.charAt(i + 10) != ' ' || s.charAt(i + 13) != ':') {
            return null;
        }
        if (s.charAt(k) == '.') {
            k = Text.skipDigits(s, k + 1);
        }
        boolean zoned = false;
        if (k + 6 < s.length() && s.charAt(k) == ' ' && (s.charAt(k + 1) == '+' || s.charAt(k + 1) == '-')
                && Text.digits(s, k + 2, 4) >= 0 && s.charAt(k + 6) == ' ') {
            k += 6;
            zoned = true;
        }
        if (k >= s.length() || s.charAt(k) != ' ') {
            return null;
        }
        Instant t = Stamps.dateTime(s, i, k, ctx.zone());
        if (t == null) {
            return null;
        }
        if (!zoned) {
            ctx.localTime(); // the summary names the input and --timezone
        }
        end[0] = k + 1;
        return t;
    }

    /** After "HOST exim[pid]: " or "exim[pid]: " at {@code i} (one or two words), else -1. */
    private static int afterTag(String s, int i) {
        int colon = s.indexOf("]: ", i);
        if (colon < 0 || colon - i > 300) {
            return -1;
        }
        int open = s.lastIndexOf('[', colon);
        if (open < i || Text.digits(s, open + 1, colon - open - 1) < 0 || colon == open + 1) {
            return -1;
        }
        int word = s.lastIndexOf(' ', open);
        int from = word < i ? i : word + 1;
        String program = s.substring(from, open);
        if (!(program.equals("exim") || program.startsWith("exim4"))) {
            return -1;
        }
        if (from > i && s.indexOf(' ', i) != from - 1) {
            return -1; // at most one word (a host or a level) before the program
        }
        return colon + 3;
    }

    /** After Exim's "[pid] " at {@code i} ({@code log_selector = +pid}). */
    private static int afterPid(String s, int i) {
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf("] ", i);
            if (close > i + 1 && close - i <= 11 && Text.digits(s, i + 1, close - i - 1) >= 0) {
                return close + 2;
            }
        }
        return i;
    }

    /** True for a main-log message Exim writes: a message id first, or one of its other messages. */
    private static boolean exim(String s, int i) {
        if (messageId(s, i)) {
            return true;
        }
        for (String o : OTHER) {
            if (s.startsWith(o, i)) {
                return true;
            }
        }
        return false;
    }

    /** "1abcDE-0001Ab-Cd " (6-6-2) or Exim 4.97's "1rAbCd-00000000AbC-1a2b " (6-11-4), base 62. */
    private static boolean messageId(String s, int i) {
        int a = alnum(s, i);
        if (a != i + 6 || a >= s.length() || s.charAt(a) != '-') return false;
        int c = alnum(s, a + 1);
        if ((c != a + 7 && c != a + 12) || c >= s.length() || s.charAt(c) != '-') return false;
        int d = alnum(s, c + 1);
        return (d == c + 3 || d == c + 5) && d < s.length() && s.charAt(d) == ' ';
    }

    private static int alnum(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) break;
            i++;
        }
        return i;
    }

    // ---- syslog ----------------------------------------------------------------------------------

    @Override
    public boolean handles(String program) {
        return program.equals("exim") || program.startsWith("exim4");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        Instant time = env.time;
        int i = 0;
        int[] end = new int[1];
        if (m.length() > 19 && m.charAt(0) >= '0' && m.charAt(0) <= '9') {
            Instant own = stamp(m, 0, env.ctx, end); // syslog_timestamp: Exim's own stamp too
            if (own != null) {
                i = end[0];
            }
        }
        i = afterPid(m, i);
        if (m.indexOf(FAILED, i) < 0) {
            return Status.IGNORED;
        }
        return failure(m, i, time, env.ctx, out);
    }

    // ---- the failure ---------------------------------------------------------------------------------

    private Status failure(String m, int i, Instant time, InputContext ctx, EventSink out) {
        int f = m.indexOf(FAILED, i);
        if (m.indexOf(' ', i) != f) {
            return Status.UNPARSED; // the authenticator's name is one word
        }
        int host = f + FAILED.length();
        if (m.startsWith("H=", host)) {
            host += 2; // Exim's host_and_ident with its flag
        }
        int chosen = -1;
        String source = null;
        boolean suspect = false;
        for (int k = m.indexOf(": ", host); k >= 0; k = m.indexOf(": ", k + 1)) {
            if (Text.digits(m, k + 2, 3) < 0 || (k + 5 < m.length() && m.charAt(k + 5) != ' ')) {
                continue;
            }
            String a = addressBefore(m, host, k);
            if (a == null) continue;
            if (chosen < 0) {
                chosen = k;
                source = a;
            } else if (!a.equals(source)) {
                suspect = true;
            }
        }
        if (chosen < 0) {
            return Status.UNPARSED;
        }
        int code = Text.digits(m, chosen + 2, 3);
        b.reset().time(time).format("exim").service("smtp").origin(ctx.file(), ctx.line());
        if (code == 535) {
            b.failure(Reason.BAD_PASSWORD).attempts(1);
        } else if (code == 435 || code == 454) {
            b.failure(Reason.UNSPECIFIED).attempts(1);
        } else {
            b.failure(Reason.ABORTED).attempts(0);
        }
        if (suspect) {
            ctx.suspect(m);
        } else {
            b.source(source);
            String account = setId(m, chosen);
            if (account != null) b.account(account);
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /**
     * The canonical client address when {@code m[host, k)} ends with Exim's fields after it —
     * {@code [ADDR][:port][ I=[local]:port][ U=ident][ Ci=N]} with the bracket opening the text or after a
     * space — else null.
     */
    private static String addressBefore(String m, int host, int k) {
        int e = k;
        int ci = m.lastIndexOf(" Ci=", e);
        if (ci >= host && Text.skipDigits(m, ci + 4) == e && e > ci + 4) {
            e = ci;
        }
        int u = m.lastIndexOf(" U=", e);
        if (u >= host && u + 3 < e && noSpaceOrBracket(m, u + 3, e)) {
            e = u;
        }
        int iface = m.lastIndexOf(" I=[", e);
        if (iface >= host) {
            int close = m.indexOf("]:", iface);
            if (close > 0 && close < e && Text.skipDigits(m, close + 2) == e && e > close + 2
                    && Addresses.canonical(m, iface + 4, close) != null) {
                e = iface;
            }
        }
        // [ADDR] or [ADDR]:port
        int close = m.lastIndexOf(']', e - 1);
        if (close < host) return null;
        if (close != e - 1) {
            if (m.charAt(close + 1) != ':' || Text.skipDigits(m, close + 2) != e || e == close + 2) return null;
        }
        int open = m.lastIndexOf('[', close);
        if (open < host || (open > host && m.charAt(open - 1) != ' ')) return null;
        if (m.startsWith("I=", open - 2) && open - 2 >= host) return null; // only the local interface
        return Addresses.canonical(m, open + 1, close);
    }

    private static boolean noSpaceOrBracket(String m, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = m.charAt(i);
            if (c == ' ' || c == '[' || c == ']') return false;
        }
        return true;
    }

    /** The set_id after the anchor at {@code k}: up to the line's last ')'. */
    private static String setId(String m, int k) {
        int s = m.indexOf(SET_ID, k);
        if (s < 0) return null;
        int from = s + SET_ID.length();
        int close = m.lastIndexOf(')');
        if (close < from) close = m.length();
        String id = m.substring(from, close);
        return id.isEmpty() ? null : id;
    }
}
