package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;

/**
 * nginx's error log ({@code 2022/04/02 13:39:51 [info] 8#8: *6631 message}; the stamp has no zone and is
 * read in {@link InputContext#zone()}), for the failures of its mail proxy (as in front of Zimbra):
 * {@code client login failed: "Authentication credentials invalid" while in http auth state, client:
 * 154.250.207.69, server: 0.0.0.0:11143, login: "admin@example.com"}.
 *
 * <p>{@code client logged in, client: A, server: S, login: "user", upstream: U} is a success (a line without
 * {@code login:} is a relay session that authenticated nobody, ignored). {@code client: A using starttls}
 * is read as A.
 *
 * <p>Every failed line is one submitted password, a failure. The quoted text is the auth_http server's
 * {@code Auth-Status}: "AUTH not supported" (authentication refused on that listener, e.g. SMTP port 25:
 * the client sent credentials, the server would not check them) is reason policy; "Temporary…",
 * "Internal…" (the auth server failed) are aborted; anything else, such as "Authentication credentials
 * invalid", is unspecified — the auth server does not say whether the account exists. The service comes
 * from the listening port: 25, 465, 587 smtp; 143, 993 imap; 110, 995 pop3; any other "mail". The login
 * is written last and is the client's text: the address is read before it. Every other nginx error-log
 * line is recognised and ignored. Never throws; nginx does not log passwords.
 */
public final class NginxMailParser implements LineFormat {
    private static final String FAILED = "client login failed: ";
    private static final String CLIENT = ", client: ";
    private static final String SERVER = ", server: ";
    private static final String LOGIN = ", login: \"";
    private static final String LOGGED_IN = "client logged in, ";
    private static final String STARTTLS = " using starttls";
    private static final String UPSTREAM = "\", upstream: ";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "nginx-mail";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        int n = line.length();
        if (n < 30 || line.charAt(4) != '/' || line.charAt(7) != '/' || line.charAt(10) != ' '
                || line.charAt(19) != ' ' || line.charAt(20) != '[') {
            return Status.UNRECOGNISED;
        }
        int levelEnd = line.indexOf("] ", 21);
        if (levelEnd < 0 || levelEnd > 30) {
            return Status.UNRECOGNISED;
        }
        int colon = line.indexOf(": ", levelEnd + 2); // after "pid#tid"
        int hash = line.indexOf('#', levelEnd);
        if (colon < 0 || hash < 0 || hash > colon) {
            return Status.UNRECOGNISED;
        }
        int msg = colon + 2;
        if (msg < n && line.charAt(msg) == '*') {
            int sp = line.indexOf(' ', msg);
            msg = sp < 0 ? n : sp + 1;
        }
        boolean success = line.startsWith(LOGGED_IN, msg);
        if (!success && !line.startsWith(FAILED, msg)) {
            return Status.IGNORED;
        }
        Instant time = Stamps.dateTime(line, 0, 19, ctx.zone());
        if (time == null) {
            return Status.UNPARSED;
        }
        int why = msg + FAILED.length();
        int whyEnd = success ? -1 : line.indexOf("\" while ", why);
        int client = line.indexOf(CLIENT, success ? msg : whyEnd < 0 ? why : whyEnd);
        if (client < 0) {
            return Status.UNPARSED;
        }
        int clientEnd = line.indexOf(',', client + CLIENT.length());
        int addressEnd = clientEnd < 0 ? n : clientEnd;
        if (line.startsWith(STARTTLS, addressEnd - STARTTLS.length())) {
            addressEnd -= STARTTLS.length(); // "client: 201.170.64.255 using starttls, server: …"
        }
        String source = ClientAddress.of(line.substring(client + CLIENT.length(), Math.max(addressEnd, client + CLIENT.length())));
        b.reset().time(time).format(name()).origin(ctx.file(), ctx.line()).source(source);
        if (success) {
            b.success();
        } else {
            b.failure(reason(whyEnd < 0 ? "" : line.substring(why, whyEnd)));
        }
        int server = clientEnd < 0 ? -1 : line.indexOf(SERVER, clientEnd);
        int serverEnd = server < 0 ? -1 : line.indexOf(',', server + SERVER.length());
        b.service(service(line, server < 0 ? -1 : server + SERVER.length(), serverEnd < 0 ? n : serverEnd));
        int login = line.indexOf(LOGIN, Math.max(clientEnd, serverEnd));
        if (login >= 0) {
            // the login is the client's text: it ends at the last '"', or before nginx's trailing upstream
            int end = line.lastIndexOf('"');
            int upstream = line.lastIndexOf(UPSTREAM);
            if (upstream > login && line.indexOf('"', upstream + UPSTREAM.length()) < 0) {
                end = upstream;
            }
            if (end > login + LOGIN.length()) {
                b.account(line.substring(login + LOGIN.length(), end));
            }
        }
        if (success && login < 0) {
            return Status.IGNORED; // a relay session without AUTH (port 25): no password was checked
        }
        AuthEvent e = b.build();
        if (e.account() == null && e.source() == null) {
            return Status.UNPARSED;
        }
        out.accept(e);
        return Status.EVENT;
    }

    private static Reason reason(String status) {
        if (status.contains("AUTH not supported")) {
            return Reason.POLICY;
        }
        if (status.startsWith("Temporary") || status.startsWith("Internal") || status.contains("try again later")) {
            return Reason.ABORTED;
        }
        return Reason.UNSPECIFIED;
    }

    /** The service of the listener "0.0.0.0:143" / "[::]:993" in {@code s[from, to)}; "mail" when unknown. */
    private static String service(String s, int from, int to) {
        if (from < 0) {
            return "mail";
        }
        int colon = s.lastIndexOf(':', to - 1);
        if (colon < from) {
            return "mail";
        }
        long port = Text.parseLong(s, colon + 1, to);
        switch ((int) Math.min(port, 65_536)) {
            case 25: case 465: case 587: return "smtp";
            case 143: case 993: return "imap";
            case 110: case 995: return "pop3";
            default: return "mail";
        }
    }
}
