package dev.portcullis.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;

/**
 * Keycloak's login events, as its jboss-logging event listener writes them
 * ({@code type=LOGIN_ERROR, realmId=…, clientId=…, userId=…, ipAddress=…, error=user_not_found, …,
 * username=…}; values bare, in single quotes when they hold a space (before 24), or all in double
 * quotes (24 and later)), read from:
 * <ul>
 *   <li>Keycloak's own log lines: {@code 2023-05-25 22:24:19,357 WARN  [org.keycloak.events]
 *       (executor-thread-1) type=…}, the category possibly abbreviated ({@code org.key.events}); the
 *       stamp has no zone and is read in {@link InputContext#zone()}. Its other lines (any category,
 *       Quarkus, Infinispan…) are recognised and ignored;</li>
 *   <li>Keycloak's JSON log ({@code --log-console-output=json}: {@code timestamp}, {@code loggerName},
 *       {@code message}; or ECS: {@code @timestamp}, {@code log.logger}, {@code message});</li>
 *   <li>syslog and journald: the program {@code keycloak…}, or any program whose message is a login
 *       event ({@link #sniffs}); the envelope's time is used.</li>
 * </ul>
 * {@code LOGIN} is a success, {@code LOGIN_ERROR} a failure whose reason comes from {@code error}
 * (user_not_found, invalid_user_credentials, user_temporarily_disabled — Keycloak's brute-force
 * lockout —, user_disabled…). Errors that judge no password (an expired code, a missing cookie, a bad
 * redirect URI, a client problem) are ignored. Account: the {@code username} detail, else {@code userId};
 * session: {@code sessionId}, else {@code code_id}; service "sso". Other event types are ignored. Only
 * the fields named here are read: trace-level cookies and tokens are never copied. Never throws.
 */
public final class KeycloakParser implements LineFormat, MessageParser, JsonRecordFormat {
    private static final int MAX_PAIRS = 64;

    private final AuthEvent.Builder b = AuthEvent.builder();
    // the fields of the event being read (first occurrence wins: later values may be client-controlled)
    private String type;
    private String error;
    private String userId;
    private String username;
    private String ip;
    private String sessionId;
    private String codeId;

    @Override
    public String name() {
        return "keycloak";
    }

    // ---- Keycloak's own log file ---------------------------------------------------------------

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        int n = line.length();
        if (n < 30 || line.charAt(4) != '-' || line.charAt(10) != ' ' || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return Status.UNRECOGNISED;
        }
        int stampEnd = line.indexOf(' ', 11);
        int open = stampEnd < 0 ? -1 : line.indexOf('[', stampEnd);
        int close = open < 0 ? -1 : line.indexOf(']', open);
        if (close < 0 || open - stampEnd > 10 || close - open > 200) {
            return Status.UNRECOGNISED;
        }
        boolean events = line.startsWith("events", close - 6);
        if (!events && !line.startsWith(" (", close + 1)) {
            return Status.UNRECOGNISED; // not the "[category] (thread)" layout of Keycloak (Quarkus, WildFly)
        }
        Instant time = Stamps.dateTime(line, 0, stampEnd, ctx.zone());
        if (time == null) {
            return Status.UNPARSED;
        }
        int type = events ? Text.find(line, "type=", close) : -1;
        return type < 0 ? Status.IGNORED : event(line, type, time, ctx, out);
    }

    private static boolean keycloakCategory(String s, int i) {
        return s.startsWith("org.keycloak.", i) || s.startsWith("org.key.", i) || s.startsWith("o.k.", i);
    }

    // ---- syslog / journald -----------------------------------------------------------------------

    @Override
    public boolean handles(String program) {
        return program.startsWith("keycloak");
    }

    @Override
    public boolean sniffs(String message) {
        return eventStart(message) >= 0;
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        int i = eventStart(env.message);
        return i < 0 ? Status.IGNORED : event(env.message, i, env.time, env.ctx, out);
    }

    /** Where a login event ("type=LOGIN…, realmId=") starts in a message, or -1. */
    private static int eventStart(String m) {
        int i = Text.find(m, "type=", 0);
        if (i < 0) {
            return -1;
        }
        int v = i + 5;
        if (v < m.length() && (m.charAt(v) == '"' || m.charAt(v) == '\'')) {
            v++;
        }
        return m.startsWith("LOGIN", v) && m.indexOf("realmId=", v) > 0 ? i : -1;
    }

    // ---- JSON log ------------------------------------------------------------------------------

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        String message = Json.text(r, "message");
        if (message == null) {
            return Status.UNRECOGNISED;
        }
        String logger = Json.text(r, "loggerName");
        if (logger == null) {
            logger = Json.text(r, "log.logger");
        }
        int i = eventStart(message);
        if (i < 0) {
            return logger != null && keycloakCategory(logger, 0) ? Status.IGNORED : Status.UNRECOGNISED;
        }
        String stamp = Json.text(r, "timestamp");
        Instant time = Stamps.iso(stamp != null ? stamp : Json.text(r, "@timestamp"), ctx.zone());
        if (time == null) {
            return Status.UNPARSED;
        }
        return event(message, i, time, ctx, out);
    }

    // ---- the event ---------------------------------------------------------------------------------

    private Status event(String m, int from, Instant time, InputContext ctx, EventSink out) {
        if (time == null) {
            return Status.UNPARSED;
        }
        read(m, from);
        Reason failure;
        if ("LOGIN".equals(type)) {
            failure = null;
        } else if ("LOGIN_ERROR".equals(type)) {
            failure = reason(error);
            if (failure == Reason.NONE) {
                return Status.IGNORED; // no password was judged
            }
        } else {
            return Status.IGNORED; // LOGOUT, CODE_TO_TOKEN, CLIENT_LOGIN…
        }
        b.reset().time(time).format(name()).service("sso").origin(ctx.file(), ctx.line())
                .source(ClientAddress.of(ip))
                .session(sessionId != null ? sessionId : codeId);
        if (failure == null) {
            b.success();
        } else {
            b.failure(failure);
        }
        String account = username != null ? username : userId;
        b.account(account);
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        out.accept(e);
        return Status.EVENT;
    }

    /** Keycloak's {@code error} value to a reason; {@link Reason#NONE} for errors that judge no password. */
    static Reason reason(String error) {
        if (error == null) {
            return Reason.UNSPECIFIED;
        }
        switch (error) {
            case "user_not_found": return Reason.UNKNOWN_ACCOUNT;
            case "invalid_user_credentials": case "invalid_credentials": return Reason.BAD_PASSWORD;
            case "user_temporarily_disabled": return Reason.LOCKED;
            case "user_disabled": return Reason.DISABLED;
            case "expired_code": case "invalid_code": case "cookie_not_found": case "session_expired":
            case "invalid_authentication_session": case "already_logged_in": case "rejected_by_user":
            case "invalid_redirect_uri": case "client_not_found": case "client_disabled":
            case "invalid_client_credentials": case "invalid_client": case "invalid_request":
            case "not_allowed": case "identity_provider_error": case "identity_provider_login_failure":
            case "different_user_authenticated": case "user_session_not_found": case "invalid_user_session":
                return Reason.NONE;
            default:
                return Reason.UNSPECIFIED;
        }
    }

    /** Reads the "key=value, key=value" list at {@code from} into the fields; values may be quoted. */
    private void read(String m, int from) {
        type = error = userId = username = ip = sessionId = codeId = null;
        int n = m.length();
        int i = from;
        for (int pairs = 0; i < n && pairs < MAX_PAIRS; pairs++) {
            int eq = m.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            int v = eq + 1;
            String value;
            int next;
            char q = v < n ? m.charAt(v) : 0;
            if (q == '"' || q == '\'') {
                int close = v + 1;
                while (close < n && m.charAt(close) != q) {
                    close += m.charAt(close) == '\\' ? 2 : 1;
                }
                close = Math.min(close, n);
                value = m.substring(v + 1, close);
                next = Math.min(close + 1, n);
            } else {
                int comma = m.indexOf(", ", v);
                next = comma < 0 ? n : comma;
                value = m.substring(v, next);
            }
            assign(m, i, eq, value);
            int sep = m.indexOf(", ", next);
            if (sep < 0) {
                return;
            }
            i = sep + 2;
        }
    }

    private void assign(String m, int keyStart, int keyEnd, String value) {
        String v = value.isEmpty() || value.equals("null") ? null : value;
        if (is(m, keyStart, keyEnd, "type")) {
            if (type == null) type = v;
        } else if (is(m, keyStart, keyEnd, "error")) {
            if (error == null) error = v;
        } else if (is(m, keyStart, keyEnd, "userId")) {
            if (userId == null) userId = v;
        } else if (is(m, keyStart, keyEnd, "username")) {
            if (username == null) username = v;
        } else if (is(m, keyStart, keyEnd, "ipAddress")) {
            if (ip == null) ip = v;
        } else if (is(m, keyStart, keyEnd, "sessionId")) {
            if (sessionId == null) sessionId = v;
        } else if (is(m, keyStart, keyEnd, "code_id")) {
            if (codeId == null) codeId = v;
        }
    }

    private static boolean is(String m, int from, int to, String key) {
        return to - from == key.length() && m.startsWith(key, from);
    }
}
