package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;

/**
 * Postfix SASL authentication (smtpd, submission, smtps; any multi-instance name):
 * <ul>
 *   <li>{@code warning: host[ip]: SASL LOGIN authentication failed: <reason>[, sasl_username=user]}
 *       (the user name on failures arrived in Postfix 3.9; IPv6 addresses are in the brackets);</li>
 *   <li>{@code QUEUEID: client=host[ip], sasl_method=PLAIN, sasl_username=user} — a success.</li>
 * </ul>
 * The failure reason is often a base64 SASL challenge ("UGFzc3dvcmQ6"); it is never copied. The address is
 * the first {@code [ADDR]} after Postfix's own prefix ({@code warning: }, {@code client=}; the host name
 * before it is DNS-verified, no client text); the user name, the client's text, comes last and is read to
 * the end, so it cannot move the address.
 */
public final class PostfixParser implements MessageParser {
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "postfix";
    }

    @Override
    public boolean handles(String program) {
        return program.startsWith("postfix");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        int f = m.indexOf(" authentication failed");
        if (f > 0 && m.startsWith("warning: ")) {
            return failure(env, m, f, out);
        }
        int u = m.indexOf("sasl_username=");
        if (u > 0) {
            int client = m.indexOf("client=");
            if (client < 0 || m.startsWith("NOQUEUE", 0) || m.contains(": reject: ")) {
                return Status.IGNORED;
            }
            start(env);
            b.sourceText(bracketed(m, client));
            String user = username(m, u + "sasl_username=".length());
            if (user == null || user.isEmpty()) {
                return Status.UNPARSED;
            }
            b.account(user).success();
            int colon = m.indexOf(':');
            if (colon > 0 && colon < client) {
                b.session(m.substring(0, colon));
            }
            out.accept(b.build());
            return Status.EVENT;
        }
        return Status.IGNORED;
    }

    private Status failure(Envelope env, String m, int f, EventSink out) {
        // "warning: unknown[203.0.113.42]: SASL LOGIN authentication failed: authentication failure"
        String ip = bracketed(m, 9);
        if (ip == null) {
            return Status.UNPARSED;
        }
        String source = Addresses.canonical(ip);
        if (source == null) {
            return Status.UNPARSED;
        }
        start(env);
        b.source(source);
        String reasonText = m.substring(Math.min(m.length(), f + " authentication failed".length()));
        Reason reason = Reason.UNSPECIFIED;
        if (reasonText.contains("authentication failure")) {
            reason = Reason.BAD_PASSWORD;
        } else if (reasonText.contains("Invalid authentication mechanism")
                || reasonText.contains("Connection lost to authentication server")) {
            return Status.IGNORED; // not a password guess
        }
        int u = m.indexOf(", sasl_username=", f);
        String user = u < 0 ? null : username(m, u + ", sasl_username=".length());
        if (user != null && !user.isEmpty()) {
            b.account(user);
        }
        b.failure(reason);
        out.accept(b.build());
        return Status.EVENT;
    }

    /**
     * The SASL user name at {@code from}: Postfix writes it last (only {@code , sasl_sender=} may follow on
     * a success), unescaped, so it runs to the line's end or to the last {@code , sasl_sender=}.
     */
    private static String username(String m, int from) {
        int sender = m.lastIndexOf(", sasl_sender=");
        return m.substring(from, sender >= from ? sender : m.length());
    }

    /** The text in the first [..] at or after {@code from}: "unknown[1.2.3.4]" → "1.2.3.4". */
    private static String bracketed(String m, int from) {
        int open = m.indexOf('[', from);
        int close = open < 0 ? -1 : m.indexOf(']', open);
        if (close < 0) {
            return null;
        }
        String v = m.substring(open + 1, close);
        return v.startsWith("IPv6:") ? v.substring(5) : v;
    }

    private void start(Envelope env) {
        b.reset().time(env.time).format("postfix").service("smtp").origin(env.ctx.file(), env.ctx.line());
    }
}
