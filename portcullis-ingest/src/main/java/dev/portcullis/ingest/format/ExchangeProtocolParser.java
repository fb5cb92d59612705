package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.Csv;
import dev.portcullis.ingest.text.Endpoint;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.W3cDirectives;

import java.time.Instant;
import java.util.Locale;

/**
 * Exchange protocol logs (CSV, with or without their {@code #Fields:} header):
 *
 * <ul>
 *   <li>IMAP4 and POP3 ({@code dateTime,sessionId,seqNumber,sIp,cIp,user,duration,rqsz,rpsz,command,
 *       parameters,context}, also spelled date-time, session-id, local-endpoint, remote-endpoint…):
 *       the lines of the commands AUTHENTICATE and LOGIN (IMAP), AUTH, PASS and APOP (POP3). A failure
 *       is a context with {@code AuthFailed} or a response ({@code R="…"}) of {@code NO} / {@code -ERR};
 *       a success a response of {@code OK} / {@code +OK}. Reason: LogonDenied → bad password,
 *       …Disabled, …Locked…, …Expired… accordingly, otherwise unspecified. Account: the user column, else
 *       {@code User: …} in the context, else the first word of LOGIN/APOP's parameters, else the name a
 *       POP3 USER command gave earlier in the session.</li>
 *   <li>SMTP receive ({@code date-time,connector-id,session-id,sequence-number,local-endpoint,
 *       remote-endpoint,event,data,context}): server replies ({@code >}) {@code 535 …} are failures
 *       (bad password) and {@code 235 …} successes; the account of a success is the one a preceding
 *       {@code *,user,authenticated} line of the session named (failures carry none).</li>
 * </ul>
 *
 * <p>Secrets: command parameters ({@code AUTH PLAIN <base64>}, LOGIN's password) are never copied;
 * only the first word of LOGIN, USER and APOP parameters (the user name) is read. Source: the
 * remote endpoint without its port ({@code ip:port}, {@code [ipv6]:port}); session: the session id.
 * Other lines of these logs are IGNORED. Per-session tables are bounded. Never throws. Not thread-safe.
 */
public final class ExchangeProtocolParser implements LineFormat {
    static final String FORMAT = "exchange";
    private static final int MAX_FIELDS = 32;
    private static final int JOIN_CAPACITY = 65_536;

    /** Column positions of one log kind; -1 when absent. */
    static final class Layout {
        final int count;
        int time = -1, session = -1, remote = -1, user = -1, command = -1, params = -1, context = -1;
        int event = -1, data = -1;

        Layout(String[] names) {
            count = names.length;
            for (int i = 0; i < names.length; i++) {
                String n = names[i].trim().toLowerCase(Locale.ROOT).replace("-", "");
                switch (n) {
                    case "datetime": time = i; break;
                    case "sessionid": session = i; break;
                    case "remoteendpoint": case "cip": remote = i; break;
                    case "user": user = i; break;
                    case "command": command = i; break;
                    case "parameters": params = i; break;
                    case "context": context = i; break;
                    case "event": event = i; break;
                    case "data": data = i; break;
                    default: break;
                }
            }
        }

        boolean smtp() { return event >= 0 && data >= 0; }
        boolean mailbox() { return command >= 0; }
    }

    static final Layout SMTP = new Layout(("date-time,connector-id,session-id,sequence-number,local-endpoint,"
            + "remote-endpoint,event,data,context").split(","));
    static final Layout IMAP_POP = new Layout(("dateTime,sessionId,seqNumber,sIp,cIp,user,duration,rqsz,rpsz,"
            + "command,parameters,context").split(","));

    private final Object key = new Object();
    private final W3cDirectives directives = W3cDirectives.exchange(MAX_FIELDS);
    private final Csv csv = new Csv(MAX_FIELDS);
    private final Stamps clock = new Stamps();
    /** Per (input, session): the user an SMTP "authenticated" line or a POP3 USER command named. */
    private final JoinTable<String> sessionUser = new JoinTable<>(JOIN_CAPACITY);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "exchange-csv";
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
        if (c < '0' || c > '9' || line.length() < 20 || line.charAt(10) != 'T') {
            return Status.UNRECOGNISED;
        }
        int end = clock.rfc3339(line, 0, ctx.zone(), false);
        if (end < 0 || end >= line.length() || line.charAt(end) != ',') {
            return Status.UNRECOGNISED;
        }
        Instant time = clock.instant;
        Layout announced = ctx.stateOrNull(key);
        int n = csv.scan(line);
        if (n < 0 || n > MAX_FIELDS) {
            return announced != null ? Status.UNPARSED : Status.UNRECOGNISED;
        }
        Layout l = announced != null ? announced : guess(line, n);
        if (l == null) {
            return Status.UNRECOGNISED;
        }
        if (n != l.count && !(n == l.count + 1 && csv.empty(n - 1))) {
            return announced != null ? Status.UNPARSED : Status.UNRECOGNISED;
        }
        if (l.time != 0) {
            return Status.IGNORED; // a header we do not read: not a log of logins
        }
        if (l.smtp()) {
            return smtp(line, l, time, ctx, out);
        }
        if (l.mailbox()) {
            return mailbox(line, l, time, ctx, out);
        }
        return Status.IGNORED;
    }

    /** Without a header: SMTP (9 fields, an event marker) or IMAP4/POP3 (12 fields, two endpoints). */
    private Layout guess(String line, int n) {
        if ((n == 9 || n == 10) && csv.ends[6] - csv.starts[6] == 1 && "+-<>*".indexOf(line.charAt(csv.starts[6])) >= 0
                && endpoint(line, 4) && endpoint(line, 5)) {
            return SMTP;
        }
        if ((n == 12 || n == 13) && endpoint(line, 3) && endpoint(line, 4)) {
            return IMAP_POP;
        }
        return null;
    }

    private boolean endpoint(String line, int k) {
        int colon = line.lastIndexOf(':', csv.ends[k] - 1);
        return colon > csv.starts[k] && colon < csv.ends[k] - 1;
    }

    private Status directive(String line, InputContext ctx) {
        Status status = directives.read(line);
        if (directives.fields != null) {
            ctx.putState(key, new Layout(directives.fields));
        }
        return status;
    }

    // ---- SMTP receive ---------------------------------------------------------------------------

    private Status smtp(String line, Layout l, Instant time, InputContext ctx, EventSink out) {
        String event = csv.value(line, l.event);
        String session = l.session < 0 ? null : bounded(csv.value(line, l.session));
        if (event.equals("*")) {
            if (l.context >= 0 && csv.value(line, l.context).trim().equals("authenticated")) {
                String user = csv.value(line, l.data).trim();
                if (!user.isEmpty() && session != null) {
                    sessionUser.put(key(ctx, "smtp", session), bounded(user));
                }
            }
            return Status.IGNORED;
        }
        if (!event.equals(">")) {
            return Status.IGNORED; // client commands, among them AUTH with its payload: never read
        }
        int d = csv.starts[l.data];
        if (line.startsWith("235", d)) {
            start(time, "smtp", line, l, session, ctx).account(sessionUser.remove(key(ctx, "smtp", session))).success();
        } else if (line.startsWith("535", d)) {
            sessionUser.remove(key(ctx, "smtp", session));
            start(time, "smtp", line, l, session, ctx).failure(Reason.BAD_PASSWORD);
        } else {
            return Status.IGNORED;
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    // ---- IMAP4 / POP3 ---------------------------------------------------------------------------

    private Status mailbox(String line, Layout l, Instant time, InputContext ctx, EventSink out) {
        String command = csv.value(line, l.command).trim().toLowerCase(Locale.ROOT);
        String session = l.session < 0 ? null : bounded(csv.value(line, l.session));
        String service;
        switch (command) {
            case "authenticate": case "login": service = "imap"; break;
            case "auth": case "pass": case "apop": service = "pop3"; break;
            case "user":
                String named = firstWord(line, l.params);
                if (named != null && session != null) {
                    sessionUser.put(key(ctx, "pop3", session), named);
                }
                return Status.IGNORED;
            default:
                return Status.IGNORED;
        }
        String context = l.context < 0 ? "" : csv.value(line, l.context);
        String response = response(context);
        boolean failed = context.contains("AuthFailed") || response.startsWith("-ERR") || response.startsWith("NO ")
                || response.contains(" NO ");
        boolean ok = !failed && (response.startsWith("+OK") || response.startsWith("OK ") || response.contains(" OK "));
        if (ok && command.equals("auth") && (l.params < 0 || csv.value(line, l.params).trim().isEmpty())) {
            return Status.IGNORED; // POP3 "AUTH" alone lists the mechanisms
        }
        if (!failed && !ok) {
            return Status.IGNORED; // a continuation ("+ "), BAD, or a line without a reply
        }
        String user = l.user < 0 ? null : csv.value(line, l.user).trim();
        if (user == null || user.isEmpty()) {
            user = contextUser(context);
        }
        if ((user == null || user.isEmpty()) && (command.equals("login") || command.equals("apop"))) {
            user = firstWord(line, l.params);
        }
        if (command.equals("pass")) {
            String named = sessionUser.remove(key(ctx, "pop3", session));
            if (user == null || user.isEmpty()) {
                user = named;
            }
        }
        start(time, service, line, l, session, ctx).account(user == null || user.isEmpty() ? null : bounded(user));
        if (failed) {
            b.failure(reason(context));
        } else {
            b.success();
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /** The server's reply in a context ({@code R="2 NO AUTHENTICATE failed.";Msg=…}), or the whole context. */
    private static String response(String context) {
        int r = context.indexOf("R=\"");
        if (r < 0) {
            return context.trim();
        }
        int end = context.indexOf('"', r + 3);
        return context.substring(r + 3, end < 0 ? context.length() : end).trim();
    }

    /** "User: name" in a context's message, or null. */
    private static String contextUser(String context) {
        int u = context.indexOf("User: ");
        if (u < 0) {
            return null;
        }
        int from = u + 6;
        int end = from;
        while (end < context.length()) {
            char c = context.charAt(end);
            if (c == '"' || c == ',' || c == ';' || c <= ' ') break;
            end++;
        }
        return end > from ? context.substring(from, end) : null;
    }

    private static Reason reason(String context) {
        if (context.contains("LogonDenied") || context.contains("bad password")) return Reason.BAD_PASSWORD;
        if (context.contains("Disabled")) return Reason.DISABLED;
        if (context.contains("Locked")) return Reason.LOCKED;
        if (context.contains("Expired")) return Reason.EXPIRED;
        return Reason.UNSPECIFIED;
    }

    /** The first word of a parameters field (a user name), unquoted; never what follows it. */
    private String firstWord(String line, int k) {
        if (k < 0) {
            return null;
        }
        String p = csv.value(line, k).trim();
        int sp = p.indexOf(' ');
        String w = sp < 0 ? p : p.substring(0, sp);
        if (w.length() >= 2 && w.charAt(0) == '"' && w.charAt(w.length() - 1) == '"') {
            w = w.substring(1, w.length() - 1);
        }
        return w.isEmpty() ? null : bounded(w);
    }

    private AuthEvent.Builder start(Instant time, String service, String line, Layout l, String session, InputContext ctx) {
        String remote = l.remote < 0 ? null : Endpoint.address(line, csv.starts[l.remote], csv.ends[l.remote]);
        return b.reset().time(time).format(FORMAT).service(service).origin(ctx.file(), ctx.line()).source(remote)
                .session(session == null || session.isEmpty() ? null : session);
    }

    /** Session ids repeat across servers and restarts (POP3 counts from 1): scope them by input and log. */
    private static String key(InputContext ctx, String log, String session) {
        return session == null ? null : ctx.file() + '\n' + log + '\n' + session;
    }

    /** Keys and names from the log are attacker-chosen: keep them short. */
    private static String bounded(String s) {
        return s.length() > 256 ? s.substring(0, 256) : s;
    }
}
