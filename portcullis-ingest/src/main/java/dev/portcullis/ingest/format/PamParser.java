package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.Text;

/**
 * pam_unix's "authentication failure" lines of network services, in the forms Linux distributions
 * logged them: the old tag {@code sshd(pam_unix)[20882]: authentication failure; … rhost=A user=U}
 * ({@code pop(pam_unix)}, {@code imap(pam_unix)}, {@code ftp(pam_unix)}…), the old message prefix
 * {@code (pam_unix) authentication failure; …} and today's {@code pam_unix(proftpd:auth): authentication
 * failure; …} from any program. Format {@code pam}.
 *
 * <p>A failure with an empty {@code rhost=} is local ({@code su}, a console login): ignored, there is no
 * remote guesser. A failure naming no {@code user=} is an unknown account. For sshd (pid shared with
 * sshd's own lines) the guess goes through the sshd join ({@link SshdJoin}), so its "Failed password"
 * twin does not count it again; an {@code rhost=} that is a host name, not an address, counts nothing
 * itself: the twin with the address does (no DNS). When no twin comes (old Red Hat logs kept only
 * pam_unix's lines), the guess is counted from the named source {@code host:NAME}: clearly not an IP,
 * attacker-influenced (reverse DNS), so never blocked, but a guesser known only by its name is found. A line with two {@code rhost=} (one inside the
 * client-chosen {@code ruser=} or {@code user=}) gets no source and is counted as suspect.
 */
public final class PamParser implements MessageParser {
    private final SshdJoin join;
    private final AuthEvent.Builder b = AuthEvent.builder();

    /** @param join the sshd join, shared with {@link SshdParser} */
    public PamParser(SshdJoin join) {
        this.join = join;
    }

    @Override
    public String name() {
        return "pam";
    }

    @Override
    public boolean handles(String program) {
        // login: its pam_unix lines (a telnet/rlogin login names rhost=); "ROOT LOGIN ON tty2" and the
        // rest of its messages are ignored
        return program.endsWith("(pam_unix)") || program.equals("proftpd") || program.equals("vsftpd")
                || program.equals("login");
    }

    @Override
    public boolean sniffs(String message) {
        return message.startsWith("pam_unix(") && !message.startsWith("pam_unix(sshd:")
                && !message.startsWith("pam_unix(dovecot:");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        if (m.startsWith("(pam_unix) ")) {
            m = m.substring(11);
        }
        String service = serviceOf(env.program, m);
        if (m.startsWith("pam_unix(")) {
            int close = m.indexOf("): ");
            if (close < 0) return Status.IGNORED;
            m = m.substring(close + 3);
        }
        if (!m.startsWith("authentication failure;")) {
            return Status.IGNORED;
        }
        return failure(env, m, service, "pam", join, b, out);
    }

    /**
     * pam_unix writes {@code user=%s} last: the name is the rest of the line (a client's name may hold
     * spaces, {@code <} or {@code >}), trailing blanks trimmed; null when no {@code user=} follows
     * {@code rhost=}.
     */
    static String user(String m) {
        int rhost = Text.find(m, "rhost=", 0);
        int u = Text.find(m, "user=", rhost < 0 ? 0 : rhost + 6);
        if (u < 0) {
            return null;
        }
        int end = m.length();
        while (end > u + 5 && m.charAt(end - 1) <= ' ') end--;
        return m.substring(u + 5, end);
    }

    /**
     * Reads "authentication failure; logname= … rhost=A user=U" for {@code service} ("ssh" joins with
     * sshd's lines). Shared with {@link SshdParser} for pam_unix lines in sshd's own tag. An {@code rhost=}
     * that is a host name gives a {@code host:NAME} source ({@link Addresses#host}), never an address.
     */
    static Status failure(Envelope env, String m, String service, String format, SshdJoin join,
                          AuthEvent.Builder b, EventSink out) {
        String rhost = Text.value(m, "rhost=", 0);
        if (rhost == null || rhost.isEmpty()) {
            return Status.IGNORED; // local (su, console login): no remote guesser
        }
        String user = user(m);
        b.reset().time(env.time).format(format).service(service).origin(env.ctx.file(), env.ctx.line());
        int second = Text.find(m, "rhost=", Text.find(m, "rhost=", 0) + 6);
        if (second >= 0) {
            // ruser= and user= are the client's words: a second "rhost=" may be forged, no source then
            env.ctx.suspect(env.message);
        } else {
            b.sourceText(rhost);
            if (Addresses.canonical(rhost) == null) {
                // a host name (the server's reverse DNS of the client: attacker-influenced, never resolved):
                // a named source, not an address, so a guesser known only by it is still found; nothing blocks it
                b.source(Addresses.host(rhost));
            }
        }
        boolean named = user != null && !user.isEmpty();
        if (named) {
            b.account(user).failure(Reason.BAD_PASSWORD);
        } else {
            b.failure(Reason.UNSPECIFIED);
        }
        boolean ssh = service.equals("ssh");
        AuthEvent e = b.attempts(1).build();
        if (ssh && join != null) {
            String key = SshdJoin.key(env, e.source());
            if (join.twin(key, env.time, e, out) == 0) {
                return Status.EVENT; // held: the "Failed" line counts it, or the end of its connection does
            }
        }
        out.accept(e);
        return Status.EVENT;
    }

    /** The service of a pam_unix line from its tag ("sshd(pam_unix)") or its PAM service ("pam_unix(proftpd:auth)"). */
    private static String serviceOf(String program, String m) {
        String name = program;
        int paren = name.indexOf('(');
        if (paren > 0) {
            name = name.substring(0, paren);
        }
        if (m.startsWith("pam_unix(")) {
            int colon = m.indexOf(':', 9);
            if (colon > 9) name = m.substring(9, colon);
        }
        return switch (name) {
            case "sshd" -> "ssh";
            case "pop", "pop3", "ipop3d", "popa3d" -> "pop3";
            case "imap", "imapd", "imap4" -> "imap";
            case "ftp", "ftpd", "proftpd", "vsftpd", "pure-ftpd" -> "ftp";
            default -> name;
        };
    }
}
