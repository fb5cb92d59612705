package dev.portcullis.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.microsoft.EntraOutcome;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Entra ID (Azure AD) sign-in logs as JSON, in three shapes:
 * <ul>
 *   <li>Microsoft Graph {@code signIn} resources (the portal's JSON download, {@code /auditLogs/signIns}):
 *       {@code createdDateTime}, {@code userPrincipalName}, {@code ipAddress}, {@code status.errorCode},
 *       {@code clientAppUsed}, {@code userAgent}, {@code correlationId}…, one per line or as a JSON array;</li>
 *   <li>Azure Monitor diagnostic records (Event Hub, storage account): {@code time}, {@code category}
 *       SignInLogs or NonInteractiveUserSignInLogs, {@code resultType}, {@code callerIpAddress}, and the
 *       Graph fields under {@code properties};</li>
 *   <li>Log Analytics / Sentinel {@code SigninLogs} rows exported as JSON: {@code TimeGenerated},
 *       {@code UserPrincipalName}, {@code IPAddress}, {@code ResultType}, {@code ClientAppUsed}.</li>
 * </ul>
 * The outcome comes from the error code as {@link EntraOutcome} maps it: codes raised after a correct
 * password (MFA, conditional access) are successes with reason mfa_required or policy. The service comes
 * from {@code clientAppUsed} ({@link EntraOutcome#service}); the session is {@code sessionId} when logged,
 * else the {@code correlationId} that ties the records of one sign-in flow together. Service-principal
 * and managed-identity sign-ins carry no password and are ignored. A record id read before in this run
 * is ignored (bounded table), so overlapping exports count once. Never throws.
 */
public final class EntraSignInParser implements JsonRecordFormat {
    private final JoinTable<Boolean> seen = new JoinTable<>(M365AuditParser.SEEN_IDS);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "entra";
    }

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        if (r.has("createdDateTime") && r.has("ipAddress") && Json.object(r, "status") != null) {
            return graph(r, Json.text(r, "createdDateTime"), null, null, ctx, out);
        }
        String category = Json.text(r, "category");
        JsonNode props = Json.object(r, "properties");
        if (category != null && props != null && r.has("time")) {
            if (!category.equals("SignInLogs") && !category.equals("NonInteractiveUserSignInLogs")) {
                return category.endsWith("SignInLogs") ? Status.IGNORED : Status.UNRECOGNISED;
            }
            String time = Json.text(props, "createdDateTime");
            return graph(props, time != null ? time : Json.text(r, "time"),
                    Json.text(r, "resultType"), Json.text(r, "callerIpAddress"), ctx, out);
        }
        if (r.has("TimeGenerated") && r.has("ResultType") && r.has("UserPrincipalName")) {
            return analytics(r, ctx, out);
        }
        return Status.UNRECOGNISED;
    }

    /**
     * A Graph-shaped sign-in {@code s}; {@code outerCode} and {@code outerIp} are an Azure Monitor
     * envelope's {@code resultType} and {@code callerIpAddress}, filling what {@code s} lacks.
     */
    private Status graph(JsonNode s, String timeText, String outerCode, String outerIp,
                         InputContext ctx, EventSink out) {
        Instant time = Stamps.iso(timeText, ZoneOffset.UTC);
        if (time == null) {
            return Status.UNPARSED;
        }
        if (duplicate(Json.text(s, "id"))) {
            return Status.IGNORED;
        }
        EntraOutcome o = EntraOutcome.of(Json.path(s, "status", "errorCode"));
        if (o == null) {
            o = EntraOutcome.of(outerCode);
        }
        if (o == null) {
            return Status.UNPARSED; // no outcome at all
        }
        String session = Json.text(s, "sessionId");
        String ip = ClientAddress.of(Json.text(s, "ipAddress"));
        return emit(time, o, first(Json.text(s, "userPrincipalName"), Json.text(s, "signInIdentifier")),
                ip != null ? ip : ClientAddress.of(outerIp), Json.text(s, "clientAppUsed"),
                Json.text(s, "userAgent"), session != null ? session : Json.text(s, "correlationId"), ctx, out);
    }

    private Status analytics(JsonNode r, InputContext ctx, EventSink out) {
        Instant time = Stamps.iso(Json.text(r, "TimeGenerated"), ZoneOffset.UTC);
        EntraOutcome o = EntraOutcome.of(Json.text(r, "ResultType"));
        if (time == null || o == null) {
            return Status.UNPARSED;
        }
        if (duplicate(Json.text(r, "Id"))) {
            return Status.IGNORED;
        }
        String session = Json.text(r, "SessionId");
        return emit(time, o, Json.text(r, "UserPrincipalName"), ClientAddress.of(Json.text(r, "IPAddress")),
                Json.text(r, "ClientAppUsed"), Json.text(r, "UserAgent"),
                session != null ? session : Json.text(r, "CorrelationId"), ctx, out);
    }

    private Status emit(Instant time, EntraOutcome o, String account, String source, String clientApp,
                        String userAgent, String session, InputContext ctx, EventSink out) {
        b.reset().time(time).format(name()).origin(ctx.file(), ctx.line())
                .service(EntraOutcome.service(clientApp))
                .result(o.result()).reason(o.reason()).attempts(o.attempts())
                .source(source).userAgent(userAgent).session(session);
        b.account(account);
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        out.accept(e);
        return Status.EVENT;
    }

    private boolean duplicate(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        if (seen.get(id) != null) {
            return true;
        }
        seen.put(id, Boolean.TRUE);
        return false;
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}
