package dev.portcullis.ingest.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Microsoft 365 audit records an investigation reads (for {@link M365AuditParser}): what was read
 * and where mail was sent on. Each yields {@code kind: mailbox} events, service "exchange".
 *
 * <ul>
 *   <li>{@code MailItemsAccessed}: one event per entry of {@code Folders} — {@code OperationProperties}
 *       {@code MailAccessType} Bind: action {@code mail_bind}, {@code messages} = the folder's
 *       {@code FolderItems}, {@code message_bytes} their {@code SizeInBytes} when given; Sync:
 *       {@code mail_sync}, {@code messages} -1 (the whole folder counts as read). {@code IsThrottled}
 *       True flags the events (and a throttled record without folders still yields one).</li>
 *   <li>{@code New-InboxRule}, {@code Set-InboxRule}: one {@code forward} event per address in the
 *       {@code ForwardTo}, {@code ForwardAsAttachmentTo} and {@code RedirectTo} parameters.</li>
 *   <li>{@code Set-Mailbox}: {@code ForwardingSmtpAddress} (its {@code smtp:} prefix dropped) or
 *       {@code ForwardingAddress}, with {@code DeliverToMailboxAndForward} in the detail; a cleared
 *       value (forwarding removed) is ignored.</li>
 *   <li>{@code UpdateInboxRules} (Outlook's client-side rules): a rule property that names a Forward or
 *       Redirect action yields one event per address found in it (the value's layout is not documented
 *       in detail: addresses are found by their shape).</li>
 * </ul>
 *
 * <p>Account: {@code MailboxOwnerUPN}, or a {@code Mailbox}/{@code Identity} parameter that is an
 * address, else {@code UserId} (for an administrator's Set-Mailbox on someone else's mailbox whose
 * Identity is not an address, that is the administrator). Source: {@code ClientIPAddress} or
 * {@code ClientIP}, port dropped. Never throws; lists are read up to {@link #MAX_ITEMS} entries.
 */
public final class M365MailboxRecords {
    public static final int MAX_ITEMS = 256;
    private static final int MAX_TEXT = 4096;

    private M365MailboxRecords() {
    }

    public static Status mailItemsAccessed(AuthEvent.Builder b, JsonNode r, InputContext ctx, EventSink out) {
        if (!start(b, r, ctx)) {
            return Status.UNPARSED;
        }
        String type = property(r.get("OperationProperties"), "MailAccessType");
        boolean sync = type != null && type.equalsIgnoreCase("Sync");
        boolean throttled = "true".equalsIgnoreCase(property(r.get("OperationProperties"), "IsThrottled"));
        String action = sync ? Activity.MAIL_SYNC : Activity.MAIL_BIND;
        b.userAgent(Json.text(r, "ClientInfoString"));
        JsonNode folders = r.get("Folders");
        int n = 0;
        if (folders != null && folders.isArray()) {
            for (int i = 0; i < folders.size() && i < MAX_ITEMS; i++) {
                JsonNode f = folders.get(i);
                String path = Json.text(f, "Path");
                long items = -1;
                long bytes = -1;
                if (!sync) {
                    JsonNode list = f.get("FolderItems");
                    items = list != null && list.isArray() ? list.size() : 0;
                    if (list != null && list.isArray()) {
                        for (int k = 0; k < list.size() && k < 100_000; k++) {
                            JsonNode size = list.get(k).get("SizeInBytes");
                            if (size != null && size.canConvertToLong() && size.asLong() >= 0) {
                                bytes = Math.max(bytes, 0) + size.asLong();
                            }
                        }
                    }
                }
                out.accept(b.activity(Activity.itemsRead(action, path, items, bytes, throttled)).build());
                n++;
            }
        }
        if (n == 0 && throttled) {
            out.accept(b.activity(Activity.itemsRead(action, null, -1, -1, true)).build());
            n++;
        }
        return n == 0 ? Status.IGNORED : Status.EVENT;
    }

    private static final String[] RULE_FORWARDS = {"ForwardTo", "ForwardAsAttachmentTo", "RedirectTo"};

    public static Status inboxRule(AuthEvent.Builder b, JsonNode r, String operation, InputContext ctx, EventSink out) {
        JsonNode params = r.get("Parameters");
        List<String[]> found = new ArrayList<>();
        for (String p : RULE_FORWARDS) {
            for (String target : addresses(property(params, p))) {
                found.add(new String[] {p, target});
            }
        }
        if (found.isEmpty()) {
            return Status.IGNORED; // a rule that moves, deletes or marks read: not a forwarding
        }
        if (!start(b, r, ctx)) {
            return Status.UNPARSED;
        }
        mailboxParameter(b, params, "Mailbox");
        String name = property(params, "Name");
        if (name == null) {
            String obj = Json.text(r, "ObjectId");
            int slash = obj == null ? -1 : obj.lastIndexOf('\\');
            name = slash >= 0 ? obj.substring(slash + 1) : null;
        }
        for (String[] f : found) {
            out.accept(b.activity(Activity.forwarding(f[1], operation + " " + f[0]
                    + (name == null ? "" : ", rule '" + clip(name) + "'"))).build());
        }
        return Status.EVENT;
    }

    public static Status setMailbox(AuthEvent.Builder b, JsonNode r, InputContext ctx, EventSink out) {
        JsonNode params = r.get("Parameters");
        String how = "ForwardingSmtpAddress";
        List<String> targets = addresses(property(params, how));
        if (targets.isEmpty()) {
            how = "ForwardingAddress";
            String v = property(params, how);
            targets = v == null || v.isBlank() || v.equals("$null") ? List.of() : List.of(clip(v));
        }
        if (targets.isEmpty()) {
            return Status.IGNORED; // other mailbox settings, or forwarding cleared
        }
        if (!start(b, r, ctx)) {
            return Status.UNPARSED;
        }
        mailboxParameter(b, params, "Identity");
        String keep = property(params, "DeliverToMailboxAndForward");
        String detail = "Set-Mailbox " + how + (keep == null ? ""
                : keep.equalsIgnoreCase("true") ? " (a copy kept in the mailbox)" : " (no copy kept in the mailbox)");
        for (String t : targets) {
            out.accept(b.activity(Activity.forwarding(t, detail)).build());
        }
        return Status.EVENT;
    }

    public static Status updateInboxRules(AuthEvent.Builder b, JsonNode r, InputContext ctx, EventSink out) {
        JsonNode props = r.get("OperationProperties");
        List<String> targets = new ArrayList<>();
        String rule = property(props, "RuleName");
        if (props != null && props.isArray()) {
            for (int i = 0; i < props.size() && i < MAX_ITEMS; i++) {
                String v = Json.text(props.get(i), "Value");
                if (v != null && (v.contains("Forward") || v.contains("Redirect"))) {
                    targets.addAll(addresses(v));
                }
            }
        }
        if (targets.isEmpty()) {
            return Status.IGNORED;
        }
        if (!start(b, r, ctx)) {
            return Status.UNPARSED;
        }
        for (String t : targets) {
            out.accept(b.activity(Activity.forwarding(t, "UpdateInboxRules (Outlook rule"
                    + (rule == null ? "" : " '" + clip(rule) + "'") + ")")).build());
        }
        return Status.EVENT;
    }

    /** Time, account, source, session of a mailbox record; false when it has no usable time or neither account nor source. */
    private static boolean start(AuthEvent.Builder b, JsonNode r, InputContext ctx) {
        Instant time = Stamps.iso(Json.text(r, "CreationTime"), ZoneOffset.UTC);
        if (time == null) {
            return false;
        }
        b.reset().time(time).format("m365").service("exchange").kind(EventKind.MAILBOX).attempts(0)
                .origin(ctx.file(), ctx.line());
        String owner = Json.text(r, "MailboxOwnerUPN");
        b.account(owner != null && !owner.isEmpty() ? owner : Json.text(r, "UserId"));
        String ip = ClientAddress.of(Json.text(r, "ClientIPAddress"));
        b.source(ip != null ? ip : ClientAddress.of(Json.text(r, "ClientIP")));
        b.session(Json.text(r, "SessionId"));
        AuthEvent probe = b.build();
        return probe.account() != null || probe.source() != null;
    }

    private static void mailboxParameter(AuthEvent.Builder b, JsonNode params, String name) {
        String v = property(params, name);
        if (v != null && v.indexOf('@') > 0 && v.indexOf('/') < 0 && v.indexOf('\\') < 0) {
            b.account(v);
        }
    }

    /** Addresses in a parameter value: "a@x.org", "a@x.org;b@y.org", "smtp:a@x.org", "\"A\" [SMTP:a@x.org]". */
    public static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String v = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
        int i = 0;
        while (i < v.length() && out.size() < MAX_ITEMS) {
            int at = v.indexOf('@', i);
            if (at < 0) break;
            int s = at;
            while (s > 0 && local(v.charAt(s - 1))) s--;
            int e = at + 1;
            while (e < v.length() && domain(v.charAt(e))) e++;
            while (e > at + 1 && v.charAt(e - 1) == '.') e--;
            if (s < at && e > at + 1 && v.indexOf('.', at) > at && v.indexOf('.', at) < e) {
                String addr = v.substring(s, e);
                addr = addr.substring(addr.lastIndexOf(':') + 1); // "smtp:a@x.org", "[SMTP:a@x.org]"
                if (addr.indexOf('@') > 0) out.add(addr.toLowerCase(Locale.ROOT));
            }
            i = e + 1;
        }
        return out;
    }

    private static boolean local(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0) || c == ':';
    }

    private static boolean domain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The Value of the {"Name": name, "Value": …} entry of a UAL list (Parameters, OperationProperties), or null. */
    public static String property(JsonNode list, String name) {
        if (list == null || !list.isArray()) {
            return null;
        }
        for (int i = 0; i < list.size() && i < MAX_ITEMS; i++) {
            JsonNode p = list.get(i);
            if (name.equals(Json.text(p, "Name"))) {
                String v = Json.text(p, "Value");
                return v == null || v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
