package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Text;

/**
 * Dovecot's authentication outcomes: the login processes' lines, the auth process's driver lines
 * ({@code auth_verbose}), 2.4's {@code auth(user,ip,sasl:mech)<session>:} prefix, and PAM's
 * {@code pam_unix(dovecot:auth)} lines.
 *
 * <p>Counting: one guess logged by an auth line and by the login process's disconnect line counts
 * once. Both carry the session id; a bounded {@link JoinTable} keeps, per session, the guesses one side
 * has counted, so the other side's event carries only the rest (possibly 0). PAM's lines carry no
 * session: once one is seen (or a {@code pam(…)} driver line), a {@link PamJoin} on address and user
 * takes them off the Dovecot lines of the same guess.
 */
final class DovecotAuth {
    private static final int JOIN_CAPACITY = 65_536;
    private static final int PAM_CAPACITY = 16_384;
    private static final String PAM_UNIX = "pam_unix(dovecot:auth): ";
    private static final String[] DRIVERS = {
        "passwd-file(", "passwd(", "shadow(", "pam(", "sql(", "ldap(", "checkpassword(", "bsdauth(",
        "static(", "oauth2(", "lua(", "imap(", "dict(", "vpopmail(", "policy(", "sasl(", "login("
    };

    /** Per session: guesses counted from auth lines (positive) or from login lines (negative). */
    private final JoinTable<int[]> guesses = new JoinTable<>(JOIN_CAPACITY);
    private final PamJoin pam = new PamJoin(PAM_CAPACITY);
    private final DovecotMail mail;
    private final AuthEvent.Builder b = AuthEvent.builder();
    /** True once this input showed PAM at work: from then on Dovecot's failures enter {@link #pam}. */
    private boolean pamSeen;

    DovecotAuth(DovecotMail mail) {
        this.mail = mail;
    }

    PamJoin pamJoin() {
        return pam;
    }

    // ---- login processes -------------------------------------------------------------------

    Status login(Envelope env, String m, String process, int body, EventSink out) {
        String service = DovecotFields.service(process);
        if (m.startsWith("Login: ", body) || m.startsWith("Logged in: ", body)) {
            start(env, service);
            who(DovecotFields.login(m, body));
            AuthEvent e = b.success().build();
            if (e.source() == null && e.account() == null) {
                return Status.UNPARSED;
            }
            mail.loggedIn(e.session(), e.source());
            out.accept(e);
            return Status.EVENT;
        }
        int n;
        int fieldsFrom;
        int af = m.indexOf("(auth failed, ", body);
        int proxy = m.indexOf("(proxy dest auth failed", body);
        if (af >= 0 && (proxy < 0 || af < proxy)) {
            int digits = Text.skipDigits(m, af + 14);
            n = Text.digits(m, af + 14, digits - (af + 14));
            if (n < 0 || !m.startsWith(" attempt", digits)) {
                return Status.UNPARSED;
            }
            fieldsFrom = af;
        } else if (proxy >= 0) {
            // a proxy's backend refused the password: one guess, or the N the proxy reports
            int close = m.indexOf(')', proxy);
            int comma = m.indexOf(", ", proxy);
            n = 1;
            if (comma >= 0 && close > comma) {
                int digits = Text.skipDigits(m, comma + 2);
                int v = Text.digits(m, comma + 2, digits - (comma + 2));
                if (v > 0 && m.startsWith(" attempt", digits)) {
                    n = v;
                }
            }
            fieldsFrom = proxy;
        } else {
            // "no auth attempts", "disconnected before greeting", "proxy dest connection failed": not a guess
            return Status.IGNORED;
        }
        start(env, service);
        who(DovecotFields.login(m, fieldsFrom));
        b.failure(Reason.UNSPECIFIED);
        AuthEvent e = b.build();
        int already = 0;
        int[] count = guesses.get(e.session());
        if (count != null && count[0] > 0) {
            already = Math.min(count[0], n);
            guesses.remove(e.session());
        } else if (e.session() != null) {
            guesses.put(e.session(), new int[] {-n}); // auth lines arriving later are already counted
        }
        emit(e, n - already, out);
        return Status.EVENT;
    }

    private void who(DovecotFields.Who w) {
        if (w.user() != null && !w.user().isEmpty()) {
            b.account(w.user());
        }
        b.sourceText(w.ip());
        b.session(w.session());
    }

    // ---- auth process ------------------------------------------------------------------------

    /** A line of the auth process ("auth: …", "auth-worker(pid): …", "auth(default): …"); {@code body} past the level. */
    Status auth(Envelope env, String m, int body, EventSink out) {
        if (m.startsWith(PAM_UNIX, body)) {
            return pamUnix(env, m, body + PAM_UNIX.length(), out);
        }
        // 2.4 may put "conn …: auth-worker<1>: " before the driver; find the driver anywhere after body
        int open = -1;
        boolean pamDriver = false;
        for (String d : DRIVERS) {
            int i = m.indexOf(d, body);
            if (i >= 0 && (i == body || m.charAt(i - 1) == ' ') && (open < 0 || i < open)) {
                open = i + d.length() - 1;
                pamDriver = d.equals("pam(");
            }
        }
        if (open < 0) {
            return Status.IGNORED;
        }
        pamSeen |= pamDriver;
        return arguments(env, m, open + 1, out);
    }

    /** Dovecot 2.4's own log: {@code auth(user,ip,sasl:mech)<session>: Info: sql: Password mismatch …}. */
    Status prefixed(Envelope env, String m, EventSink out) {
        return arguments(env, m, 5, out);
    }

    /**
     * Reads "args)[&lt;…&gt;…]: [Level: ][driver: ]outcome" with the arguments starting at {@code from}: each
     * ": " that could end the arguments is tried, the arguments read from the right, the last
     * {@code <…>} group before the ": " taken as the session.
     */
    private Status arguments(Envelope env, String m, int from, EventSink out) {
        Pick pick = new Pick();
        for (int p = m.indexOf(": ", from); p >= 0; p = m.indexOf(": ", p + 1)) {
            int q = p;
            String session = null;
            while (q > from && m.charAt(q - 1) == '>') {
                int lt = m.lastIndexOf('<', q - 1);
                if (lt < from) {
                    break;
                }
                session = m.substring(lt + 1, q - 1);
                q = lt;
            }
            if (q <= from || m.charAt(q - 1) != ')') {
                continue;
            }
            DovecotFields.Who w = DovecotFields.args(m.substring(from, q - 1));
            if (session != null) {
                w = new DovecotFields.Who(w.user(), w.ip(), session);
            }
            int rest = DovecotFields.skipLevel(m, p + 2);
            int driverEnd = m.indexOf(": ", rest);
            if (driverEnd >= 0 && driverEnd - rest < 24 && DovecotFields.authReason(m, rest) == null
                    && DovecotFields.authReason(m, driverEnd + 2) != null) {
                pick.offer(w, m, driverEnd + 2, rest); // "sql: Password mismatch"
            } else {
                pick.offer(w, m, rest, rest);
            }
        }
        return pick.emit(env, out);
    }

    /**
     * The places where an auth line's arguments could end, each followed by a known outcome. The user
     * (and a given password) may imitate the structure, so: the first place whose address is one; a line
     * whose places name different addresses, or whose user would hold a given password, is unparsed
     * rather than trusted.
     */
    private final class Pick {
        private DovecotFields.Who first;
        private DovecotFields.Who chosen;
        private String chosenIp;
        private Reason reason;
        private Reason firstReason;
        private String msg;
        private String firstMsg;
        private boolean ambiguous;

        void offer(DovecotFields.Who w, String m, int outcome, int message) {
            Reason r = DovecotFields.authReason(m, outcome);
            if (r == null) {
                return;
            }
            if (first == null) {
                first = w;
                firstReason = r;
                firstMsg = m.substring(message);
            }
            String ip = w.ip() == null ? null : ClientAddress.of(w.ip());
            if (ip == null) {
                return;
            }
            if (chosen == null) {
                chosen = w;
                chosenIp = ip;
                reason = r;
                msg = m.substring(message);
            } else if (!chosenIp.equals(ip)) {
                ambiguous = true;
            }
        }

        Status emit(Envelope env, EventSink out) {
            if (ambiguous) {
                return Status.UNPARSED; // a crafted user name makes the address ambiguous
            }
            DovecotFields.Who w = chosen != null ? chosen : first;
            if (w == null) {
                return Status.IGNORED; // lookups, debug lines, internal errors: not a guess
            }
            if (w.user() != null && w.user().contains("given password: ")) {
                return Status.UNPARSED;
            }
            return failure(env, w, chosen != null ? reason : firstReason, chosen != null ? msg : firstMsg, out);
        }
    }

    private Status failure(Envelope env, DovecotFields.Who w, Reason reason, String msg, EventSink out) {
        start(env, null);
        if (w.user() != null && !w.user().isEmpty() && !w.user().equals("?")) {
            b.account(w.user());
        }
        b.sourceText(w.ip());
        b.session(w.session());
        b.failure(reason);
        b.pwhash(DovecotFields.givenFingerprint(msg));
        AuthEvent e = b.build();
        String session = w.session();
        int attempts = DovecotFields.times(msg);
        if (session != null && !session.isEmpty()) {
            int[] count = guesses.get(session);
            if (count == null) {
                guesses.put(session, new int[] {attempts});
            } else if (count[0] < 0) {
                int met = Math.min(-count[0], attempts);
                attempts -= met; // the login line already counted these guesses
                count[0] += met;
                if (count[0] == 0) {
                    guesses.remove(session);
                }
            } else {
                count[0] += attempts;
            }
        }
        emit(e, attempts, out);
        return Status.EVENT;
    }

    // ---- PAM ---------------------------------------------------------------------------------

    /**
     * {@code pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser=U
     * rhost=A[  user=U]}. pam_unix writes {@code user=} only for an account it knows; Dovecot sets the
     * remote user to the login name. The address is the last {@code  rhost=} (the remote user is the
     * client's text and may hold a fake {@code rhost=}).
     */
    Status pamUnix(Envelope env, String m, int from, EventSink out) {
        if (!m.startsWith("authentication failure;", from)) {
            return Status.IGNORED; // session and account lines
        }
        // pam_unix writes "ruser=%s rhost=%s" then "  user=%s" for an account it knows: the remote user is
        // the client's text, so the address is the LAST " rhost=" (a known account's name has no space)
        int rhost = m.lastIndexOf(" rhost=");
        if (rhost < from) {
            return Status.UNPARSED;
        }
        int end = m.indexOf(' ', rhost + 7);
        if (end < 0) {
            end = m.length();
        }
        String source = Addresses.canonical(m, rhost + 7, end);
        if (source == null) {
            return Status.UNPARSED; // Dovecot gives PAM the address; anything else is not ours to guess
        }
        int userAt = m.startsWith("  user=", end) ? end : -1;
        String user = null;
        if (userAt >= 0) {
            user = m.substring(userAt + 7).trim();
        } else {
            int ruser = m.indexOf(" ruser=", from);
            if (ruser >= 0 && ruser < rhost) {
                user = m.substring(ruser + 7, rhost);
            }
        }
        pamSeen = true;
        start(env, null);
        b.source(source);
        if (user != null && !user.isEmpty()) {
            b.account(user);
        }
        b.failure(userAt >= 0 ? Reason.BAD_PASSWORD : Reason.UNSPECIFIED);
        AuthEvent e = b.build();
        int attempts = pam.pam(e.source(), e.accountRaw(), e.time());
        out.accept(attempts == 1 ? e : e.withAttempts(attempts));
        return Status.EVENT;
    }

    private void emit(AuthEvent e, int attempts, EventSink out) {
        if (pamSeen) {
            attempts = pam.dovecot(e.source(), e.accountRaw(), e.time(), attempts);
        }
        out.accept(attempts == e.attempts() ? e : e.withAttempts(attempts));
    }

    private void start(Envelope env, String service) {
        b.reset().time(env.time).format("dovecot").service(service).origin(env.ctx.file(), env.ctx.line());
    }
}
