package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.Text;

/**
 * OpenSSH ({@code sshd}, and {@code sshd-session} / {@code sshd-auth} since 9.8) and pam_unix:
 * {@code Failed password for [invalid user] U from IP port P ssh2}, {@code Accepted password|publickey
 * for U from IP …}, {@code Invalid user U from IP}, {@code message repeated N times: [ … ]},
 * {@code PAM N more authentication failures; … rhost=IP user=U},
 * {@code pam_unix(sshd:auth): authentication failure; … rhost=IP user=U},
 * ({@code maximum authentication attempts exceeded for U from IP} is ignored: it follows the
 * connection's last "Failed" line, or refused public keys, and is no guess of its own).
 *
 * <p>Counting: with PAM, one guess is logged twice (pam_unix, then "Failed password"), and "Invalid
 * user" precedes the first "Failed password for invalid user" of a connection. A pam_unix failure that
 * names no user (an unknown one) counts nothing: the "Failed password for invalid user X" line after
 * it counts the guess, with its name. Per sshd process (pid)
 * a bounded table keeps the lines already counted, so each guess counts once; "PAM N more
 * authentication failures" adds only what the connection's earlier lines did not count.
 */
public final class SshdParser implements MessageParser {
    private static final int JOIN_CAPACITY = 16_384;

    /** Per pid: [0] = guesses counted by a line whose twin is still to come, [1] = guesses counted. */
    private final JoinTable<int[]> byPid = new JoinTable<>(JOIN_CAPACITY);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "sshd";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("sshd") || program.startsWith("sshd-") || program.equals("sshd_config");
    }

    @Override
    public boolean sniffs(String message) {
        return message.startsWith("pam_unix(sshd:");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
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
        if (m.startsWith("Failed ")) {
            return failed(env, m, repeat, out);
        }
        if (m.startsWith("Accepted ")) {
            int sp = m.indexOf(' ', 9);
            if (sp < 0) return Status.UNPARSED;
            String method = m.substring(9, sp);
            return userFrom(env, m, sp + 1, method, true, null, 1, out);
        }
        if (m.startsWith("Invalid user ") || m.startsWith("invalid user ")) {
            Status s = userFrom(env, "for " + m.substring(13), 0, "password", false, Reason.UNKNOWN_ACCOUNT,
                    repeat, out);
            if (s == Status.EVENT) {
                pending(env.pid)[0] += repeat;
            }
            return s;
        }
        if (m.startsWith("User ") && m.contains(" not allowed because ")) {
            // "User root from 1.2.3.4 not allowed because not listed in AllowUsers": refused by policy;
            // sshd then logs "Failed password" for the same guess, which this one already counts
            int from = m.indexOf(" from ");
            int because = m.indexOf(" not allowed because ");
            if (from < 5 || because < from) return Status.UNPARSED;
            start(env);
            b.account(m.substring(5, from)).sourceText(m.substring(from + 6, because)).failure(Reason.POLICY).attempts(repeat);
            if (env.pid != null) {
                int[] ledger = pending(env.pid);
                ledger[0] += repeat;
                ledger[1] += repeat;
            }
            out.accept(b.build());
            return Status.EVENT;
        }
        if (m.startsWith("pam_unix(") && m.contains(":auth): authentication failure;")) {
            return pamFailure(env, m, out);
        }
        if (m.startsWith("PAM ") && m.contains(" more authentication failure")) {
            int n = Text.digits(m, 4, Text.skipDigits(m, 4) - 4);
            if (n < 0) return Status.UNPARSED;
            int[] ledger = env.pid == null ? null : byPid.get(env.pid);
            int counted = ledger == null ? 0 : ledger[1];
            int attempts = Math.max(0, n + 1 - counted);
            return pamSummary(env, m, attempts, out);
        }
        if (m.startsWith("error: maximum authentication attempts exceeded for ")) {
            // follows the "Failed …" line of the connection's last guess (already counted), or a run of
            // public keys offered and refused (no password guessed): never a guess of its own
            return Status.IGNORED;
        }
        return Status.IGNORED;
    }

    private Status failed(Envelope env, String m, int repeat, EventSink out) {
        int sp = m.indexOf(' ', 7);
        if (sp < 0) return Status.UNPARSED;
        String method = m.substring(7, sp);
        if (method.equals("none") || method.equals("publickey") || method.equals("hostbased")) {
            return Status.IGNORED; // not a password guess
        }
        return userFrom(env, m, sp + 1, method, false, null, repeat, out);
    }

    /** Reads "for [invalid user ]U from IP port P" at {@code i}. */
    private Status userFrom(Envelope env, String m, int i, String method, boolean success, Reason reason,
                            int repeat, EventSink out) {
        if (!m.startsWith("for ", i)) {
            return Status.UNPARSED;
        }
        i += 4;
        Reason why = reason == null ? Reason.BAD_PASSWORD : reason;
        if (m.startsWith("invalid user ", i)) {
            i += 13;
            why = Reason.UNKNOWN_ACCOUNT;
        }
        // the user name may contain spaces: the address follows the last " from "
        int from = m.lastIndexOf(" from ");
        if (from < i) {
            return Status.UNPARSED;
        }
        String user = m.substring(i, from);
        int ipStart = from + 6;
        int ipEnd = m.indexOf(' ', ipStart);
        if (ipEnd < 0) ipEnd = m.length();
        start(env);
        if (!user.isEmpty()) b.account(user);
        b.sourceText(m.substring(ipStart, ipEnd));
        if (success) {
            b.success();
        } else {
            b.failure(why);
        }
        int attempts = repeat;
        if (!success && reason == null) {
            // a "Failed …" line: its guess may already be counted by pam_unix or "Invalid user"
            int[] ledger = env.pid == null ? null : byPid.get(env.pid);
            if (ledger != null && ledger[0] > 0) {
                int covered = Math.min(ledger[0], attempts);
                ledger[0] -= covered;
                attempts -= covered;
            }
            if (env.pid != null) pending(env.pid)[1] += attempts;
        } else if (!success && env.pid != null) {
            pending(env.pid)[1] += attempts;
        }
        b.attempts(attempts);
        out.accept(b.build());
        return Status.EVENT;
    }

    private Status pamFailure(Envelope env, String m, EventSink out) {
        String user = Text.value(m, "user=", 0);
        if (user == null || user.isEmpty()) {
            // an unknown user: pam_unix names nobody, sshd's "Failed password for invalid user X" that
            // follows names the account: that line counts the guess
            return pamSummary(env, m, 0, out);
        }
        Status s = pamSummary(env, m, 1, out);
        if (s == Status.EVENT && env.pid != null) {
            int[] ledger = pending(env.pid);
            ledger[0]++;
            ledger[1]++;
        }
        return s;
    }

    private Status pamSummary(Envelope env, String m, int attempts, EventSink out) {
        String rhost = Text.value(m, "rhost=", 0);
        String user = Text.value(m, "user=", 0);
        start(env);
        b.sourceText(rhost);
        if (user != null && !user.isEmpty()) {
            b.account(user);
        }
        b.failure(user == null || user.isEmpty() ? Reason.UNSPECIFIED : Reason.BAD_PASSWORD).attempts(attempts);
        out.accept(b.build());
        return Status.EVENT;
    }

    private int[] pending(String pid) {
        int[] v = byPid.get(pid);
        if (v == null) {
            v = new int[2];
            byPid.put(pid, v);
        }
        return v;
    }

    private void start(Envelope env) {
        b.reset().time(env.time).format("sshd").service("ssh").origin(env.ctx.file(), env.ctx.line());
    }
}
