package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;

/**
 * UW IMAP's {@code imapd} and {@code ipop3d} (the University of Washington servers and their c-client),
 * written from the lines c-client's {@code server_login} and the servers write:
 * <ul>
 *   <li>{@code Login failed user=U auth=A host=[NAME ][ADDR]} — one failed guess, reason unspecified (UW
 *       does not say whether the account exists);</li>
 *   <li>{@code Login excessive login failures user=U auth=A host=…} — written <em>instead of</em> "Login
 *       failed" for each further attempt once a session has used up its tries (c-client's
 *       {@code logtry}): the password was not checked, and it does not summarise the earlier attempts,
 *       each of which has its own "Login failed" line. One attempt, reason policy;</li>
 *   <li>{@code Login SYSTEM BREAK-IN ATTEMPT user=…} (a user name too long for the server): one attempt,
 *       reason policy; {@code Login disabled user=…} (plaintext logins disabled: the client was refused
 *       before any check, a configuration matter, not a guess): 0 attempts, reason policy;</li>
 *   <li>{@code Login user=U host=…} (imapd LOGIN, ipop3d USER/PASS, with ipop3d's {@code nmsgs=…} after
 *       the host), {@code Authenticated user=U host=… [mech=M]}, {@code Auth user=U host=…} — a success.</li>
 * </ul>
 * An {@code AUTHENTICATE M failure host=…} line follows a "Login failed" line of the same attempt (the
 * authenticator calls {@code server_login}) and is ignored. The host is c-client's
 * {@code tcp_clienthost()}: an optional reverse-DNS name, then the address in brackets; the address is
 * the bracket after the <em>last</em> {@code " host="}, with only UW's own fields after it, so the user
 * name, the client's text before it, cannot choose it. No bracketed address (a local connection): no
 * source. Program {@code ipop3d} is UW's; {@code imapd} is shared with Courier and Cyrus, so its lines are
 * recognised by their message. Never throws.
 */
public final class UwImapParser implements MessageParser {
    private static final String[] FAILURES = {"Login failed ", "Login excessive login failures ",
        "Login SYSTEM BREAK-IN ATTEMPT ", "Login disabled "};
    private static final String[] SUCCESSES = {"Login ", "Authenticated ", "Auth "};
    private static final String HOST = " host=";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "uw-imap";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("ipop3d") || program.equals("uw-imapd");
    }

    @Override
    public boolean sniffs(String m) {
        return kind(m) >= 0;
    }

    /** Index into FAILURES (0–3), 4 + index into SUCCESSES, or -1. */
    private static int kind(String m) {
        if (m.isEmpty() || (m.charAt(0) != 'L' && m.charAt(0) != 'A')) {
            return -1; // the common case, a message of another program: one character looked at
        }
        int k = -1;
        for (int i = 0; i < FAILURES.length && k < 0; i++) {
            if (m.startsWith(FAILURES[i]) && m.startsWith("user=", FAILURES[i].length())) k = i;
        }
        for (int i = 0; i < SUCCESSES.length && k < 0; i++) {
            if (m.startsWith(SUCCESSES[i]) && m.startsWith("user=", SUCCESSES[i].length())) k = 4 + i;
        }
        return k >= 0 && m.contains(HOST) ? k : -1;
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        int kind = kind(m);
        if (kind < 0) {
            return Status.IGNORED; // logouts, autologouts, AUTHENTICATE … failure, connection notes
        }
        int user = (kind < 4 ? FAILURES[kind] : SUCCESSES[kind - 4]).length() + 5;
        int host = m.lastIndexOf(HOST);
        if (host < user - 1) {
            return Status.UNPARSED;
        }
        int h = host + HOST.length();
        int open = m.indexOf('[', h);
        int sp = m.indexOf(' ', h);
        String source = null;
        int after;
        if (open >= 0 && (sp < 0 || sp + 1 == open)) {
            int close = m.indexOf(']', open);
            if (close < 0) return Status.UNPARSED;
            source = ClientAddress.of(m, open + 1, close);
            if (source == null) return Status.UNPARSED;
            after = close + 1;
        } else {
            after = sp < 0 ? m.length() : sp; // "host=UNKNOWN", a local connection: no address
        }
        if (!ownFields(m, after)) {
            return Status.UNPARSED;
        }
        int userEnd = host;
        if (kind < 4) {
            int auth = m.lastIndexOf(" auth=", host);
            if (auth >= user) userEnd = auth;
        }
        b.reset().time(env.time).format(name()).service(env.program.contains("pop") ? "pop3" : "imap")
                .origin(env.ctx.file(), env.ctx.line()).source(source);
        if (userEnd > user) {
            b.account(m.substring(user, userEnd));
        }
        switch (kind) {
            case 0 -> b.failure(Reason.UNSPECIFIED);
            case 1, 2 -> b.failure(Reason.POLICY);
            case 3 -> b.failure(Reason.POLICY).attempts(0);
            default -> b.success();
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /** After the address only UW's own " mech=M", " nmsgs=N/N", " ndele=N" may follow. */
    private static boolean ownFields(String m, int i) {
        while (i < m.length()) {
            if (m.charAt(i) != ' ') return false;
            int eq = m.indexOf('=', i);
            int next = m.indexOf(' ', i + 1);
            if (eq < 0 || (next >= 0 && eq > next)) return false;
            String key = m.substring(i + 1, eq);
            if (!(key.equals("mech") || key.equals("nmsgs") || key.equals("ndele"))) return false;
            i = next < 0 ? m.length() : next;
        }
        return true;
    }
}
