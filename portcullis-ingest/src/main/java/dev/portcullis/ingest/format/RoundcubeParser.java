package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Roundcube webmail's own log files ({@code [25-Nov-2026 10:00:00 +0100]: <sessid8> message}; the date in
 * PHP's {@code d-M-Y H:i:s O}, or an ISO-like custom {@code log_date_format}) and the same messages through
 * syslog (program {@code roundcube…}, or any program whose message is a Roundcube login line):
 * <ul>
 *   <li>userlogins: {@code Failed login for alice from 1.2.3.4 in session abc (error: 0)} — a failure;
 *       {@code (error: 4)}, Roundcube's rate limit, is reason locked; 1, 2, 3 and -2 (bad request, bad
 *       host, no cookies, IMAP server unreachable) are aborted; other codes unspecified.
 *       {@code Successful login for alice (ID: 1) from 1.2.3.4 in session abc} — a success.</li>
 *   <li>errors: {@code IMAP Error: Login failed for alice against localhost from 1.2.3.4. AUTHENTICATE
 *       PLAIN: Authentication failed. in …} — a failure, reason unspecified (the IMAP server does not say
 *       why), aborted when Roundcube could not reach it.</li>
 * </ul>
 * Every attempt stands for one submitted password. Source: when the connecting address is private or
 * loopback (one's own reverse proxy), X-Real-IP when logged, else the last entry of X-Forwarded-For (the
 * one the nearest proxy added; the entries before it are the client's claims); otherwise, and when those
 * hold no address, the connecting address (a public peer wrote its headers itself) ({@code 1.2.3.4(X-Real-IP: …,X-Forwarded-For: …)}). The user name is the
 * client's and unescaped, so lines are read from their Roundcube-written end; a line in which a crafted
 * name makes the address ambiguous yields no event (unparsed) rather than a framed address.
 *
 * <p>A failed login is logged by both the errors and the userlogins log, each with the session id:
 * a bounded table joins them (on its first 8 characters) so it counts once. Service "webmail".
 * Never throws; passwords never appear in these logs and nothing else is copied.
 */
public final class RoundcubeParser implements LineFormat, MessageParser {
    private static final String FAILED = "Failed login for ";
    private static final String FAILED_OLD = "FAILED login for ";
    private static final String SUCCESS = "Successful login for ";
    private static final String IMAP = "IMAP Error: Login failed for ";
    private static final String IMAP_OLD = "IMAP Error: FAILED login for ";
    private static final String IN_SESSION = " in session ";
    private static final String FROM = " from ";

    private final JoinTable<Boolean> failedSessions = new JoinTable<>(65_536);
    private final AuthEvent.Builder b = AuthEvent.builder();
    // the line being read
    private String account;
    private String source;
    private String session;

    @Override
    public String name() {
        return "roundcube";
    }

    // ---- Roundcube's own files -----------------------------------------------------------------

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        if (line.length() < 24 || line.charAt(0) != '[') {
            return Status.UNRECOGNISED;
        }
        int close = line.indexOf("]: ");
        if (close < 0 || close > 48) {
            return Status.UNRECOGNISED;
        }
        Instant time = stamp(line, 1, close, ctx.zone());
        if (time == null) {
            return Status.UNRECOGNISED;
        }
        return message(line, close + 3, time, ctx, out);
    }

    /** "25-Nov-2026 10:00:00 +0100" (PHP d-M-Y H:i:s O), else an ISO-like stamp. */
    static Instant stamp(String s, int from, int to, ZoneId zone) {
        int dash = s.indexOf('-', from);
        if (dash > from && dash <= from + 2 && to - from >= 19) {
            int day = Text.digits(s, from, dash - from);
            int month = Stamps.month(s, dash + 1);
            int y = dash + 5;
            if (month < 0 || s.charAt(dash + 4) != '-' || y + 13 > to || s.charAt(y + 4) != ' '
                    || s.charAt(y + 7) != ':' || s.charAt(y + 10) != ':') {
                return null;
            }
            Integer offset = null;
            int end = y + 13;
            if (end < to) {
                int[] past = new int[1];
                offset = s.charAt(end) == ' ' && end + 1 < to ? Stamps.offsetSeconds(s, end + 1, to, past) : null;
                if (offset == null || past[0] != to) {
                    return null;
                }
            }
            return Stamps.of(Text.digits(s, y, 4), month, day, Text.digits(s, y + 5, 2), Text.digits(s, y + 8, 2),
                    Text.digits(s, y + 11, 2), 0, offset, zone);
        }
        return Stamps.dateTime(s, from, to, zone);
    }

    // ---- syslog ----------------------------------------------------------------------------------

    @Override
    public boolean handles(String program) {
        return program.startsWith("roundcube");
    }

    @Override
    public boolean sniffs(String m) {
        int i = m.indexOf("ogin ");
        if (i < 0) {
            return false; // one scan for the common case: a message of another program
        }
        return m.contains(IMAP) || ((m.contains(FAILED) || m.contains(SUCCESS)) && m.contains(IN_SESSION));
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        return message(env.message, 0, env.time, env.ctx, out);
    }

    // ---- messages ----------------------------------------------------------------------------------

    private Status message(String m, int i, Instant time, InputContext ctx, EventSink out) {
        String prefix = null;
        if (i < m.length() && m.charAt(i) == '<') {
            int gt = m.indexOf("> ", i);
            if (gt > i && gt - i <= 65) {
                prefix = m.substring(i + 1, gt);
                i = gt + 2;
            }
        }
        account = source = session = null;
        Status s;
        if (m.startsWith(FAILED, i) || m.startsWith(FAILED_OLD, i)) {
            s = userlogin(m, i + FAILED.length(), true, time, prefix, ctx, out);
        } else if (m.startsWith(SUCCESS, i)) {
            s = userlogin(m, i + SUCCESS.length(), false, time, prefix, ctx, out);
        } else if (m.startsWith(IMAP, i) || m.startsWith(IMAP_OLD, i)) {
            s = imapError(m, i + IMAP.length(), time, prefix, ctx, out);
        } else {
            s = Status.IGNORED;
        }
        return s;
    }

    private Status userlogin(String m, int from, boolean failed, Instant time, String prefix, InputContext ctx,
                             EventSink out) {
        int end = m.length();
        int code = 0;
        int err = m.lastIndexOf(" (error: ");
        if (failed && err >= from && m.endsWith(")")) {
            code = errorCode(m, err + 9, end - 1);
            end = err;
        }
        int in = m.lastIndexOf(IN_SESSION, end);
        if (in >= from) {
            session = m.substring(in + IN_SESSION.length(), end);
            end = in;
        }
        int at = addressAt(m, from, end, false);
        if (at == -2) {
            return Status.UNPARSED; // a crafted name: more than one place the address could be
        }
        String user = at < 0 ? m.substring(from, end) : m.substring(from, at);
        if (!failed) {
            int id = user.lastIndexOf(" (ID: ");
            if (id >= 0) {
                user = user.substring(0, id);
            }
        }
        account = user;
        Reason reason = !failed ? null : code == 4 ? Reason.LOCKED
                : (code == 1 || code == 2 || code == 3 || code == -2) ? Reason.ABORTED : Reason.UNSPECIFIED;
        return emit(time, reason, prefix, ctx, out);
    }

    private Status imapError(String m, int from, Instant time, String prefix, InputContext ctx, EventSink out) {
        int at = addressAt(m, from, m.length(), true);
        if (at == -2) {
            return Status.UNPARSED;
        }
        int userEnd = at < 0 ? m.length() : at;
        int against = m.lastIndexOf(" against ", userEnd);
        if (against >= from && m.indexOf(' ', against + 9) == userEnd) {
            userEnd = against;
        }
        account = m.substring(from, userEnd);
        boolean unreachable = m.indexOf("Could not connect", from) >= 0 || m.indexOf("Empty startup greeting", from) >= 0;
        return emit(time, unreachable ? Reason.ABORTED : Reason.UNSPECIFIED, prefix, ctx, out);
    }

    /**
     * Finds the " from ADDRESS" that Roundcube wrote in {@code m[from, end)} and sets {@link #source}.
     * Returns its index, -1 when there is none, -2 when several places could be it.
     * {@code dotted}: the address is followed by ". " or the end (errors log); otherwise it ends the
     * range, possibly with a "(X-Real-IP: …,X-Forwarded-For: …)" group (userlogins).
     */
    private int addressAt(String m, int from, int end, boolean dotted) {
        int found = -1;
        for (int k = m.indexOf(FROM, from); k >= 0 && k < end; k = m.indexOf(FROM, k + 1)) {
            int t = k + FROM.length();
            int e = t;
            while (e < end && m.charAt(e) != ' ' && m.charAt(e) != '(') e++;
            int addrEnd = e;
            if (dotted && addrEnd > t && m.charAt(addrEnd - 1) == '.') {
                addrEnd--;
            }
            String address = ClientAddress.of(m, t, addrEnd);
            if (address == null) {
                continue;
            }
            int groupEnd = e;
            if (e < end && m.charAt(e) == '(') {
                int close = dotted ? m.indexOf(')', e) : (m.charAt(end - 1) == ')' ? end - 1 : -1);
                if (close < 0 || close >= end) {
                    continue;
                }
                groupEnd = close + 1;
            }
            boolean last = groupEnd == end || (dotted && (addrEnd < e || m.startsWith(". ", groupEnd)
                    || (groupEnd + 1 == end && m.charAt(groupEnd) == '.')));
            if (!last) {
                continue;
            }
            if (found >= 0) {
                return -2;
            }
            found = k;
            source = forwarded(m, e, groupEnd, address);
        }
        return found;
    }

    /** The client behind the proxies, from a "(X-Real-IP: a,X-Forwarded-For: b, c)" group, else {@code direct}. */
    private static String forwarded(String m, int open, int groupEnd, String direct) {
        if (open >= groupEnd || !ClientAddress.privateOrLoopback(direct)) {
            return direct; // only one's own proxy (a private or loopback peer) is believed about the client
        }
        String group = m.substring(open + 1, groupEnd - 1);
        int xff = group.indexOf("X-Forwarded-For: ");
        int real = group.indexOf("X-Real-IP: ");
        if (real >= 0) {
            int stop = xff > real ? group.lastIndexOf(',', xff) : group.length();
            String a = ClientAddress.of(group.substring(real + 11, Math.max(stop, real + 11)));
            if (a != null) {
                return a;
            }
        }
        if (xff >= 0) {
            String a = ClientAddress.last(group.substring(xff + 17));
            if (a != null) {
                return a;
            }
        }
        return direct;
    }

    private static int errorCode(String m, int from, int to) {
        boolean negative = from < to && m.charAt(from) == '-';
        long v = Text.parseLong(m, negative ? from + 1 : from, to);
        return v < 0 || v > 1000 ? 0 : (int) (negative ? -v : v);
    }

    private Status emit(Instant time, Reason failure, String prefix, InputContext ctx, EventSink out) {
        b.reset().time(time).format(name()).service("webmail").origin(ctx.file(), ctx.line()).source(source);
        String sid = session != null && !session.isEmpty() ? session : prefix;
        b.session(sid);
        b.account(account);
        if (failure == null) {
            b.success();
        } else {
            b.failure(failure);
        }
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        if (failure != null && sid != null) {
            String key = sid.length() > 8 ? sid.substring(0, 8) : sid;
            if (failedSessions.remove(key) != null) {
                e = e.withAttempts(0); // the other log already counted this failure
            } else {
                failedSessions.put(key, Boolean.TRUE);
            }
        }
        out.accept(e);
        return Status.EVENT;
    }
}
