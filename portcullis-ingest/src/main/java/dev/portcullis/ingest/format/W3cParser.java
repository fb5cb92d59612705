package dev.portcullis.ingest.format;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.microsoft.ExchangeWeb;
import dev.portcullis.ingest.microsoft.WebRequest;
import dev.portcullis.ingest.text.Text;
import dev.portcullis.ingest.text.W3cDirectives;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * IIS W3C extended logs, as Exchange's client access front ends write them (OWA, EWS, ActiveSync, MAPI,
 * RPC, Autodiscover, ECP, OAB). Each request goes to {@link ExchangeWeb}, which decides whether it says
 * anything about a login; requests that do not are IGNORED.
 *
 * <p>The layout comes from the input's last {@code #Fields:} directive (kept in its
 * {@link InputContext}); before one is seen, a line of 15 fields is read in IIS's default order
 * ({@code date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)
 * cs(Referer) sc-status sc-substatus sc-win32-status time-taken}) and one of 14 in the same order
 * without cs(Referer). Fields read: date, time (UTC, as IIS writes them; {@code #Date:} supplies the
 * date when the layout has none), c-ip, cs-username, cs-method, cs-uri-stem, cs-uri-query, sc-status,
 * sc-substatus, sc-win32-status, cs(User-Agent), and X-Forwarded-For / OriginalClientIp custom
 * fields. Directives are IGNORED; comma-separated {@code #Fields:} and Exchange's own
 * {@code #Software:} belong to {@link ExchangeProtocolParser} and are UNRECOGNISED here. A line that
 * does not fit the layout is UNRECOGNISED, or UNPARSED when a {@code #Fields:} header announced this
 * format and the line starts with a date. Never throws; no regular expressions. Not thread-safe.
 */
public final class W3cParser implements LineFormat {
    private static final int MAX_FIELDS = 64;

    /** Where the fields this parser reads sit in a line; -1 when absent. Immutable once built. */
    static final class Layout {
        final int count;
        int date = -1, time = -1, clientIp = -1, user = -1, method = -1, stem = -1, query = -1;
        int status = -1, substatus = -1, win32 = -1, agent = -1, forwarded = -1, port = -1;

        Layout(String[] names) {
            count = names.length;
            for (int i = 0; i < names.length; i++) {
                String n = WebRequest.fieldName(names[i]);
                switch (n) {
                    case "date": date = i; break;
                    case "time": time = i; break;
                    case "c-ip": clientIp = i; break;
                    case "cs-username": user = i; break;
                    case "cs-method": method = i; break;
                    case "cs-uri-stem": stem = i; break;
                    case "cs-uri-query": query = i; break;
                    case "sc-status": status = i; break;
                    case "sc-substatus": substatus = i; break;
                    case "sc-win32-status": win32 = i; break;
                    case "cs(user-agent)": agent = i; break;
                    case "s-port": port = i; break;
                    default:
                        if (WebRequest.forwardedField(n)) forwarded = i;
                }
            }
        }
    }

    static final Layout DEFAULT = new Layout(("date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username "
            + "c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken").split(" "));
    static final Layout DEFAULT_NO_REFERER = new Layout(("date time s-ip cs-method cs-uri-stem cs-uri-query s-port "
            + "cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken").split(" "));

    /** Per input: the announced layout and the {@code #Date:} directive's day. */
    private static final class State {
        Layout layout;
        String headerDate;
    }

    private final Object key = new Object();
    private final W3cDirectives directives = W3cDirectives.iis(MAX_FIELDS);
    private final ExchangeWeb web = new ExchangeWeb();
    private final WebRequest request = new WebRequest();
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private String lastDay;
    private long lastDayEpoch;

    @Override
    public String name() {
        return "w3c";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        if (line.isEmpty()) {
            return Status.UNRECOGNISED;
        }
        char c = line.charAt(0);
        if (c == '#') {
            return directive(line, ctx);
        }
        if (c < '0' || c > '9') {
            return Status.UNRECOGNISED;
        }
        State st = ctx.stateOrNull(key);
        boolean announced = st != null && st.layout != null;
        int n = split(line);
        Layout l = announced ? st.layout : n == DEFAULT.count ? DEFAULT : n == DEFAULT_NO_REFERER.count ? DEFAULT_NO_REFERER : null;
        if (l == null) {
            return Status.UNRECOGNISED;
        }
        // a line that starts like ours ("YYYY-MM-DD ") but breaks the announced layout is ours, broken;
        // anything else (an RFC 3339 syslog line in a mixed stream) is left to the other formats
        Status notMine = announced && W3cDirectives.dated(line) && line.length() > 10 && line.charAt(10) == ' '
                ? Status.UNPARSED : Status.UNRECOGNISED;
        if (n != l.count) {
            return notMine;
        }
        Instant time = time(line, l, st);
        if (time == null || (!announced && l.port >= 0 && number(line, l.port) < 0)) {
            return Status.UNRECOGNISED;
        }
        WebRequest r = request;
        r.clear();
        r.time = time;
        r.status = number(line, l.status);
        if (r.status < 0) {
            return notMine;
        }
        r.substatus = number(line, l.substatus);
        r.win32 = l.win32 < 0 ? -1 : Text.parseLong(line, starts[l.win32], ends[l.win32]);
        r.stem = field(line, l.stem);
        r.clientIp = field(line, l.clientIp);
        r.user = field(line, l.user);
        r.method = field(line, l.method);
        r.query = field(line, l.query);
        r.userAgent = field(line, l.agent);
        r.forwardedFor = field(line, l.forwarded);
        return web.emit(r, ctx, out);
    }

    private Status directive(String line, InputContext ctx) {
        Status status = directives.read(line);
        if (status == Status.UNRECOGNISED && ctx.stateOrNull(key) != null && !line.startsWith("#Fields:")
                && !line.startsWith("#Software:")) {
            return Status.IGNORED; // a comment in a W3C log ("# rotated", "#Remark-free text"): no directive, no record
        }
        if (directives.fields != null) {
            ctx.state(key, State::new).layout = new Layout(directives.fields);
        }
        if (directives.date != null) {
            ctx.state(key, State::new).headerDate = directives.date;
        }
        if (status == Status.UNRECOGNISED && !line.startsWith("#Fields:") && !line.startsWith("#Software:")) {
            State st = ctx.stateOrNull(key);
            if (st != null && st.layout != null) {
                return Status.IGNORED; // a comment in a log whose #Fields we read: not a line we failed to read
            }
        }
        return status;
    }

    /** Splits on single spaces into {@link #starts}/{@link #ends}; the field count (MAX_FIELDS + 1 when more). */
    private int split(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) <= ' ') end--;
        int n = 0;
        int from = 0;
        while (n < MAX_FIELDS) {
            int sp = line.indexOf(' ', from);
            if (sp < 0 || sp >= end) {
                starts[n] = from;
                ends[n] = end;
                return n + 1;
            }
            starts[n] = from;
            ends[n] = sp;
            n++;
            from = sp + 1;
        }
        return MAX_FIELDS + 1;
    }

    private String field(String line, int i) {
        return i < 0 ? null : WebRequest.value(line.substring(starts[i], ends[i]));
    }

    private int number(String line, int i) {
        if (i < 0) {
            return -1;
        }
        long v = Text.parseLong(line, starts[i], ends[i]);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** "YYYY-MM-DD" at the start of {@code s}. */
    /** UTC instant of the date and time fields ("2022-10-01", "11:25:51[.fff]"), or null. */
    private Instant time(String line, Layout l, State st) {
        if (l.time < 0) {
            return null;
        }
        String day;
        if (l.date >= 0) {
            if (ends[l.date] - starts[l.date] != 10) {
                return null;
            }
            day = line.substring(starts[l.date], ends[l.date]);
        } else if (st != null && st.headerDate != null) {
            day = st.headerDate;
        } else {
            return null;
        }
        if (!day.equals(lastDay)) {
            if (!W3cDirectives.dated(day)) {
                return null;
            }
            try {
                lastDayEpoch = LocalDate.of(Text.digits(day, 0, 4), Text.digits(day, 5, 2), Text.digits(day, 8, 2))
                        .toEpochDay() * 86_400L;
            } catch (DateTimeException e) {
                return null;
            }
            lastDay = day;
        }
        int t = starts[l.time];
        int te = ends[l.time];
        if (te - t < 8 || line.charAt(t + 2) != ':' || line.charAt(t + 5) != ':') {
            return null;
        }
        int h = Text.digits(line, t, 2);
        int m = Text.digits(line, t + 3, 2);
        int s = Text.digits(line, t + 6, 2);
        if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) {
            return null;
        }
        int nanos = 0;
        if (te > t + 8) {
            if (line.charAt(t + 8) != '.' || te - t - 9 > 9 || Text.parseLong(line, t + 9, te) < 0) {
                return null;
            }
            for (int i = t + 9; i < t + 18; i++) {
                nanos = nanos * 10 + (i < te ? line.charAt(i) - '0' : 0);
            }
        }
        return Instant.ofEpochSecond(lastDayEpoch + h * 3600L + m * 60L + Math.min(s, 59), nanos);
    }
}
