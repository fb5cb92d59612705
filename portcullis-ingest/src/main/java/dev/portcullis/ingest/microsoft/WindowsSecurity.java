package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *       Status 0x0 with a PreAuthType that checked a credential (2 encrypted timestamp, 138 FAST, 15/16/17
 *       PKINIT); Status 0x0 with PreAuthType 0 (the account does not require pre-authentication: no
 *       password was checked) → a {@link Reason#NO_PREAUTH} event with 0 attempts, an AS-REP roasting
 *       signal, never a login; else failure; reason from the Kerberos code; service "kerberos";</li>
 *   <li>4776 (NTLM credential validation) → success on Status 0x0, else failure; service "ntlm"; it
 *       names a Workstation, not an address (the workstation also becomes the user agent, as
 *       WorkstationName does for 4624/4625);</li>
 *   <li>Windows OpenSSH (provider "OpenSSH", Operational channel): the {@code payload} field holds
 *       sshd's own message ({@code Failed password for U from A port N ssh2}, {@code Accepted …}); on
 *       Windows it is the only event that logs the SSH client's address. Service "ssh".</li>
 * </ul>
 *
 * <p>A failure with no client address (a local 4625, a 4776 naming only a Workstation) is attributed
 * to the named computer as the source {@code host:NAME} ({@link Addresses#host}), never an address:
 * nothing blocks it, and the report lists it apart from the addresses.
 *
 * <p>Account = TargetUserName as logged (a UPN keeps its domain; TargetDomainName is not added). Source
 * = IpAddress ("-" → none, "::ffff:a.b.c.d" → a.b.c.d). Successes that are machinery rather than a
 * person's password are IGNORED: machine accounts ("NAME$"), well-known service SIDs (SYSTEM, LOCAL
 * SERVICE, NETWORK SERVICE, ANONYMOUS LOGON, DWM, UMFD), logon types 0, 4, 5 and 9, and network
 * logons (type 3) authenticated by Kerberos: the client presented a service ticket, which proves the
 * ticket, not the password (that was proved, if at all, by the 4768 that issued its TGT, read as the
 * login; docs/formats.md, "What proves that a password was right"). Failures are always kept. Not
 * thread-safe: one instance per parser.
 */
public final class WindowsSecurity {
    public static final String FORMAT = "windows";
    private static final int MAX_AGENT = 256;
    private static final int SEEN_KEPT = 4096;
    private static final Object SEEN = new Object();
    private static final Object TICKETS = new Object();
    private static final long TICKET_RETRY_MS = 1000;
    private static final Pattern SSH_TAIL = Pattern.compile("(.*) from (\\S+) port \\d{1,5}(?: ssh\\d?)?", Pattern.DOTALL);
    private static final Pattern KEY_MATERIAL = Pattern.compile(" port \\d{1,5} ssh\\d?: ");

    private final AuthEvent.Builder b = AuthEvent.builder();
    private String computer;

    /**
     * The computer that logged the next event ({@code <Computer>}, {@code computer_name}, nxlog
     * {@code Hostname}), null when the encoding does not say: for a 4768 it names the domain controller
     * that issued the ticket (listed with AS-REP roastable accounts).
     */
    public WindowsSecurity computer(String name) {
        computer = name;
        return this;
    }

    /** True for the event ids this class reads (Security channel). */
    public static boolean handles(long id) {
        return id == 4624 || id == 4625 || id == 4768 || id == 4771 || id == 4776;
    }

    /** True for the events this class reads: the Security ids above, any Windows OpenSSH event, SQL Server's logins. */
    public static boolean handles(long id, String provider) {
        return handles(id) || openSsh(provider) || mssql(provider) && (id == 18456 || id == 18454);
    }

    /** SQL Server's Application-log source: "MSSQLSERVER", or "MSSQL$INSTANCE" for a named instance. */
    private static boolean mssql(String provider) {
        return provider != null && (provider.equalsIgnoreCase("MSSQLSERVER") || provider.regionMatches(true, 0, "MSSQL$", 0, 6));
    }

    private static boolean openSsh(String provider) {
        return provider != null && provider.equalsIgnoreCase("OpenSSH");
    }

    /**
     * True when this event was already read from the same input: the same computer, event id, record
     * number (nxlog RecordNumber, EventRecordID, winlogbeat record_id) and time seen among the last
     * {@value #SEEN_KEPT} records. Forwarders and dataset exports write some events twice; one event is
     * one guess. False when the record carries no number.
     */
    public static boolean duplicate(String computer, String record, long id, String time, InputContext ctx) {
        if (record == null || record.isEmpty()) {
            return false;
        }
        Map<String, Boolean> seen = ctx.state(SEEN, () -> new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
                return size() > SEEN_KEPT;
            }
        });
        String key = (computer == null ? "" : computer.toLowerCase(Locale.ROOT)) + '|' + id + '|' + record.trim() + '|' + time;
        return seen.put(key, Boolean.TRUE) != null;
    }

    /**
     * @param provider the event's provider (null when the encoding does not carry it); events of these
     *                 ids from another provider are IGNORED
     * @param field    the event's data fields by name (null when absent)
     */
    public Status emit(long id, String provider, Instant time, UnaryOperator<String> field, InputContext ctx,
                EventSink out) {
        if (openSsh(provider)) {
            if (time == null) {
                return Status.UNPARSED;
            }
            b.reset().time(time).format(FORMAT).origin(ctx.file(), ctx.line());
            return openSsh(field.apply("payload"), out);
        }
        if (mssql(provider)) {
            if (id != 18456 && id != 18454) {
                return Status.IGNORED;
            }
            if (time == null) {
                return Status.UNPARSED;
            }
            b.reset().time(time).format(FORMAT).service("mssql").origin(ctx.file(), ctx.line());
            Status s = mssql(id == 18456, field);
            if (s == Status.EVENT) {
                out.accept(b.build());
            }
            return s;
        }
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
            case 4768: s = kerberos(user, field, true, ctx); break;
            case 4771: s = kerberos(user, field, false, ctx); break;
            default: s = ntlm(user, field); break;
        }
        if (s == Status.EVENT) {
            AuthEvent e = b.build();
            out.accept(e);
            if (e.reason() == Reason.NO_PREAUTH) {
                ctx.noPreauthIssuer(e.account(), computer);
            }
        }
        computer = null;
        return s;
    }

    private Status logon(String user, UnaryOperator<String> field) {
        long type = WindowsCodes.code(field.apply("LogonType"));
        if (user == null || user.isEmpty()) {
            return Status.UNPARSED;
        }
        if (WindowsCodes.routineLogonType(type) || machine(user) || wellKnown(field.apply("TargetUserSid"))
                || WindowsCodes.ticketOnly(type, field.apply("AuthenticationPackageName"))) {
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
        String workstation = field.apply("WorkstationName");
        b.service(WindowsCodes.logonService(type)).account(user).sourceText(ip(field.apply("IpAddress")))
                .userAgent(agent(workstation)).failure(reason);
        orHost(workstation);
        return Status.EVENT;
    }

    private static final class TicketSeen {
        String key;
        long millis;
    }

    private Status kerberos(String user, UnaryOperator<String> field, boolean ticketRequest, InputContext ctx) {
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
            if (WindowsCodes.code(field.apply("PreAuthType")) == 0) {
                b.failure(Reason.NO_PREAUTH).attempts(0); // a ticket for no password: AS-REP roastable
            } else {
                b.success();
            }
            AuthEvent e = b.build();
            String key = e.account() + '|' + e.source() + '|' + e.reason();
            TicketSeen last = ctx.state(TICKETS, TicketSeen::new);
            boolean again = key.equals(last.key) && Math.abs(e.time().toEpochMilli() - last.millis) <= TICKET_RETRY_MS;
            last.key = key;
            last.millis = e.time().toEpochMilli();
            // a client that retries over TCP (KRB_ERR_RESPONSE_TOO_BIG) gets a second ticket for the same
            // request, often logged with the "::ffff:" form of the address: one logon, counted once
            return again ? Status.IGNORED : Status.EVENT;
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
        String workstation = field.apply("Workstation");
        b.service("ntlm").account(user).userAgent(agent(workstation));
        if (code == 0) {
            if (user == null || machine(user)) {
                return Status.IGNORED;
            }
            b.success();
        } else {
            Reason r = WindowsCodes.ntStatus(code);
            b.failure(r == null ? Reason.UNSPECIFIED : r);
            orHost(workstation);
        }
        return Status.EVENT;
    }

    /** A failure with no client address: the named workstation as a "host:NAME" source. */
    private void orHost(String workstation) {
        if (b.build().source() == null) { // called once the result is set
            String w = token(workstation);
            if (w != null) {
                b.source(Addresses.host(w.startsWith("\\\\") ? w.substring(2) : w));
            }
        }
    }

    /**
     * Windows OpenSSH's payload: sshd's message. The address is the LAST " from A port N" of the
     * message, so a user name cannot choose it.
     * TODO: read it with SshdMessage (the sshd parser's grammar) once that moves below the format package
     * (format already depends on this package).
     */
    private Status openSsh(String payload, EventSink out) {
        if (payload == null) {
            return Status.UNPARSED;
        }
        String m = payload.trim();
        if (m.startsWith("sshd: ")) {
            m = m.substring(6);
        }
        boolean success;
        int at;
        if (m.startsWith("Failed ")) {
            success = false;
            at = 7;
        } else if (m.startsWith("Accepted ")) {
            success = true;
            at = 9;
        } else {
            return Status.IGNORED;
        }
        int sp = m.indexOf(' ', at);
        if (sp < 0 || !m.startsWith(" for ", sp)) {
            return Status.UNPARSED;
        }
        String method = m.substring(at, sp);
        if (!success && (method.equals("none") || method.equals("publickey") || method.equals("hostbased"))) {
            return Status.IGNORED; // not a password guess
        }
        int user = sp + 5;
        Reason why = Reason.BAD_PASSWORD;
        if (m.startsWith("invalid user ", user)) {
            user += 13;
            why = Reason.UNKNOWN_ACCOUNT;
        }
        String rest = m.substring(user);
        if (!method.equals("password") && !method.equals("keyboard-interactive")) {
            // key material may follow "sshN: ": the address is never after the first one
            Matcher key = KEY_MATERIAL.matcher(rest);
            if (key.find()) {
                rest = rest.substring(0, key.start() + key.group().length() - 2);
            }
        }
        // a password line ends with " from A port N sshN": the LAST such tail, whatever the name holds
        Matcher t = SSH_TAIL.matcher(rest);
        if (!t.matches()) {
            return Status.UNPARSED;
        }
        String address = Addresses.canonical(t.group(2));
        if (address == null) {
            return Status.UNPARSED;
        }
        b.service("ssh").account(t.group(1)).source(address);
        if (success) {
            b.success();
        } else {
            b.failure(why);
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /**
     * SQL Server's 18456 (login failed) and 18454 (login succeeded, SQL Server authentication) in the
     * Application log: the insertion strings are the login name, then for 18456 " Reason: …", then
     * " [CLIENT: A]" (winlogbeat's param1…param3, the XML's unnamed Data); an encoding that keeps only
     * the rendered message (nxlog's {@code Message}) is read like the error log's line.
     */
    private Status mssql(boolean failed, UnaryOperator<String> field) {
        String first = field.apply("param1");
        if (first != null && field.apply("param2") == null && first.startsWith(STRING_OPEN)) {
            field = strings(first, failed ? 3 : 2, field);
        }
        String user = field.apply("param1");
        String client = field.apply(failed ? "param3" : "param2");
        if (user == null || client == null) {
            String message = field.apply("Message");
            if (message == null) {
                return Status.UNPARSED;
            }
            return SqlServerLogins.message(message.trim(), 0, b);
        }
        String c = client.trim();
        Status s = SqlServerLogins.client(c, 0, c.length(), b);
        if (s != Status.EVENT) {
            return s;
        }
        b.account(user.isEmpty() ? null : user);
        String reason = failed ? field.apply("param2") : "Connection made using SQL Server authentication.";
        return SqlServerLogins.outcome(failed, user, reason == null ? "" : reason, b);
    }

    private static final String STRING_OPEN = "<string>";
    private static final String STRING_CLOSE = "</string>";

    /**
     * python-evtx's rendering of a classic source's insertion strings: one unnamed Data whose text is
     * {@code <string>sa</string>\n<string> Reason: …</string>\n<string> [CLIENT: A]</string>} (EVTX-ATTACK-SAMPLES'
     * MSSQL brute force). The parts are taken from the end, where SQL Server writes its own fields: the
     * client is the last, the reason before it, and the login name is everything before those, so a
     * name holding {@code </string><string>} cannot move the client (it stays inside the name).
     */
    private static UnaryOperator<String> strings(String text, int count, UnaryOperator<String> field) {
        List<String> parts = new ArrayList<>();
        int end = text.length();
        for (int k = 1; k < count; k++) {
            int close = text.lastIndexOf(STRING_CLOSE, end);
            int open = close < 0 ? -1 : text.lastIndexOf(STRING_OPEN, close);
            if (open <= 0) {
                return field;
            }
            parts.add(0, text.substring(open + STRING_OPEN.length(), close));
            end = open - 1;
        }
        int close = text.lastIndexOf(STRING_CLOSE, end);
        if (close < STRING_OPEN.length()) {
            return field;
        }
        parts.add(0, text.substring(STRING_OPEN.length(), close));
        return name -> {
            if (name.startsWith("param")) {
                try {
                    int i = Integer.parseInt(name.substring(5)) - 1;
                    return i >= 0 && i < parts.size() ? parts.get(i) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return field.apply(name);
        };
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
