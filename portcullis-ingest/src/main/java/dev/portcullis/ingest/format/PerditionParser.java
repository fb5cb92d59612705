package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.ClientAddress;

import java.util.Locale;

/**
 * perdition, the IMAP/POP3 proxy ({@code perdition}, {@code perdition.imaps}, {@code perdition.pop3s}…),
 * written from its {@code Auth:} line:
 * {@code Auth: CLIENT:PORT->SERVER:PORT client-secure=… authorisation_id=… authentication_id="U"
 * server="…" protocol=IMAP4S server-secure=… status="…"} (older versions: {@code user="U"}).
 * {@code status="ok"} is a success; a status naming an authentication failure ({@code failed: local
 * authentication failure}, {@code failed: Re-Authentication Failure}: the back-end refused the
 * credentials) is one failed guess, reason unspecified; other statuses (a back-end it could not reach)
 * and "Fatal Error reading authentication information" (a client that left before giving credentials)
 * are no guess and ignored. The client address is the first field, before any client text; the status is
 * the last {@code status="…"}, the account runs from {@code authentication_id="} to the last
 * {@code " server="}. Service from {@code protocol=}. Never throws.
 */
public final class PerditionParser implements MessageParser {
    private static final String AUTH = "Auth: ";

    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "perdition";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("perdition") || program.startsWith("perdition.");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        if (!m.startsWith(AUTH)) {
            return Status.IGNORED;
        }
        int arrow = m.indexOf("->", AUTH.length());
        int sp = m.indexOf(' ', AUTH.length());
        if (arrow < 0 || (sp >= 0 && sp < arrow)) {
            return Status.UNPARSED;
        }
        String source = client(m, AUTH.length(), arrow);
        int status = m.lastIndexOf(" status=\"");
        if (source == null || status < 0 || !m.endsWith("\"")) {
            return Status.UNPARSED;
        }
        String st = m.substring(status + 9, m.length() - 1);
        boolean ok = st.equals("ok");
        if (!ok && !st.toLowerCase(Locale.ROOT).contains("authentication failure")) {
            return Status.IGNORED;
        }
        int proto = m.lastIndexOf(" protocol=", status);
        String service = proto < 0 ? "mail" : m.regionMatches(true, proto + 10, "POP", 0, 3) ? "pop3"
                : m.regionMatches(true, proto + 10, "IMAP", 0, 4) ? "imap" : "mail";
        b.reset().time(env.time).format(name()).service(service).origin(env.ctx.file(), env.ctx.line())
                .source(source);
        String key = m.indexOf(" authentication_id=\"", arrow) >= 0 ? " authentication_id=\"" : " user=\"";
        int user = m.indexOf(key, arrow);
        int server = m.lastIndexOf("\" server=\"", status);
        if (user >= 0 && server > user) {
            b.account(m.substring(user + key.length(), server));
        }
        if (ok) {
            b.success();
        } else {
            b.failure(Reason.UNSPECIFIED);
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    /**
     * "192.0.2.1:2274", "[2001:db8::1]:2274"; an unbracketed IPv6 is read with its port after the last
     * colon (perdition always writes the port), never as a longer address.
     */
    private static String client(String m, int from, int to) {
        if (m.charAt(from) == '[') {
            return ClientAddress.of(m, from, to);
        }
        int colon = m.lastIndexOf(':', to - 1);
        if (colon < from || colon + 1 == to) {
            return Addresses.canonical(m, from, to);
        }
        for (int i = colon + 1; i < to; i++) {
            if (m.charAt(i) < '0' || m.charAt(i) > '9') return null;
        }
        return Addresses.canonical(m, from, colon);
    }
}
