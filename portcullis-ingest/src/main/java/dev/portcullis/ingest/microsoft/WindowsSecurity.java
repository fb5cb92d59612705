package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Windows Security logon events, whichever encoding they came in (event XML, winlogbeat, evtx_dump or
 * nxlog JSON): the encoding's parser finds the event id, time, provider and a lookup of the event's
 * data fields by name; this class turns them into events.
 *
 * <ul>
 *   <li>4624 (logon) → success; 4625 (logon failed) → failure, reason from SubStatus/Status;
 *       service from LogonType (network, rdp, windows, batch, service); session = TargetLogonId;</li>
 *   <li>4771 (Kerberos pre-authentication failed) → failure; 4768 (TGT requested) → success on
 *       Status 0x0, else failure; reason from the Kerberos code; service "kerberos";</li>
 *   <li>4776 (NTLM credential validation) → success on Status 0x0, else failure; service "ntlm"; it
 *       names a Workstation, not an address, so the source stays null and the workstation becomes
 *       the user agent (as WorkstationName does for 4624/4625).</li>
 * </ul>
 *
 * <p>Account = TargetUserName as logged (a UPN keeps its domain; TargetDomainName is not added). Source
 * = IpAddress ("-" → none, "::ffff:a.b.c.d" → a.b.c.d). Successes that are machinery rather than a
 * person's password are IGNORED: machine accounts ("NAME$"), well-known service SIDs (SYSTEM, LOCAL
 * SERVICE, NETWORK SERVICE, ANONYMOUS LOGON, DWM, UMFD) and logon types 0, 4, 5 and 9. Failures are
 * always kept. Not thread-safe: one instance per parser.
 */
public final class WindowsSecurity {
    public static final String FORMAT = "windows";
    private static final int MAX_AGENT = 256;

    private final AuthEvent.Builder b = AuthEvent.builder();

    /** True for the event ids this class reads. */
    public static boolean handles(long id) {
        return id == 4624 || id == 4625 || id == 4768 || id == 4771 || id == 4776;
    }

    /**
     * @param provider the event's provider (null when the encoding does not carry it); events of these
     *                 ids from another provider are IGNORED
     * @param field    the event's data fields by name (null when absent)
     */
    public Status emit(long id, String provider, Instant time, UnaryOperator<String> field, InputContext ctx,
                EventSink out) {
        if (!handles(id)) {
            return Status.IGNORED;
        }
        if (provider != null && !provider.isEmpty() && !provider.regionMatches(true, 0, "Microsoft-Windows-Security", 0, 26)
                && !provider.equalsIgnoreCase("Security")) {
            return Status.IGNORED;
        }
        if (time == null) {
            return Status.UNPARSED;
        }
        b.reset().time(time).format(FORMAT).origin(ctx.file(), ctx.line());
        String user = field.apply("TargetUserName");
        Status s;
        switch ((int) id) {
            case 4624: s = logon(user, field); break;
            case 4625: s = logonFailed(user, field); break;
            case 4768: s = kerberos(user, field, true); break;
            case 4771: s = kerberos(user, field, false); break;
            default: s = ntlm(user, field); break;
        }
        if (s == Status.EVENT) {
            out.accept(b.build());
        }
        return s;
    }

    private Status logon(String user, UnaryOperator<String> field) {
        long type = WindowsCodes.code(field.apply("LogonType"));
        if (user == null || user.isEmpty()) {
            return Status.UNPARSED;
        }
        if (WindowsCodes.routineLogonType(type) || machine(user) || wellKnown(field.apply("TargetUserSid"))) {
            return Status.IGNORED;
        }
        b.service(WindowsCodes.logonService(type)).account(user).sourceText(ip(field.apply("IpAddress")))
                .userAgent(agent(field.apply("WorkstationName"))).session(token(field.apply("TargetLogonId")))
                .success();
        return Status.EVENT;
    }

    private Status logonFailed(String user, UnaryOperator<String> field) {
        long type = WindowsCodes.code(field.apply("LogonType"));
        Reason reason = WindowsCodes.logonFailure(WindowsCodes.code(field.apply("Status")),
                WindowsCodes.code(field.apply("SubStatus")));
        b.service(WindowsCodes.logonService(type)).account(user).sourceText(ip(field.apply("IpAddress")))
                .userAgent(agent(field.apply("WorkstationName"))).failure(reason);
        return Status.EVENT;
    }

    private Status kerberos(String user, UnaryOperator<String> field, boolean ticketRequest) {
        String status = field.apply("Status");
        if (status == null) {
            status = field.apply("FailureCode");
        }
        long code = WindowsCodes.code(status);
        if (code < 0) {
            return Status.UNPARSED;
        }
        b.service("kerberos").account(user).sourceText(ip(field.apply("IpAddress")));
        if (code == 0 && ticketRequest) {
            if (user == null || machine(user) || user.equalsIgnoreCase("krbtgt")) {
                return Status.IGNORED;
            }
            b.success();
            return Status.EVENT;
        }
        Reason reason = WindowsCodes.kerberos(code);
        if (reason == WindowsCodes.NOT_A_FAILURE) {
            return Status.IGNORED;
        }
        b.failure(reason);
        return Status.EVENT;
    }

    private Status ntlm(String user, UnaryOperator<String> field) {
        long code = WindowsCodes.code(field.apply("Status"));
        if (code < 0) {
            return Status.UNPARSED;
        }
        b.service("ntlm").account(user).userAgent(agent(field.apply("Workstation")));
        if (code == 0) {
            if (user == null || machine(user)) {
                return Status.IGNORED;
            }
            b.success();
        } else {
            Reason r = WindowsCodes.ntStatus(code);
            b.failure(r == null ? Reason.UNSPECIFIED : r);
        }
        return Status.EVENT;
    }

    /** A computer account ("EXCHANGE-1$"): its logons are the machine's, not a person's. */
    public static boolean machine(String user) {
        return user != null && user.endsWith("$");
    }

    /** SYSTEM, LOCAL SERVICE, NETWORK SERVICE, ANONYMOUS LOGON, Window Manager and font driver hosts. */
    private static boolean wellKnown(String sid) {
        if (sid == null) {
            return false;
        }
        return sid.equals("S-1-5-18") || sid.equals("S-1-5-19") || sid.equals("S-1-5-20") || sid.equals("S-1-5-7")
                || sid.startsWith("S-1-5-90-") || sid.startsWith("S-1-5-96-");
    }

    /** IpAddress as Windows writes it: "-" or empty when there is none; the builder canonicalises. */
    private static String ip(String v) {
        return v == null || v.isEmpty() || v.equals("-") ? null : v.trim();
    }

    /** A workstation name or logon id, or null for "-" / empty; cut to a bound. */
    private static String agent(String v) {
        String t = token(v);
        return t == null || t.length() <= MAX_AGENT ? t : t.substring(0, MAX_AGENT);
    }

    private static String token(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return t.isEmpty() || t.equals("-") ? null : (t.length() > MAX_AGENT ? t.substring(0, MAX_AGENT) : t);
    }
}
