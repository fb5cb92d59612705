package dev.portcullis.ingest.format;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.microsoft.ExchangeWeb;
import dev.portcullis.ingest.microsoft.WebRequest;
import dev.portcullis.ingest.microsoft.WindowsCodes;
import dev.portcullis.ingest.microsoft.WindowsSecurity;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;
import dev.portcullis.ingest.text.Xml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Windows events as XML ({@code wevtutil qe /f:xml}, Event Viewer's "Copy details", forwarders that
 * write one {@code <Event>} per line): Security logon events (see {@link WindowsSecurity}) and
 * IIS-Logging event 6200 (one HTTP request, read by {@link ExchangeWeb} like a W3C line).
 *
 * <p>Layouts read: one event per line; several events on one line; an event spread over several lines
 * (pretty-printed, or copied from Event Viewer with its "- " / "+ " fold markers), assembled until
 * {@code </Event>} through {@link InputContext#pending()}, at most {@link #MAX_RECORD} characters. A
 * line may start with a BOM, {@code <?xml …?>} or {@code <Events>}. While an event is being assembled
 * its lines are IGNORED and the closing line reports the event (its events carry that line's
 * number); an event cut off by the start of
 * another, or grown past the bound, is UNPARSED. A line that cannot continue the open event (text
 * where a tag is expected) ends the assembly and goes to the other formats.
 *
 * <p>Parsing is the hand-written scan of {@link Xml}: no DTD, no external entities. Reads
 * {@code <EventID>}, {@code <Provider Name=…>}, {@code <TimeCreated SystemTime=…>} and the named
 * {@code <Data>} fields; an event whose {@code <Computer>} and {@code <EventRecordID>} were already read
 * from this input is IGNORED (counted once). Events with other ids are IGNORED. Never throws. Not thread-safe.
 */
public final class WindowsXmlParser implements LineFormat {
    /** Longest event assembled from several lines, in characters. */
    public static final int MAX_RECORD = 1 << 20;
    private static final int MAX_FIELDS = 256;
    private static final String[] CONTAINERS = {"<Event", "<System", "<EventData", "<UserData", "<RenderingInfo", "<Events"};

    private final Object key = new Object();
    private final Map<String, String> data = new HashMap<>();
    private final WindowsSecurity security = new WindowsSecurity();
    private final ExchangeWeb web = new ExchangeWeb();
    private final WebRequest request = new WebRequest();
    private final Stamps clock = new Stamps();

    @Override
    public String name() {
        return "windows-xml";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        StringBuilder buf = ctx.stateOrNull(key);
        boolean continuing = buf != null && buf.length() > 0 && ctx.pending() == this;
        if (buf != null && !continuing) {
            buf.setLength(0);
        }
        if (continuing) {
            if (!continues(buf, line)) {
                buf.setLength(0);
                ctx.pending(null);
                return Status.UNRECOGNISED;
            }
            if (buf.length() + line.length() + 1 > MAX_RECORD) {
                buf.setLength(0);
                ctx.pending(null);
                return Status.UNPARSED;
            }
            buf.append('\n').append(line);
            if (line.indexOf("</Event>") < 0) {
                return Status.IGNORED;
            }
            String text = buf.toString();
            buf.setLength(0);
            ctx.pending(null);
            return scan(text, 0, ctx, out);
        }
        int start = recordStart(line);
        if (start < 0) {
            return start == -2 ? Status.IGNORED : Status.UNRECOGNISED;
        }
        return scan(line, start, ctx, out);
    }

    /** Reads every event in {@code text} from {@code pos}; keeps an unfinished last one for the next lines. */
    private Status scan(String text, int pos, InputContext ctx, EventSink out) {
        int events = 0;
        int unparsed = 0;
        while (true) {
            int open = eventStart(text, pos);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("</Event>", open);
            int next = eventStart(text, open + 6);
            if (next >= 0 && (close < 0 || next < close)) {
                unparsed++; // cut off by the start of another event
                pos = next;
                continue;
            }
            if (close < 0) {
                if (text.length() - open > MAX_RECORD) {
                    unparsed++;
                } else {
                    StringBuilder buf = ctx.state(key, StringBuilder::new);
                    buf.setLength(0);
                    buf.append(text, open, text.length());
                    ctx.pending(this);
                }
                break;
            }
            Status s = record(text, open, close, ctx, out);
            if (s == Status.EVENT) events++;
            else if (s == Status.UNPARSED) unparsed++;
            pos = close + 8;
        }
        return events > 0 ? Status.EVENT : unparsed > 0 ? Status.UNPARSED : Status.IGNORED;
    }

    private Status record(String s, int from, int to, InputContext ctx, EventSink out) {
        String idText = Xml.text(s, "<EventID", from, to);
        String idTrimmed = idText == null ? "" : idText.trim();
        long id = Text.parseLong(idTrimmed, 0, idTrimmed.length());
        if (id < 0) {
            return Status.UNPARSED;
        }
        boolean iis = id == 6200;
        String provider = Xml.attribute(s, "<Provider", "Name", from, to);
        if (!iis && !WindowsSecurity.handles(id, provider)) {
            return Status.IGNORED;
        }
        String stamp = Xml.attribute(s, "<TimeCreated", "SystemTime", from, to);
        if (WindowsSecurity.duplicate(Xml.text(s, "<Computer", from, to), Xml.text(s, "<EventRecordID", from, to), id,
                stamp, ctx)) {
            return Status.IGNORED; // the same event again (a forwarder's copy): one event, one guess
        }
        Instant time = systemTime(stamp, ctx);
        data.clear();
        int fields = Xml.tag(s, "<EventData", from, to);
        Xml.data(s, fields < 0 ? from : fields, to, data, MAX_FIELDS);
        if (iis) {
            if (provider != null && !provider.contains("IIS")) {
                return Status.IGNORED;
            }
            return web(time, ctx, out);
        }
        return security.computer(Xml.text(s, "<Computer", from, to)).emit(id, provider, time, data::get, ctx, out);
    }

    /** SystemTime is UTC by definition; evtx_dump.py writes it without the "Z" ("2020-07-22 20:29:36.414827"). */
    private Instant systemTime(String stamp, InputContext ctx) {
        if (stamp == null) {
            return null;
        }
        String t = stamp.trim();
        int end = clock.rfc3339(t, 0, ZoneOffset.UTC, false);
        return end == t.length() ? clock.instant : null;
    }

    /** IIS-Logging 6200: the request's own date and time fields (UTC), else the event's time. */
    private Status web(Instant eventTime, InputContext ctx, EventSink out) {
        WebRequest r = request;
        r.clear();
        for (Map.Entry<String, String> e : data.entrySet()) {
            String v = WebRequest.value(e.getValue());
            if (v == null) {
                continue;
            }
            String name = WebRequest.fieldName(e.getKey());
            switch (name) {
                case "c-ip": r.clientIp = v; break;
                case "cs-username": r.user = v; break;
                case "cs-method": r.method = v; break;
                case "cs-uri-stem": r.stem = v; break;
                case "cs-uri-query": r.query = v; break;
                case "sc-status": r.status = WebRequest.number(v); break;
                case "sc-substatus": r.substatus = WebRequest.number(v); break;
                case "sc-win32-status": r.win32 = WindowsCodes.code(v); break;
                case "cs(user-agent)": r.userAgent = v; break;
                default:
                    if (WebRequest.forwardedField(name)) r.forwardedFor = v;
            }
        }
        String date = data.get("date");
        String time = data.get("time");
        r.time = date != null && time != null ? time(date + "T" + time + "Z", ctx) : eventTime;
        return web.emit(r, ctx, out);
    }

    private Instant time(String stamp, InputContext ctx) {
        if (stamp == null) {
            return null;
        }
        String t = stamp.trim();
        int end = clock.rfc3339(t, 0, ctx.zone(), false);
        return end == t.length() ? clock.instant : null;
    }

    /**
     * Index of the first event of a line that starts one (after a BOM, whitespace, fold markers,
     * {@code <?xml …?>}, {@code <Events>}); -2 when the line holds only such a prolog; -1 when it is
     * not an event line.
     */
    static int recordStart(String s) {
        int i = 0;
        int n = s.length();
        boolean prolog = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '\uFEFF') {
                i++;
            } else if ((c == '-' || c == '+') && i + 1 < n && s.charAt(i + 1) == ' ') {
                i += 2;
            } else if (s.startsWith("<?xml", i)) {
                int end = s.indexOf("?>", i);
                if (end < 0) return -1;
                i = end + 2;
                prolog = true;
            } else if (startsTag(s, "<Events", i) || s.startsWith("</Events>", i)) {
                int end = s.indexOf('>', i);
                if (end < 0) return -1;
                i = end + 1;
                prolog = true;
            } else {
                return eventStart(s, i) == i ? i : -1;
            }
        }
        return prolog ? -2 : -1;
    }

    /** Index of the next {@code <Event} start tag (not {@code <EventID}, {@code <EventData}…) from {@code from}, or -1. */
    private static int eventStart(String s, int from) {
        int i = s.indexOf("<Event", from);
        while (i >= 0) {
            if (i + 6 < s.length()) {
                char c = s.charAt(i + 6);
                if (c == '>' || c <= ' ') {
                    return i;
                }
            } else {
                return i; // "<Event" at the very end of the text: the tag continues on the next line
            }
            i = s.indexOf("<Event", i + 1);
        }
        return -1;
    }

    /**
     * May {@code line} continue the open event in {@code buf}? Yes when it starts (after whitespace and
     * fold markers) with a tag, is blank, or when the event ends inside a tag or inside the text of a
     * leaf element (a multi-line message); no otherwise.
     */
    private static boolean continues(StringBuilder buf, String line) {
        int lt = buf.lastIndexOf("<");
        int gt = buf.lastIndexOf(">");
        if (lt > gt) {
            return true; // a tag continues on this line
        }
        if (lt >= 0 && lt + 1 < buf.length() && buf.charAt(lt + 1) != '/' && buf.charAt(lt + 1) != '?'
                && buf.charAt(lt + 1) != '!' && buf.charAt(gt - 1) != '/' && !container(buf, lt)) {
            return true; // inside the text of a leaf element
        }
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c <= ' ') {
                i++;
            } else if ((c == '-' || c == '+') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                i += 2;
            } else {
                return c == '<';
            }
        }
        return true; // blank
    }

    private static boolean container(StringBuilder buf, int lt) {
        for (String c : CONTAINERS) {
            if (startsTag(buf, c, lt)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code open} (e.g. "&lt;Events") starts a tag at {@code i}: followed by whitespace, '>', '/' or the end. */
    private static boolean startsTag(CharSequence s, String open, int i) {
        int end = i + open.length();
        if (end > s.length()) {
            return false;
        }
        for (int k = 0; k < open.length(); k++) {
            if (s.charAt(i + k) != open.charAt(k)) {
                return false;
            }
        }
        return end == s.length() || s.charAt(end) <= ' ' || s.charAt(end) == '>' || s.charAt(end) == '/';
    }
}
