package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;

import java.time.Instant;

/**
 * Zimbra's mailbox.log and audit.log (log4j lines: {@code 2021-03-03 19:51:53,762 INFO  [thread]
 * [name=…;ip=…;oip=…;ua=…;oproto=…;soapId=…;] category - message}; the stamp has no zone and is read in
 * {@link InputContext#zone()}):
 * <ul>
 *   <li>mailbox.log: {@code … - handler exception: authentication failed for [toto@test.fr], invalid
 *       password} (or {@code account not found}, {@code account lockout}…) — a failure;</li>
 *   <li>audit.log: {@code security - cmd=Auth; account=…; protocol=imap;} (and {@code cmd=AdminAuth}) —
 *       a success; the same with {@code error=authentication failed for […], invalid password;} — a
 *       failure. Other {@code cmd=} are ignored.</li>
 * </ul>
 * Source: {@code oip} (the original client a proxy reports; the first of a list), else {@code ip}.
 * Service: {@code oproto} (the protocol of the proxied session: smtp for SASL checks through Zimbra),
 * else {@code protocol=} (imap, pop3, soap → web, zsync → activesync…), else the thread (ImapServer,
 * Pop3Server), else "admin" for the admin console (port 7071, /service/admin/), else "web". User agent
 * from {@code ua}. A failure logged in both files (same {@code soapId} and account) counts once. Every
 * other Zimbra line is recognised and ignored. Never throws; no password is ever logged here.
 */
public final class ZimbraParser implements LineFormat {
    private static final String AUTH_FAILED = "authentication failed for [";

    /** soapId + account → the log that counted the failure ("audit" or "mailbox"). */
    private final JoinTable<String> counted = new JoinTable<>(65_536);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "zimbra";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        int n = line.length();
        if (n < 40 || line.charAt(4) != '-' || line.charAt(10) != ' ' || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return Status.UNRECOGNISED;
        }
        int stampEnd = line.indexOf(' ', 11);
        int threadOpen = stampEnd < 0 ? -1 : line.indexOf('[', stampEnd);
        if (threadOpen < 0 || threadOpen - stampEnd > 8) {
            return Status.UNRECOGNISED;
        }
        int ctxOpen = line.indexOf("] [", threadOpen);
        int ctxClose = ctxOpen < 0 ? -1 : line.indexOf("] ", ctxOpen + 2);
        int dash = ctxClose < 0 ? -1 : line.indexOf(" - ", ctxClose + 1);
        if (dash < 0) {
            return Status.UNRECOGNISED;
        }
        int msg = dash + 3;
        String category = line.substring(ctxClose + 2, dash);
        boolean audit = category.equals("security") && (line.startsWith("cmd=Auth;", msg)
                || line.startsWith("cmd=AdminAuth;", msg));
        int failed = line.indexOf(AUTH_FAILED, msg);
        if (!audit && (failed < 0 || category.equals("security"))) {
            return Status.IGNORED;
        }
        Instant time = Stamps.dateTime(line, 0, stampEnd, ctx.zone());
        if (time == null) {
            return Status.UNPARSED;
        }
        String context = line.substring(ctxOpen + 3, ctxClose);
        String thread = line.substring(threadOpen + 1, ctxOpen);
        b.reset().time(time).format(name()).origin(ctx.file(), ctx.line())
                .userAgent(field(context, "ua="))
                .service(service(context, audit ? field(line.substring(msg), "protocol=") : null, thread,
                        line.startsWith("cmd=AdminAuth;", msg)));
        String oip = field(context, "oip=");
        String source = ClientAddress.first(oip);
        b.source(source != null ? source : ClientAddress.first(field(context, "ip=")));
        String account = null;
        if (audit) {
            account = field(line.substring(msg), "account=");
        }
        Reason reason = null;
        if (failed >= 0) {
            int close = line.indexOf(']', failed + AUTH_FAILED.length());
            if (close < 0) {
                return Status.UNPARSED;
            }
            if (account == null) {
                account = line.substring(failed + AUTH_FAILED.length(), close);
            }
            reason = reason(line, close + 1);
        }
        b.account(account);
        if (reason == null) {
            b.success();
        } else {
            b.failure(reason);
        }
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        String soapId = field(context, "soapId=");
        if (reason != null && soapId != null) {
            String key = soapId + '\n' + e.account();
            String side = audit ? "audit" : "mailbox";
            String by = counted.get(key);
            if (by != null && !by.equals(side)) {
                counted.remove(key);
                e = e.withAttempts(0); // audit.log and mailbox.log both logged this failure
            } else {
                counted.put(key, side);
            }
        }
        out.accept(e);
        return Status.EVENT;
    }

    private static Reason reason(String line, int from) {
        String why = line.substring(from, Math.min(line.length(), from + 80));
        if (why.contains("invalid password")) return Reason.BAD_PASSWORD;
        if (why.contains("account not found") || why.contains("no such account")) return Reason.UNKNOWN_ACCOUNT;
        if (why.contains("lockout") || why.contains("locked")) return Reason.LOCKED;
        if (why.contains("closed") || why.contains("disabled") || why.contains("maintenance")) return Reason.DISABLED;
        if (why.contains("expired") || why.contains("must change")) return Reason.EXPIRED;
        return Reason.UNSPECIFIED;
    }

    private static String service(String context, String protocol, String thread, boolean admin) {
        String proxied = field(context, "oproto=");
        if (proxied != null) {
            return known(proxied);
        }
        if (admin) {
            return "admin";
        }
        if (protocol != null) {
            switch (protocol) {
                case "soap": case "http_basic": return "web";
                case "zsync": return "activesync";
                default: return known(protocol);
            }
        }
        if (thread.startsWith("ImapServer") || thread.startsWith("ImapSSLServer")) return "imap";
        if (thread.startsWith("Pop3Server") || thread.startsWith("Pop3SSLServer")) return "pop3";
        if (thread.contains(":7071/") || thread.contains("/service/admin/")) return "admin";
        return "web";
    }

    /** A protocol name from the log, kept only when it is one we know (the value is the client's to shape). */
    private static String known(String p) {
        switch (p) {
            case "imap": case "pop3": case "smtp": case "lmtp": case "dav": case "web": return p;
            case "http_dav": case "caldav": case "carddav": return "dav";
            case "soap": return "web";
            case "zsync": return "activesync";
            default: return "mail";
        }
    }

    /**
     * The value of "key=" in a ';'-separated list (up to the next ';'), or null. The key must open the
     * list or follow "; " or ';', so text inside another value (a user agent) cannot pose as it.
     */
    private static String field(String s, String key) {
        int i = s.indexOf(key);
        while (i > 0 && s.charAt(i - 1) != ';' && !(s.charAt(i - 1) == ' ' && i > 1 && s.charAt(i - 2) == ';')) {
            i = s.indexOf(key, i + 1);
        }
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        int end = s.indexOf(';', start);
        String v = (end < 0 ? s.substring(start) : s.substring(start, end)).trim();
        return v.isEmpty() ? null : v;
    }
}
