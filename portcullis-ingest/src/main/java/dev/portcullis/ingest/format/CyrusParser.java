package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;

/**
 * Cyrus IMAP/POP3 ({@code cyrus/imap}, {@code cyrus/imaps}, {@code cyrus/pop3}…, or {@code imapd}),
 * written from Cyrus's documented log lines:
 * <ul>
 *   <li>{@code badlogin: HOST [A] MECH [SASL(-13): authentication failure: …]} and the plaintext form
 *       {@code badlogin: HOST [A] plaintext USER SASL(-13): authentication failure: checkpass failed} — one
 *       failed guess; {@code SASL(-13): user not found} is reason unknown account, {@code authentication
 *       failure} bad password;</li>
 *   <li>{@code login: HOST [A] USER MECH User logged in} — a success.</li>
 * </ul>
 * The host is the DNS name Cyrus looked up, the address the first {@code [A]} after it (HOST may be
 * glued to it: {@code local-host[A]}); the user and the SASL text, the client's, come after the address
 * and cannot move it. Never throws.
 */
public final class CyrusParser implements MessageParser {
    private static final String BAD = "badlogin: ";
    private static final String LOGIN = "login: ";
    private static final String LOGGED_IN = " User logged in";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "cyrus";
    }

    @Override
    public boolean handles(String program) {
        return program.startsWith("cyrus/");
    }

    @Override
    public boolean sniffs(String message) {
        return message.startsWith(BAD) || (message.startsWith(LOGIN) && message.contains(LOGGED_IN));
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        boolean bad = m.startsWith(BAD);
        if (!bad && !(m.startsWith(LOGIN) && m.contains(LOGGED_IN))) {
            return Status.IGNORED;
        }
        int from = bad ? BAD.length() : LOGIN.length();
        int open = m.indexOf('[', from);
        int sp = m.indexOf(' ', from);
        if (open < 0 || (sp >= 0 && sp + 1 < open)) {
            return Status.UNPARSED; // the host name has no space; the address follows it
        }
        int close = m.indexOf(']', open);
        String source = close < 0 ? null : ClientAddress.of(m, open + 1, close);
        if (source == null) {
            return Status.UNPARSED;
        }
        b.reset().time(env.time).format(name()).service(CourierParser.service(env.program))
                .origin(env.ctx.file(), env.ctx.line()).source(source);
        int after = close + 2; // "] "
        if (bad) {
            int sasl = m.indexOf("SASL(-13): ", close);
            if (sasl < 0) {
                return Status.IGNORED; // other SASL results (-4 no mechanism, …) are not guesses
            }
            Reason reason = m.startsWith("user not found", sasl + 11) ? Reason.UNKNOWN_ACCOUNT
                    : m.startsWith("authentication failure", sasl + 11) ? Reason.BAD_PASSWORD : null;
            if (reason == null) {
                return Status.IGNORED;
            }
            if (m.startsWith("plaintext ", after)) {
                int userEnd = m.indexOf(" SASL(-13): ", after);
                int start = after + "plaintext ".length();
                if (userEnd > start) {
                    b.account(m.substring(start, userEnd));
                }
            }
            b.failure(reason);
        } else {
            int end = m.lastIndexOf(LOGGED_IN);
            int mech = end < 0 ? -1 : m.lastIndexOf(' ', end - 1);
            if (mech > after) {
                b.account(m.substring(after, mech));
            }
            b.success();
        }
        out.accept(b.build());
        return Status.EVENT;
    }
}
