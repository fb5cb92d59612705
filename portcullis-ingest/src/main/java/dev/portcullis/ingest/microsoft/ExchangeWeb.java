package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.Endpoint;

/**
 * What an IIS request on an Exchange server says about a login. Shared by the W3C log parser and the
 * IIS-Logging 6200 event reader, so both read a request the same way.
 *
 * <ul>
 *   <li>Service from the path: /owa, /ews, /Microsoft-Server-ActiveSync, /mapi, /rpc, /autodiscover,
 *       /ecp, /oab (case-insensitive). Requests elsewhere are IGNORED, except a 401 naming a user
 *       (IIS Basic authentication on any site), read as a failure of service "web".</li>
 *   <li>401 with a user in cs-username → failure; reason from
 *       sc-win32-status (1326 bad password, 1909 locked, 1331 disabled, 1330/1793/1907 expired,
 *       1327/1328/1329/1385 policy, 1317 unknown account; otherwise bad password). A 401 without a
 *       user is the challenge of a Basic or Negotiate/NTLM handshake and IGNORED, unless sc-substatus
 *       is 1 (logon failed): then it is a failure, of the account ActiveSync's {@code User=} parameter
 *       names, or of an unnamed one.</li>
 *   <li>2xx/3xx with a user → success. OWA's and ECP's cookie sessions and per-request Basic clients
 *       (ActiveSync, EWS) log the user on every request, so repeats of one success (same service,
 *       account and source) within {@link #SUCCESS_WINDOW_SECONDS} are IGNORED.</li>
 *   <li>OWA forms login: POST /owa/auth.owa (or Exchange 2007's /owa/auth/owaauth.dll) answers 302
 *       either way; IIS logs the user only when the login succeeded, so a POST with a user is a
 *       success and one without is a failure. The browser then follows to
 *       /owa/auth/logon.aspx?…reason=2 ("user name or password incorrect"): that request is IGNORED
 *       when the POST was counted, and a failure on its own when the POST was not logged.</li>
 * </ul>
 *
 * <p>Source: the first X-Forwarded-For / OriginalClientIp address when logged, else c-ip. Both tables
 * (recent successes, recent OWA failures) are bounded. Not thread-safe.
 */
public final class ExchangeWeb {
    public static final String FORMAT = "iis";
    public static final long SUCCESS_WINDOW_SECONDS = 15 * 60;
    private static final long FBA_FOLLOW_SECONDS = 120;
    public static final int CAPACITY = 65_536;
    private static final int MAX_AGENT = 256;

    private static final String[][] SERVICES = {
        {"/owa", "owa"}, {"/ews", "ews"}, {"/microsoft-server-activesync", "activesync"}, {"/mapi", "mapi"},
        {"/rpc", "rpc"}, {"/autodiscover", "autodiscover"}, {"/ecp", "ecp"}, {"/oab", "oab"},
    };

    private final JoinTable<long[]> recentSuccess = new JoinTable<>(CAPACITY);
    private final JoinTable<long[]> fbaFailure = new JoinTable<>(CAPACITY);
    private final AuthEvent.Builder b = AuthEvent.builder();

    public Status emit(WebRequest r, InputContext ctx, EventSink out) {
        if (r.time == null || r.stem == null || r.status < 0) {
            return Status.UNPARSED;
        }
        String service = service(r.stem);
        String source = r.forwardedFor == null ? null : Endpoint.firstForwarded(r.forwardedFor);
        if (source == null) {
            source = Endpoint.address(r.clientIp);
        }
        // the name the server authenticated; for a failure, ActiveSync's query names the account tried
        String user = r.user;
        String tried = user != null || !"activesync".equals(service) ? user : WebRequest.value(parameter(r.query, "User"));
        if ("owa".equals(service) && isFormsLogin(r.stem)) {
            return formsLogin(r, user, source, ctx, out);
        }
        if ("owa".equals(service) && startsWithIgnoreCase(r.stem, "/owa/auth/logon.aspx")) {
            return logonPage(r, source, ctx, out);
        }
        if (r.status == 401) {
            if (user == null && r.substatus != 1) {
                // the anonymous first leg of a challenge (ActiveSync names its user in the query even then)
                return Status.IGNORED;
            }
            start(r, service == null ? "web" : service, tried, source, ctx);
            b.failure(WindowsCodes.win32(r.win32));
            out.accept(b.build());
            return Status.EVENT;
        }
        if (service != null && r.status >= 200 && r.status < 400 && user != null) {
            return success(r, service, user, source, ctx, out);
        }
        return Status.IGNORED;
    }

    private Status formsLogin(WebRequest r, String user, String source, InputContext ctx, EventSink out) {
        if (r.method != null && !r.method.equalsIgnoreCase("POST")) {
            return Status.IGNORED;
        }
        if (r.status >= 200 && r.status < 400 && user != null) {
            return success(r, "owa", user, source, ctx, out);
        }
        if ((r.status >= 300 && r.status < 400) || r.status == 401) {
            start(r, "owa", user, source, ctx);
            b.failure(r.status == 401 ? WindowsCodes.win32(r.win32) : Reason.BAD_PASSWORD);
            out.accept(b.build());
            fbaFailure.put(source, new long[] {r.time.getEpochSecond()});
            return Status.EVENT;
        }
        return Status.IGNORED;
    }

    private Status logonPage(WebRequest r, String source, InputContext ctx, EventSink out) {
        if (!"2".equals(parameter(r.query, "reason"))) {
            return Status.IGNORED;
        }
        long[] failed = fbaFailure.remove(source);
        if (failed != null && Math.abs(r.time.getEpochSecond() - failed[0]) <= FBA_FOLLOW_SECONDS) {
            return Status.IGNORED; // the browser following the failed POST: counted there
        }
        start(r, "owa", null, source, ctx);
        b.failure(Reason.BAD_PASSWORD);
        out.accept(b.build());
        return Status.EVENT;
    }

    private Status success(WebRequest r, String service, String user, String source, InputContext ctx, EventSink out) {
        if (WindowsSecurity.machine(user)) {
            return Status.IGNORED;
        }
        start(r, service, user, source, ctx);
        b.success();
        AuthEvent e = b.build();
        String key = service + '\n' + e.account() + '\n' + source;
        long now = r.time.getEpochSecond();
        long[] last = recentSuccess.get(key);
        if (last != null && Math.abs(now - last[0]) < SUCCESS_WINDOW_SECONDS) {
            return Status.IGNORED;
        }
        recentSuccess.put(key, new long[] {now});
        out.accept(e);
        return Status.EVENT;
    }

    private void start(WebRequest r, String service, String user, String source, InputContext ctx) {
        b.reset().time(r.time).format(FORMAT).service(service).origin(ctx.file(), ctx.line())
                .account(user).source(source).userAgent(agent(r));
    }

    /** Entries held in the per-source tables (bounded by their capacity), for tests of the bound. */
    public int remembered() {
        return recentSuccess.size() + fbaFailure.size();
    }

    /** The Exchange service a URI stem belongs to, or null. */
    public static String service(String stem) {
        for (String[] s : SERVICES) {
            String prefix = s[0];
            if (startsWithIgnoreCase(stem, prefix)
                    && (stem.length() == prefix.length() || stem.charAt(prefix.length()) == '/')) {
                return s[1];
            }
        }
        return null;
    }

    private static boolean isFormsLogin(String stem) {
        return stem.equalsIgnoreCase("/owa/auth.owa") || stem.equalsIgnoreCase("/owa/auth/owaauth.dll");
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** User agent with IIS's '+' turned back into spaces, plus ActiveSync's device id; bounded. */
    private static String agent(WebRequest r) {
        String ua = r.userAgent;
        String device = r.query == null ? null : WebRequest.value(parameter(r.query, "DeviceId"));
        if (ua == null && device == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (ua != null) {
            sb.append((ua.length() > MAX_AGENT ? ua.substring(0, MAX_AGENT) : ua).replace('+', ' '));
        }
        if (device != null) {
            sb.append(sb.length() > 0 ? " " : "").append("DeviceId=").append(device, 0, Math.min(device.length(), 64));
        }
        return sb.toString();
    }

    /**
     * The percent-decoded value of query parameter {@code name} (case-insensitive name, first
     * occurrence), or null. Only ASCII escapes are decoded; others stay as written.
     */
    public static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        int n = name.length();
        int i = 0;
        while (i <= query.length() - n - 1) {
            boolean atStart = i == 0 || query.charAt(i - 1) == '&' || query.charAt(i - 1) == '?';
            if (atStart && query.charAt(i + n) == '=' && query.regionMatches(true, i, name, 0, n)) {
                int from = i + n + 1;
                int end = query.indexOf('&', from);
                return percentDecode(query, from, end < 0 ? query.length() : end);
            }
            int amp = query.indexOf('&', i);
            if (amp < 0) {
                return null;
            }
            i = amp + 1;
        }
        return null;
    }

    private static String percentDecode(String s, int from, int to) {
        int pct = s.indexOf('%', from);
        if (pct < 0 || pct >= to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                int v = hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
                if (v > 0x1f && v < 0x7f) {
                    b.append((char) v);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
