package dev.portcullis.ingest.format;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;

/**
 * Dovecot 2.0 to 2.4, through syslog or Dovecot's own log file (with its default stamp, an ISO
 * {@code log_timestamp}, or a daemontools/multilog TAI64N label — see the syslog reader). This class
 * dispatches a line to the reader of its process:
 *
 * <ul>
 *   <li>login processes ({@code imap-login}, {@code pop3-login}, {@code submission-login}…):
 *       {@code Login:} / {@code Logged in:} are successes; {@code Disconnected … (auth failed, N
 *       attempts in S secs)}, {@code Aborted login (auth failed, …)}, 2.4's {@code Login aborted: …
 *       (auth failed, …) (auth_failed)} are N failures; a proxy's {@code (proxy dest auth failed)} is
 *       one ({@link DovecotAuth});</li>
 *   <li>the auth process ({@code auth:}, {@code auth-worker(pid):}, 2.0's {@code auth(default):}) with
 *       {@code auth_verbose}: {@code passwd-file(user,ip,<session>): Password mismatch} / {@code unknown
 *       user}, likewise for {@code sql}, {@code ldap}, {@code pam}, {@code policy}…; 2.4's own-log prefix
 *       {@code auth(user,ip,sasl:mech)<session>: sql: Password mismatch}; PAM's
 *       {@code pam_unix(dovecot:auth): authentication failure; … rhost=A} ({@link DovecotAuth});</li>
 *   <li>mail processes ({@code imap(user)<pid><session>:}): logouts with volumes and mail_log lines
 *       ({@link DovecotMail}).</li>
 * </ul>
 *
 * <p>User names are the client's text: fields are read as {@link DovecotFields} describes, so no user
 * name can choose the address. Dovecot's {@code auth_verbose_passwords} suffixes ("given password: …")
 * are never copied; a 12-bit fingerprint of them becomes the event's {@code pwhash}.
 */
public final class DovecotParser implements MessageParser {
    private static final String PAM_UNIX = "pam_unix(dovecot:";
    private static final String DOUBLE_TAG = "dovecot: ";

    private final DovecotMail mail = new DovecotMail();
    private final DovecotAuth auth = new DovecotAuth(mail);

    @Override
    public String name() {
        return "dovecot";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("dovecot") || program.startsWith("dovecot/") || program.equals("dovecot-auth");
    }

    /** PAM's lines for Dovecot logged under another tag ("auth: pam_unix(dovecot:auth): …"). */
    @Override
    public boolean sniffs(String message) {
        return message.startsWith(PAM_UNIX);
    }

    /** The join of PAM's lines with Dovecot's (for tests: its size and evictions). */
    PamJoin pamJoin() {
        return auth.pamJoin();
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        if (m.startsWith(DOUBLE_TAG)) {
            m = m.substring(DOUBLE_TAG.length()); // "dovecot[442]: dovecot: auth(default): …" (2.0)
        }
        if (m.startsWith(PAM_UNIX)) {
            return auth.pamUnix(env, m, m.indexOf(": ") + 2, out);
        }
        if (m.startsWith("auth(") && !numberedAuth(m)) {
            return auth.prefixed(env, m, out); // 2.4: auth(user,ip,sasl:mech)<session>: …
        }
        int colon = DovecotFields.processEnd(m);
        if (colon < 0) {
            return Status.IGNORED;
        }
        int body = DovecotFields.skipLevel(m, colon + 2);
        if (body > m.length()) {
            return Status.IGNORED;
        }
        if (m.startsWith("auth", 0) && (m.charAt(4) == ':' || m.charAt(4) == '(' || m.startsWith("-worker", 4))) {
            return auth.auth(env, m, body, out);
        }
        int dash = m.indexOf("-login", 0);
        if (dash > 0 && dash < colon) {
            return auth.login(env, m, m.substring(0, dash), body, out);
        }
        int paren = m.indexOf('(');
        if (paren > 0 && paren < colon) {
            return mail.mail(env, m, paren, colon, body, out);
        }
        return Status.IGNORED;
    }

    /** "auth(default): " or "auth(1234): " — 2.0's process name, not 2.4's auth(user,ip,…) prefix. */
    private static boolean numberedAuth(String m) {
        if (m.startsWith("auth(default): ")) {
            return true;
        }
        int i = 5;
        while (i < m.length() && Character.isDigit(m.charAt(i))) i++;
        return i > 5 && m.startsWith("): ", i);
    }
}
