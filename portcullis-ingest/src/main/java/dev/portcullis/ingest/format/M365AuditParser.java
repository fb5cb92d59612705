package dev.portcullis.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.csv.CsvTable;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.json.JsonFormat;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.microsoft.EntraOutcome;
import dev.portcullis.ingest.microsoft.M365MailboxRecords;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft 365 Unified Audit Log records, as {@code Search-UnifiedAuditLog}, Purview and the Microsoft
 * Extractor Suite export them: one JSON record per line, a JSON array of records, or a CSV whose
 * {@code AuditData} column holds the record's JSON ("RecordType","CreationDate","UserIds","Operations",
 * "AuditData",… in any order; the columns are found by name).
 *
 * <p>Read today: Entra ID sign-ins ({@code Workload} AzureActiveDirectory, {@code RecordType} 15):
 * {@code UserLoggedIn} and {@code UserLoginFailed}. Time from {@code CreationTime} (no zone: UTC), account
 * from {@code UserId}, source from {@code ClientIP} or {@code ActorIpAddress} (a port dropped), user agent
 * from {@code ExtendedProperties}, session from {@code DeviceProperties} SessionId, and the outcome from
 * {@code ErrorNumber} as {@link EntraOutcome} maps it — including the rule that codes raised after a
 * correct password (MFA demanded, conditional access) are successes. Service "sso".
 *
 * <p>For investigation, {@link M365MailboxRecords} reads {@code MailItemsAccessed} (what was read),
 * {@code New-InboxRule}, {@code Set-InboxRule}, {@code Set-Mailbox} and {@code UpdateInboxRules} (where
 * mail is forwarded) into {@code kind: mailbox} events. Every other operation is recognised and
 * {@link Status#IGNORED}. A record wrapped in an export's envelope (an {@code AuditData} object beside
 * {@code Operations} and {@code CreationDate}, as PowerShell's {@code ConvertTo-Json} writes it) is read
 * as the record inside.
 *
 * <p>Exports repeat records (overlapping searches, paging): a record whose {@code Id} was already read in
 * this run is ignored, so one sign-in counts once. The table of seen ids is bounded ({@link #SEEN_IDS},
 * least recently seen forgotten). Never throws; this parser copies no secrets (the records hold none
 * it reads).
 */
public final class M365AuditParser implements JsonRecordFormat, CsvTable {
    static final int SEEN_IDS = 65_536;

    /** Reads the records of one operation. */
    @FunctionalInterface
    interface Handler {
        Status read(M365AuditParser p, JsonNode record, String operation, InputContext ctx, EventSink out);
    }

    /** Operation name → handler. Operations absent here are ignored. */
    static final Map<String, Handler> OPERATIONS = Map.of(
            "UserLoggedIn", M365AuditParser::login,
            "UserLoginFailed", M365AuditParser::login,
            "MailItemsAccessed", (p, r, op, ctx, out) -> M365MailboxRecords.mailItemsAccessed(p.b, r, ctx, out),
            "New-InboxRule", (p, r, op, ctx, out) -> M365MailboxRecords.inboxRule(p.b, r, op, ctx, out),
            "Set-InboxRule", (p, r, op, ctx, out) -> M365MailboxRecords.inboxRule(p.b, r, op, ctx, out),
            "Set-Mailbox", (p, r, op, ctx, out) -> M365MailboxRecords.setMailbox(p.b, r, ctx, out),
            "UpdateInboxRules", (p, r, op, ctx, out) -> M365MailboxRecords.updateInboxRules(p.b, r, ctx, out));

    /** Operations whose records must parse (a sign-in that cannot be read is unparsed, not ignored). */
    private static final Set<String> SIGN_INS = Set.of("UserLoggedIn", "UserLoginFailed");

    private final JoinTable<Boolean> seen = new JoinTable<>(SEEN_IDS);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "m365";
    }

    // ---- JSON records ------------------------------------------------------------------------

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        String operation = Json.text(r, "Operation");
        JsonNode inner = r.get("AuditData");
        if (operation == null && inner != null && inner.isObject() && inner != r) {
            return parse(inner, ctx, out); // an export's envelope around the record
        }
        if (operation == null || Json.text(r, "CreationTime") == null
                || (r.get("Workload") == null && r.get("RecordType") == null)) {
            return Status.UNRECOGNISED;
        }
        Handler h = OPERATIONS.get(operation);
        if (h == null) {
            return Status.IGNORED;
        }
        String id = Json.text(r, "Id");
        if (id != null) {
            if (seen.get(id) != null) {
                return Status.IGNORED; // the same record again (overlapping exports)
            }
            seen.put(id, Boolean.TRUE);
        }
        return h.read(this, r, operation, ctx, out);
    }

    private Status login(JsonNode r, String operation, InputContext ctx, EventSink out) {
        Instant time = Stamps.iso(Json.text(r, "CreationTime"), ZoneOffset.UTC);
        if (time == null) {
            return Status.UNPARSED;
        }
        EntraOutcome o = EntraOutcome.of(Json.text(r, "ErrorNumber"));
        boolean loggedIn = operation.equals("UserLoggedIn");
        if (o == null) {
            o = loggedIn ? EntraOutcome.SUCCESS : EntraOutcome.UNSPECIFIED; // no code: the operation says it
        } else if (loggedIn && o == EntraOutcome.UNSPECIFIED) {
            o = EntraOutcome.SUCCESS; // a code we do not know on a logged-in record
        }
        b.reset().time(time).format(name()).service("sso").origin(ctx.file(), ctx.line())
                .result(o.result()).reason(o.reason()).attempts(o.attempts());
        String user = Json.text(r, "UserId");
        b.account(user);
        String ip = ClientAddress.of(Json.text(r, "ClientIP"));
        b.source(ip != null ? ip : ClientAddress.of(Json.text(r, "ActorIpAddress")));
        b.userAgent(property(r.get("ExtendedProperties"), "UserAgent"));
        b.session(property(r.get("DeviceProperties"), "SessionId"));
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        out.accept(e);
        return Status.EVENT;
    }

    /** The Value of the {"Name": name, "Value": …} entry of a UAL property list, or null. */
    private static String property(JsonNode list, String name) {
        if (list == null || !list.isArray()) {
            return null;
        }
        for (int i = 0; i < list.size() && i < 256; i++) {
            JsonNode p = list.get(i);
            if (name.equals(Json.text(p, "Name"))) {
                String v = Json.text(p, "Value");
                return v == null || v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    // ---- CSV exports ---------------------------------------------------------------------------

    private static final int COL_AUDIT = 0;
    private static final int COL_OPERATIONS = 1;

    @Override
    public String headerHint() {
        return "AuditData";
    }

    @Override
    public int[] header(List<String> names) {
        int audit = names.indexOf("AuditData");
        if (audit < 0 || !(names.contains("CreationDate") || names.contains("CreationTime"))) {
            return null;
        }
        int ops = names.indexOf("Operations");
        return new int[] {audit, ops >= 0 ? ops : names.indexOf("Operation")};
    }

    @Override
    public Status row(int[] columns, List<String> cells, InputContext ctx, EventSink out) {
        String operation = CsvTable.cell(cells, columns[COL_OPERATIONS]);
        if (operation != null && !OPERATIONS.containsKey(operation)) {
            return Status.IGNORED; // not worth parsing the JSON of a record nobody reads yet
        }
        String audit = CsvTable.cell(cells, columns[COL_AUDIT]);
        if (audit == null || audit.isEmpty()) {
            return Status.UNPARSED;
        }
        JsonNode record;
        try (JsonParser p = JsonFormat.MAPPER.createParser(audit)) {
            record = JsonFormat.MAPPER.readTree(p);
        } catch (IOException | RuntimeException e) {
            return Status.UNPARSED; // AuditData that is not JSON
        }
        if (record == null || !record.isObject()) {
            return Status.UNPARSED;
        }
        Status s = parse(record, ctx, out);
        if (s == Status.UNRECOGNISED) {
            // a sign-in that cannot be read is a loss; a mailbox record with nothing in it says nothing
            return operation == null || SIGN_INS.contains(operation) ? Status.UNPARSED : Status.IGNORED;
        }
        return s;
    }
}
