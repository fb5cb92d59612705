package dev.portcullis.ingest.format;

import dev.portcullis.core.Activity;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.text.Text;

/**
 * Dovecot's mail processes ({@code imap(user)<pid><session>:}): logout lines with volumes, POP3
 * {@code retr=}, and mail_log plugin lines (copy, delete, expunge, save…). These lines carry no client
 * address: the address of the session's successful login is remembered (bounded) and attached.
 */
final class DovecotMail {
    private static final int CAPACITY = 65_536;

    /** Per session: the client address of the successful login, for the mail process's lines. */
    private final JoinTable<String> sessionSource = new JoinTable<>(CAPACITY);
    private final AuthEvent.Builder b = AuthEvent.builder();

    /** A successful login's address, for its session's later lines. */
    void loggedIn(String session, String source) {
        if (session != null && source != null) {
            sessionSource.put(session, source);
        }
    }

    Status mail(Envelope env, String m, int paren, int colon, int body, EventSink out) {
        String process = m.substring(0, paren);
        int close = m.indexOf(')', paren);
        if (close < 0 || close > colon) {
            return Status.IGNORED;
        }
        String user = m.substring(paren + 1, close);
        // "<pid><session>" after the user, when mail_log_prefix is the default
        String session = null;
        int a = m.indexOf('<', close);
        if (a >= 0 && a < colon) {
            int a2 = m.indexOf('<', a + 1);
            if (a2 > 0 && a2 < colon) {
                int e2 = m.indexOf('>', a2);
                if (e2 > 0 && e2 <= colon) {
                    session = m.substring(a2 + 1, e2);
                }
            }
        }
        boolean logout = m.startsWith("Logged out", body) || m.startsWith("Disconnected", body)
                || m.startsWith("Connection closed", body);
        if (logout) {
            long in = Text.number(m, "in=", body);
            long outBytes = Text.number(m, "out=", body);
            long bodyCount = Text.number(m, "body_count=", body);
            long bodyBytes = Text.number(m, "body_bytes=", body);
            long deleted = Math.max(Text.number(m, "deleted=", body), Text.number(m, "expunged=", body));
            // POP3: retr=messages/bytes, del=deleted/total
            int retr = Text.find(m, "retr=", body);
            if (retr >= 0) {
                int slash = Text.skipDigits(m, retr + 5);
                bodyCount = Text.parseLong(m, retr + 5, slash);
                if (slash < m.length() && m.charAt(slash) == '/') {
                    bodyBytes = Text.parseLong(m, slash + 1, Text.skipDigits(m, slash + 1));
                }
                int del = Text.find(m, "del=", body);
                if (del >= 0) {
                    deleted = Text.parseLong(m, del + 4, Text.skipDigits(m, del + 4));
                }
            }
            if (in < 0 && outBytes < 0 && bodyCount < 0) {
                return Status.IGNORED;
            }
            start(env, DovecotFields.service(process));
            b.kind(EventKind.SESSION).account(user).session(session).attempts(0)
                    .source(sessionSource.remove(session))
                    .activity(Activity.traffic(in, outBytes, bodyCount, bodyBytes, deleted));
            out.accept(b.build());
            return Status.EVENT;
        }
        // mail_log: "copy from INBOX: box=Archive, uid=…", "delete: box=INBOX, uid=…", "save: box=…"
        int actionEnd = m.indexOf(':', body);
        if (actionEnd < 0 || !m.startsWith("box=", Math.min(actionEnd + 2, m.length()))) {
            return Status.IGNORED;
        }
        String action = m.substring(body, actionEnd);
        String from = null;
        int sp = action.indexOf(" from ");
        if (sp > 0) {
            from = action.substring(sp + 6);
            action = action.substring(0, sp);
        }
        if (action.isEmpty() || action.indexOf(' ') >= 0) {
            return Status.IGNORED;
        }
        String box = Text.value(m, "box=", actionEnd);
        String uid = Text.value(m, "uid=", actionEnd);
        long size = Text.number(m, "size=", actionEnd);
        StringBuilder detail = new StringBuilder();
        if (from != null) detail.append("from=").append(from);
        if (uid != null) detail.append(detail.length() > 0 ? " " : "").append("uid=").append(uid);
        if (size >= 0) detail.append(detail.length() > 0 ? " " : "").append("size=").append(size);
        start(env, DovecotFields.service(process));
        b.kind(EventKind.MAILBOX).account(user).session(session).attempts(0)
                .source(sessionSource.get(session))
                .activity(new Activity(-1, -1, -1, size, -1, action, box, detail.toString()));
        out.accept(b.build());
        return Status.EVENT;
    }

    private void start(Envelope env, String service) {
        b.reset().time(env.time).format("dovecot").service(service).origin(env.ctx.file(), env.ctx.line());
    }
}
