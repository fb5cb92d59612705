package dev.portcullis.ingest.format;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.JoinTable;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.text.Text;

/**
 * Dovecot 2.3 and 2.4, through syslog or Dovecot's own log file.
 *
 * <ul>
 *   <li>login processes ({@code imap-login}, {@code pop3-login}, {@code submission-login}…):
 *       {@code Login:} / {@code Logged in:} are successes; {@code Disconnected … (auth failed, N
 *       attempts in S secs)}, {@code Aborted login (auth failed, …)} and 2.4's {@code Login aborted: …
 *       (auth failed, …) (auth_failed)} are N failures;</li>
 *   <li>the auth process ({@code auth:}, {@code auth-worker(pid):}) with {@code auth_verbose}:
 *       {@code passwd-file(user,ip,<session>): Password mismatch} / {@code unknown user}, likewise for
 *       {@code sql}, {@code ldap}, {@code pam}, {@code policy}…;</li>
 *   <li>mail processes ({@code imap(user)<pid><session>:}): logout lines with volumes, POP3
 *       {@code retr=}, and mail_log plugin lines (copy, delete, expunge, save…).</li>
 * </ul>
 *
 * <p>Counting: one guess logged by an auth line and by the login process's disconnect line counts
 * once. Both carry the session id; a bounded {@link JoinTable} keeps, per session, the guesses one
 * side has counted, so the other side's event carries only the rest (possibly 0). Mail-process lines
 * carry no client address: the address of the session's login is remembered (bounded) and attached.
 *
 * <p>Secrets: Dovecot's {@code auth_verbose_passwords} suffixes ("given password: …") are never copied;
 * a 12-bit fingerprint of them becomes the event's {@code pwhash}, as Dovecot's own policy hash would.
 */
public final class DovecotParser implements MessageParser {
    private static final int JOIN_CAPACITY = 65_536;

    /** Per session: guesses counted from auth lines (positive) or from login lines (negative). */
    private final JoinTable<int[]> guesses = new JoinTable<>(JOIN_CAPACITY);
    /** Per session: the client address of the successful login, for the mail process's lines. */
    private final JoinTable<String> sessionSource = new JoinTable<>(JOIN_CAPACITY);
    private final AuthEvent.Builder b = AuthEvent.builder();

    @Override
    public String name() {
        return "dovecot";
    }

    @Override
    public boolean handles(String program) {
        return program.equals("dovecot") || program.startsWith("dovecot/");
    }

    @Override
    public Status parse(Envelope env, EventSink out) {
        String m = env.message;
        int colon = processEnd(m);
        if (colon < 0) {
            return Status.IGNORED;
        }
        int body = colon + 2;
        body = skipLevel(m, body);
        if (body > m.length()) {
            return Status.IGNORED;
        }
        if (m.startsWith("auth", 0) && (m.charAt(4) == ':' || m.startsWith("-worker", 4))) {
            return auth(env, m, body, out);
        }
        int dash = m.indexOf("-login", 0);
        if (dash > 0 && dash < colon) {
            return login(env, m, m.substring(0, dash), body, out);
        }
        int paren = m.indexOf('(');
        if (paren > 0 && paren < colon) {
            return mail(env, m, paren, colon, body, out);
        }
        return Status.IGNORED;
    }

    /** Index of the ": " that ends the process prefix ("imap(user)<1><s>: "), or -1. */
    private static int processEnd(String m) {
        int depth = 0;
        int angle = 0;
        for (int i = 0; i < m.length() - 1; i++) {
            char c = m.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '<') angle++;
            else if (c == '>') angle--;
            else if (c == ':' && depth <= 0 && angle <= 0 && m.charAt(i + 1) == ' ') return i;
            else if (c == ' ' && depth <= 0 && angle <= 0) return -1;
        }
        return -1;
    }

    private static int skipLevel(String m, int i) {
        for (String level : LEVELS) {
            if (m.startsWith(level, i)) {
                return i + level.length();
            }
        }
        return i;
    }

    private static final String[] LEVELS = {"Info: ", "Warning: ", "Error: ", "Debug: ", "Fatal: ", "Panic: "};

    // ---- login processes -------------------------------------------------------------------

    private Status login(Envelope env, String m, String process, int body, EventSink out) {
        String service = service(process);
        if (m.startsWith("Login: ", body) || m.startsWith("Logged in: ", body)) {
            start(env, service);
            fields(m, body);
            AuthEvent e = b.success().build();
            if (e.source() == null && e.account() == null) {
                return Status.UNPARSED;
            }
            if (e.session() != null && e.source() != null) {
                sessionSource.put(e.session(), e.source());
            }
            out.accept(e);
            return Status.EVENT;
        }
        int af = m.indexOf("(auth failed, ", body);
        if (af < 0) {
            // "no auth attempts", "disconnected before greeting", plaintext disallowed: not a guess
            return Status.IGNORED;
        }
        int n = Text.digits(m, af + 14, Text.skipDigits(m, af + 14) - (af + 14));
        if (n < 0 || !m.startsWith(" attempt", Text.skipDigits(m, af + 14))) {
            return Status.UNPARSED;
        }
        start(env, service);
        fields(m, af);
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
        out.accept(e.withAttempts(n - already));
        return Status.EVENT;
    }

    /** Reads user=, rip=, session= (and method, lip) from a login line. */
    private void fields(String m, int from) {
        String user = Text.value(m, "user=", from);
        if (user != null && !user.isEmpty()) {
            b.account(user);
        }
        b.sourceText(Text.value(m, "rip=", from));
        b.session(Text.value(m, "session=", from));
    }

    private static String service(String process) {
        switch (process) {
            case "imap": return "imap";
            case "pop3": return "pop3";
            case "submission": return "smtp";
            case "managesieve": return "sieve";
            default: return process;
        }
    }

    // ---- auth process ------------------------------------------------------------------------

    private static final String[] DRIVERS = {
        "passwd-file(", "passwd(", "shadow(", "pam(", "sql(", "ldap(", "checkpassword(", "bsdauth(",
        "static(", "oauth2(", "lua(", "imap(", "dict(", "vpopmail(", "policy(", "sasl(", "login("
    };

    private Status auth(Envelope env, String m, int body, EventSink out) {
        // 2.4 may put "conn …: auth-worker<1>: " before the driver; find the driver anywhere after body
        int open = -1;
        for (String d : DRIVERS) {
            int i = m.indexOf(d, body);
            if (i >= 0 && (i == body || m.charAt(i - 1) == ' ') && (open < 0 || i < open)) {
                open = i + d.length() - 1;
            }
        }
        if (open < 0) {
            return Status.IGNORED;
        }
        int close = m.indexOf("): ", open);
        if (close < 0) {
            return Status.IGNORED;
        }
        String args = m.substring(open + 1, close);
        String msg = m.substring(close + 3);
        Reason reason = authReason(msg);
        if (reason == null) {
            return Status.IGNORED; // lookups, debug lines, internal errors: not a guess
        }
        start(env, null);
        // args: user,ip[,<session>] — user may be empty (",1.2.3.4")
        int c1 = args.indexOf(',');
        String user = c1 < 0 ? args : args.substring(0, c1);
        String ip = null;
        String session = null;
        if (c1 >= 0) {
            int c2 = args.indexOf(',', c1 + 1);
            ip = c2 < 0 ? args.substring(c1 + 1) : args.substring(c1 + 1, c2);
            if (c2 >= 0) {
                String rest = args.substring(c2 + 1);
                if (rest.startsWith("<") && rest.endsWith(">")) {
                    session = rest.substring(1, rest.length() - 1);
                } else if (rest.startsWith("sId=")) {
                    session = rest.substring(4);
                }
            }
        }
        if (!user.isEmpty() && !user.equals("?")) {
            b.account(user);
        }
        b.sourceText(ip);
        b.session(session);
        b.failure(reason);
        b.pwhash(givenFingerprint(msg));
        AuthEvent e = b.build();
        int attempts = 1;
        if (session != null) {
            int[] count = guesses.get(session);
            if (count == null) {
                guesses.put(session, new int[] {1});
            } else if (count[0] < 0) {
                attempts = 0; // the login line already counted this guess
                count[0]++;
                if (count[0] == 0) {
                    guesses.remove(session);
                }
            } else {
                count[0]++;
            }
        }
        out.accept(attempts == 1 ? e : e.withAttempts(attempts));
        return Status.EVENT;
    }

    private static Reason authReason(String msg) {
        String lower = msg.length() > 120 ? msg.substring(0, 120) : msg;
        if (lower.startsWith("unknown user") || lower.startsWith("User not found") || lower.startsWith("user not found")
                || lower.startsWith("Unknown user")) {
            return Reason.UNKNOWN_ACCOUNT;
        }
        if (lower.startsWith("Password mismatch") || lower.startsWith("password mismatch")
                || lower.contains("(password mismatch?)") || lower.startsWith("Invalid credentials")
                || lower.startsWith("invalid credentials")) {
            return Reason.BAD_PASSWORD;
        }
        if (lower.startsWith("Authentication failure due to policy server refusal")) {
            return Reason.POLICY;
        }
        if (lower.contains("Account locked") || lower.contains("account locked")) {
            return Reason.LOCKED;
        }
        if (lower.contains("Password expired") || lower.contains("password expired")
                || lower.contains("Account expired") || lower.contains("account expired")) {
            return Reason.EXPIRED;
        }
        if (lower.contains("pam_authenticate() failed") || lower.contains("Authentication failure")) {
            return lower.contains("User not known") || lower.contains("user unknown")
                    ? Reason.UNKNOWN_ACCOUNT : Reason.BAD_PASSWORD;
        }
        return null;
    }

    /**
     * A 12-bit fingerprint of the "(given password: …)" or "(SHA1 of given password: …)" suffix, or null.
     * Repeats of one wrong password share it (a phone retrying a stale password); it cannot be turned
     * back into the password. The suffix itself never leaves this method.
     */
    static String givenFingerprint(String msg) {
        int i = msg.indexOf("given password: ");
        if (i < 0) {
            return null;
        }
        int start = i + 16;
        int end = msg.lastIndexOf(')');
        if (end < start) {
            end = msg.length();
        }
        int h = 0x811c9dc5;
        for (int k = start; k < end; k++) {
            h = (h ^ msg.charAt(k)) * 0x01000193;
        }
        return String.format("%03x", (h ^ (h >>> 12) ^ (h >>> 24)) & 0xfff);
    }

    // ---- mail processes ------------------------------------------------------------------------

    private Status mail(Envelope env, String m, int paren, int colon, int body, EventSink out) {
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
            start(env, service(process));
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
        start(env, service(process));
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
