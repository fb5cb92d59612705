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
 * OpenSSH ({@code sshd}, and {@code sshd-session} / {@code sshd-auth} since 9.8), Dropbear, and the
 * pam_unix lines in sshd's tag. The grammar is {@link SshdMessage}'s; this class unwraps
 * {@code message repeated N times: [ … ]}, reads {@code pam_unix(sshd:auth): authentication failure;}
 * (and the older {@code (pam_unix) authentication failure;}) with {@link PamParser}, and counts each
 * guess once through {@link SshdJoin}.
 *
 * <p>Counting: a "Failed password|keyboard-interactive" line is one guess unless its pam twin counted
 * it; "Invalid user U from A" and "User U from A not allowed" carry 0 attempts (the "Failed" line that
 * follows, if the client guesses at all, counts); {@code PAM N more authentication failures} adds only
 * what the connection's earlier lines did not count; {@code maximum authentication attempts exceeded}
 * and "Failed none|publickey" are no guesses. {@code ROOT LOGIN REFUSED FROM A} (PermitRootLogin) is one
 * guess for root, reason policy, the twin of the "Failed" line sshd may log next for the same attempt;
 * "User root not allowed because account is locked" names no client and is ignored.
 */
public final class SshdParser implements MessageParser {
    private final SshdJoin join = new SshdJoin();
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "sshd";
    }

    /** The join of this parser's connections, shared with the {@link PamParser} of the same run. */
    public SshdJoin join() {
        return join;
    }

    @Override
    public boolean handles(String program) {
        return program.equals("sshd") || program.startsWith("sshd-") || program.equals("sshd_config")
                || program.equals("dropbear");
    }

    @Override
    public boolean sniffs(String message) {
        return message.startsWith("pam_unix(sshd:");
    }

    @Override
    public void finish(EventSink out) {
        join.finish(out);
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        if (m.startsWith("[") && env.program.equals("dropbear")) {
            m = m.substring(dropbearStamp(m)); // journald's copy of Dropbear's stderr: "[pid] Mon DD HH:MM:SS "
        }
        int repeat = 1;
        if (m.startsWith("message repeated ")) {
            int n = Text.skipDigits(m, 17);
            repeat = Text.digits(m, 17, n - 17);
            int open = m.indexOf("[ ", n);
            if (repeat < 1 || open < 0) {
                return Status.UNPARSED;
            }
            m = m.endsWith("]") ? m.substring(open + 2, m.length() - 1) : m.substring(open + 2);
        }
        if (m.startsWith("(pam_unix) ")) {
            m = m.substring(11);
        } else if (m.startsWith("pam_unix(") && m.contains(":auth): ")) {
            m = m.substring(m.indexOf(":auth): ") + 8);
        } else if (m.startsWith("PAM ") && m.contains(" more authentication failure")) {
            return pamMore(env, m, out);
        }
        if (m.startsWith("authentication failure;")) {
            return PamParser.failure(env, m, "ssh", "sshd", join, b, out);
        }
        SshdMessage.Line line = SshdMessage.read(m);
        return switch (line.kind()) {
            case OTHER -> Status.IGNORED;
            case UNREADABLE -> Status.UNPARSED;
            default -> emit(env, line, repeat, out);
        };
    }

    /** The length of Dropbear's own "[pid] Jul 10 23:53:52 " at the start of {@code m}, or 0. */
    static int dropbearStamp(String m) {
        int close = Text.skipDigits(m, 1);
        int t = close + 2;
        if (close == 1 || close > 11 || !m.startsWith("] ", close) || m.length() < t + 16) {
            return 0;
        }
        return m.charAt(t + 3) == ' ' && m.charAt(t + 6) == ' ' && m.charAt(t + 9) == ':' && m.charAt(t + 12) == ':'
                && m.charAt(t + 15) == ' ' && Character.isLetter(m.charAt(t)) ? t + 16 : 0;
    }

    private Status emit(Envelope env, SshdMessage.Line line, int repeat, EventSink out) {
        start(env);
        if (line.account() != null) b.account(line.account());
        b.source(line.source());
        if (line.suspect()) {
            env.ctx.suspect(env.message);
        }
        Reason why = line.policy() ? Reason.POLICY : line.unknown() ? Reason.UNKNOWN_ACCOUNT : Reason.BAD_PASSWORD;
        String key = SshdJoin.key(env, line.source());
        switch (line.kind()) {
            case ACCEPTED -> {
                b.success().attempts(1);
                // PAM failures of this very attempt (a stacked module accepted) are no failures
                join.accepted(key, env.time, line.method(), b.build().account(), out);
            }
            case INVALID_USER, NOT_ALLOWED -> b.failure(why).attempts(0);
            case FAILED -> b.failure(why).attempts(join.failed(key, env.time, repeat, out));
            case DROPBEAR_FAILED -> b.failure(why).attempts(repeat);
            case PAM_ERROR, ROOT_REFUSED -> {
                b.failure(why).attempts(1);
                AuthEvent e = b.build();
                if (join.twin(key, env.time, e, out) == 1) {
                    out.accept(e); // else held: counted by the "Failed" line, or at the end of its connection
                }
                return Status.EVENT;
            }
            default -> {
                return Status.IGNORED;
            }
        }
        out.accept(b.build());
        return Status.EVENT;
    }

    private Status pamMore(Envelope env, String m, EventSink out) {
        int n = Text.digits(m, 4, Text.skipDigits(m, 4) - 4);
        if (n < 0) return Status.UNPARSED;
        String rhost = Text.value(m, "rhost=", 0);
        String user = PamParser.user(m);
        start(env);
        b.sourceText(rhost);
        if (rhost != null && !rhost.isEmpty() && Addresses.canonical(rhost) == null) {
            b.source(Addresses.host(rhost)); // a host name: a named source, never resolved (PamParser)
        }
        boolean named = user != null && !user.isEmpty();
        if (named) b.account(user);
        String key = SshdJoin.key(env, Addresses.canonical(rhost));
        int attempts = join.summary(key, env.time, n, out);
        b.failure(named ? Reason.BAD_PASSWORD : Reason.UNSPECIFIED).attempts(attempts);
        out.accept(b.build());
        return Status.EVENT;
    }

    private void start(Envelope env) {
        b.reset().time(env.time).format("sshd").service("ssh").origin(env.ctx.file(), env.ctx.line());
    }
}
