package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.csv.CsvTable;
import dev.portcullis.ingest.microsoft.EntraOutcome;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Entra ID sign-in logs as the portal's "Download CSV" writes them. Columns are found by header name,
 * so their order and the extra columns of each portal version do not matter: "Date (UTC)" (or "Date"),
 * "Username" (the user principal name; "User" is the display name and is not read), "IP address",
 * "Status", "Sign-in error code", "Client app", "User agent", "Session ID" or else "Correlation ID".
 * Dates are ISO-8601 or the US style "7/12/2023, 12:38:43 PM", in UTC. The outcome is the error code's,
 * as {@link EntraOutcome} maps it (a code raised after a correct password is a success with reason
 * mfa_required or policy); a row without a code falls back on "Status" (Success / Failure / Interrupted).
 * "Failure reason" is free text and is not copied. Never throws.
 */
public final class EntraCsvParser implements CsvTable {
    private static final int DATE = 0;
    private static final int USERNAME = 1;
    private static final int IP = 2;
    private static final int STATUS = 3;
    private static final int CODE = 4;
    private static final int CLIENT_APP = 5;
    private static final int USER_AGENT = 6;
    private static final int SESSION = 7;
    private static final int CORRELATION = 8;
    private static final int IDENTIFIER = 9;

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "entra";
    }

    @Override
    public String headerHint() {
        return "Sign-in error code";
    }

    @Override
    public int[] header(List<String> names) {
        int[] c = new int[10];
        c[DATE] = firstOf(names, "Date (UTC)", "Date");
        c[USERNAME] = firstOf(names, "Username", "User principal name");
        c[IP] = names.indexOf("IP address");
        c[STATUS] = names.indexOf("Status");
        c[CODE] = names.indexOf("Sign-in error code");
        c[CLIENT_APP] = names.indexOf("Client app");
        c[USER_AGENT] = names.indexOf("User agent");
        c[SESSION] = names.indexOf("Session ID");
        c[CORRELATION] = names.indexOf("Correlation ID");
        c[IDENTIFIER] = names.indexOf("Sign-in identifier");
        if (c[DATE] < 0 || c[CODE] < 0 || c[IP] < 0 || (c[USERNAME] < 0 && c[IDENTIFIER] < 0)) {
            return null;
        }
        return c;
    }

    @Override
    public Status row(int[] c, List<String> cells, InputContext ctx, EventSink out) {
        String date = CsvTable.cell(cells, c[DATE]);
        if (date == null) {
            return Status.UNPARSED;
        }
        date = date.trim();
        Instant time = Stamps.iso(date, ZoneOffset.UTC);
        if (time == null) {
            time = Stamps.us(date, ZoneOffset.UTC);
        }
        EntraOutcome o = outcome(CsvTable.cell(cells, c[CODE]), CsvTable.cell(cells, c[STATUS]));
        if (time == null || o == null) {
            return Status.UNPARSED;
        }
        b.reset().time(time).format(name()).origin(ctx.file(), ctx.line())
                .service(EntraOutcome.service(CsvTable.cell(cells, c[CLIENT_APP])))
                .result(o.result()).reason(o.reason()).attempts(o.attempts())
                .source(ClientAddress.of(CsvTable.cell(cells, c[IP])))
                .userAgent(blankToNull(CsvTable.cell(cells, c[USER_AGENT])));
        String session = blankToNull(CsvTable.cell(cells, c[SESSION]));
        b.session(session != null ? session : blankToNull(CsvTable.cell(cells, c[CORRELATION])));
        String user = blankToNull(CsvTable.cell(cells, c[USERNAME]));
        if (user == null) {
            user = blankToNull(CsvTable.cell(cells, c[IDENTIFIER]));
        }
        b.account(user);
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        out.accept(e);
        return Status.EVENT;
    }

    private static EntraOutcome outcome(String code, String status) {
        EntraOutcome o = EntraOutcome.of(code);
        if (o != null || status == null) {
            return o;
        }
        switch (status.trim()) {
            case "Success": return EntraOutcome.SUCCESS;
            case "Failure": case "Interrupted": return EntraOutcome.UNSPECIFIED;
            default: return null;
        }
    }

    private static int firstOf(List<String> names, String a, String b) {
        int i = names.indexOf(a);
        return i >= 0 ? i : names.indexOf(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
