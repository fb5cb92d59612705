package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;

/**
 * solid-pop3d ({@code solid-pop3d} / {@code spop3d}), written from the failure lines it logs, each
 * ending with {@code " - ADDR"}:
 * <ul>
 *   <li>{@code authentication failed: no such user: U - A}, {@code authentication failed: can't map user
 *       name: U - A} — one failed guess on an unknown account;</li>
 *   <li>{@code authentication failed for user U - A}, {@code … for mapped user U - A}, {@code APOP
 *       authentication failed for user U - A} — one failed guess, bad password;</li>
 *   <li>{@code can't find APOP secret for user U - A} — one failed guess (APOP for a user without a
 *       secret), reason unspecified; {@code root login not allowed - A} — one guess for root, policy.</li>
 * </ul>
 * The address is the last token, after the last {@code " - "}; the user name before it is the client's
 * text and cannot move it. Service pop3. Never throws.
 */
public final class SolidPop3dParser implements MessageParser {
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "solid-pop3d";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("solid-pop3d") || program.equals("spop3d");
    }

    /** solid-pop3d's failure messages, each followed by the user name and " - ADDR". */
    private static final String[] FAILURES = {
            "authentication failed: no such user: ", "authentication failed: can't map user name: ",
            "authentication failed for mapped user ", "authentication failed for user ",
            "APOP authentication failed for user ", "can't find APOP secret for user "};
    private static final Reason[] REASONS = {
            Reason.UNKNOWN_ACCOUNT, Reason.UNKNOWN_ACCOUNT, Reason.BAD_PASSWORD, Reason.BAD_PASSWORD,
            Reason.BAD_PASSWORD, Reason.UNSPECIFIED};

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        int userAt = -1;
        Reason reason = null;
        for (int i = 0; i < FAILURES.length && reason == null; i++) {
            if (m.startsWith(FAILURES[i])) {
                userAt = FAILURES[i].length();
                reason = REASONS[i];
            }
        }
        if (reason == null) {
            if (!m.startsWith("root login not allowed - ")) {
                return Status.IGNORED;
            }
            reason = Reason.POLICY; // names no user: root
        }
        int dash = m.lastIndexOf(" - ");
        if (dash < 0 || (userAt >= 0 && dash < userAt)) {
            return Status.UNPARSED;
        }
        String source = Addresses.canonical(m, dash + 3, m.length());
        if (source == null) {
            return Status.UNPARSED;
        }
        b.reset().time(env.time).format(name()).service("pop3").origin(env.ctx.file(), env.ctx.line())
                .source(source).failure(reason);
        if (userAt < 0) {
            b.account("root");
        } else if (dash > userAt) {
            b.account(m.substring(userAt, dash));
        }
        out.accept(b.build());
        return Status.EVENT;
    }
}
