package dev.portcullis.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;

/**
 * Nextcloud's JSON log ({@code nextcloud.log}, and the admin_audit app's {@code audit.log}): one object per
 * line with {@code reqId}, {@code time} (ISO-8601 with offset), {@code remoteAddr}, {@code user},
 * {@code app}, {@code message}, {@code userAgent}.
 * <ul>
 *   <li>{@code Login failed: foo (Remote IP: 2001:db8::d71)} (quoted {@code 'foo'} in recent versions)
 *       and admin_audit's {@code Login failed: "foo"}: a failure, reason unspecified (Nextcloud does not
 *       say whether the account exists). The name is read up to the last "(Remote IP:", so a crafted
 *       name cannot move the address; the source is {@code remoteAddr}, else the message's.</li>
 *   <li>admin_audit's {@code Login successful: "alice"}: a success.</li>
 *   <li>everything else — {@code Bruteforce attempt from … detected} (Nextcloud's own throttle noticing
 *       the failures already counted, not a guess), {@code Login attempt}, {@code Logout occurred},
 *       trusted-domain errors — is ignored.</li>
 * </ul>
 * One failed login logged by core and by admin_audit (same {@code reqId} and name) counts once: a
 * bounded table remembers the requests already counted. Service "web". Never throws.
 */
public final class NextcloudParser implements JsonRecordFormat {
    private static final String FAILED = "Login failed: ";
    private static final String SUCCESSFUL = "Login successful: ";
    private static final String REMOTE_IP = " (Remote IP: ";

    private final JoinTable<Boolean> counted = new JoinTable<>(65_536);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "nextcloud";
    }

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        String message = Json.text(r, "message");
        String reqId = Json.text(r, "reqId");
        if (message == null || reqId == null || !r.has("time")) {
            return Status.UNRECOGNISED;
        }
        boolean failed = message.startsWith(FAILED);
        if (!failed && !message.startsWith(SUCCESSFUL)) {
            return Status.IGNORED;
        }
        Instant time = Stamps.iso(Json.text(r, "time"), ctx.zone());
        if (time == null) {
            return Status.UNPARSED;
        }
        String body = message.substring(failed ? FAILED.length() : SUCCESSFUL.length());
        String user = body;
        String messageIp = null;
        int remote = body.lastIndexOf(REMOTE_IP);
        if (remote >= 0) {
            user = body.substring(0, remote);
            int end = body.endsWith(")") ? body.length() - 1 : body.length();
            messageIp = body.substring(Math.min(remote + REMOTE_IP.length(), end), end);
        }
        user = unquote(user);
        String source = ClientAddress.of(Json.text(r, "remoteAddr"));
        b.reset().time(time).format(name()).service("web").origin(ctx.file(), ctx.line())
                .source(source != null ? source : ClientAddress.of(messageIp))
                .userAgent(agent(Json.text(r, "userAgent")));
        if (user.isEmpty() && !failed) {
            user = Json.text(r, "user");
        }
        b.account(user);
        if (failed) {
            b.failure(Reason.UNSPECIFIED);
        } else {
            b.success();
        }
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        if (failed) {
            String key = reqId + '\n' + e.account();
            if (counted.get(key) != null) {
                e = e.withAttempts(0); // the same failure, logged by core and by admin_audit
            } else {
                counted.put(key, Boolean.TRUE);
            }
        }
        out.accept(e);
        return Status.EVENT;
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char a = s.charAt(0);
            if ((a == '"' || a == '\'') && s.charAt(s.length() - 1) == a) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    private static String agent(String ua) {
        return ua == null || ua.isEmpty() || ua.equals("--") ? null : ua;
    }
}
