package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;

/**
 * Courier IMAP/POP3 ({@code imapd}, {@code imapd-ssl}, {@code pop3d}, {@code pop3d-ssl},
 * {@code courierpop3login}…), written from Courier's documented log lines (the login programs'
 * {@code LOGIN FAILED} and {@code LOGIN} messages):
 * <ul>
 *   <li>{@code LOGIN FAILED, [method=M, ]user=U, ip=[::ffff:A][, port=[N]]} — one failed guess, reason
 *       unspecified (Courier does not say whether the account exists);</li>
 *   <li>{@code LOGIN, user=U, ip=[::ffff:A], port=[N], protocol=IMAP} — a success.</li>
 * </ul>
 * The user name is the client's text and comes before the address: the address is the LAST
 * {@code , ip=[…]}, the user runs from the first {@code user=} to it. Programs named only {@code imapd}
 * or {@code pop3d} are shared with Cyrus, so lines are also recognised by their message. Never throws.
 */
public final class CourierParser implements MessageParser {
    private static final String FAILED = "LOGIN FAILED, ";
    private static final String SUCCESS = "LOGIN, ";
    private static final String IP = ", ip=[";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "courier";
    }

    @Override
    public boolean handles(String program) {
        return program.startsWith("courier") || program.equals("imapd-ssl") || program.equals("pop3d-ssl")
                || program.equals("imaplogin") || program.equals("pop3login");
    }

    @Override
    public boolean sniffs(String message) {
        return message.startsWith(FAILED) || (message.startsWith(SUCCESS) && message.contains(IP));
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        boolean failed = m.startsWith(FAILED);
        if (!failed && !m.startsWith(SUCCESS)) {
            return Status.IGNORED; // connections, disconnections with byte counts, TLS errors
        }
        int ip = m.lastIndexOf(IP);
        int close = ip < 0 ? -1 : m.indexOf(']', ip + IP.length());
        if (close < 0) {
            return Status.UNPARSED;
        }
        String source = ClientAddress.of(m, ip + IP.length(), close);
        if (source == null) {
            return Status.UNPARSED;
        }
        b.reset().time(env.time).format(name()).service(service(env.program)).origin(env.ctx.file(), env.ctx.line())
                .source(source);
        int user = m.indexOf("user=", failed ? FAILED.length() : SUCCESS.length());
        if (user >= 0 && user < ip && (m.charAt(user - 1) == ' ')) {
            b.account(m.substring(user + 5, ip));
        }
        if (failed) {
            b.failure(Reason.UNSPECIFIED);
        } else {
            b.success();
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /** imap or pop3 from the program's name, else "mail". */
    static String service(String program) {
        if (program.contains("imap")) {
            return "imap";
        }
        return program.contains("pop") ? "pop3" : "mail";
    }
}
