package dev.portcullis.ingest.format;

import dev.portcullis.core.Reason;
import dev.portcullis.ingest.text.Text;

/**
 * Reading the fields of Dovecot lines, anchored on what Dovecot writes rather than on what a client
 * sent: user names (and given passwords) are the client's text and may contain any of {@code , ( ) < >
 * = :}. Stateless.
 *
 * <ul>
 *   <li>login lines ({@code user=<U>, method=M, rip=A, lip=B, …, session=<S>}): the LAST {@code rip=} and
 *       {@code session=<…>} are Dovecot's (nothing the client chose follows them), the user runs from the
 *       first {@code user=<} to the last {@code >} before that {@code rip=};</li>
 *   <li>auth lines ({@code driver(user,ip[,<session>|,sId=…|,sasl:mech])}): the parenthesised part is read
 *       from the right: session or mechanism, then the address, and the rest is the user.</li>
 * </ul>
 */
final class DovecotFields {
    private static final String[] LEVELS = {"Info: ", "Warning: ", "Error: ", "Debug: ", "Fatal: ", "Panic: "};

    private DovecotFields() {
    }

    /** The user, address and session read from a login line or an auth driver's arguments. */
    record Who(String user, String ip, String session) {
    }

    /** Index of the ": " that ends the process prefix ("imap(user)&lt;1&gt;&lt;s&gt;: "), or -1. */
    static int processEnd(String m) {
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

    /** Past a log level ("Info: ") at {@code i}, or {@code i}. */
    static int skipLevel(String m, int i) {
        for (String level : LEVELS) {
            if (m.startsWith(level, i)) {
                return i + level.length();
            }
        }
        return i;
    }

    static String service(String process) {
        switch (process) {
            case "imap": return "imap";
            case "pop3": return "pop3";
            case "submission": return "smtp";
            case "managesieve": return "sieve";
            default: return process;
        }
    }

    /**
     * user=, rip= and session= of a login line, anchored from the end: the last {@code rip=} at a field
     * start, the last {@code session=<…>}, the user up to the last {@code >} before that {@code rip=}.
     */
    static Who login(String m, int from) {
        int rip = lastField(m, "rip=", from);
        String ip = rip < 0 ? null : Text.value(m, "rip=", rip);
        int sess = lastField(m, "session=<", Math.max(from, rip));
        String session = null;
        if (sess >= 0) {
            int end = m.indexOf('>', sess + 9);
            session = end < 0 ? null : m.substring(sess + 9, end);
        }
        String user = null;
        int u = Text.find(m, "user=<", from);
        if (u >= 0 && (rip < 0 || u < rip)) {
            int limit = rip < 0 ? m.length() : rip;
            int end = m.lastIndexOf('>', limit - 1);
            if (end >= u + 6) {
                user = m.substring(u + 6, end);
            }
        }
        return new Who(user, ip, session);
    }

    /** Index of the last {@code key} at a field start (after ", " or at {@code from}), or -1. */
    private static int lastField(String m, String key, int from) {
        int i = m.lastIndexOf(key);
        while (i >= from) {
            if (i == from || m.charAt(i - 1) == ' ' || m.charAt(i - 1) == ',') {
                return i;
            }
            i = m.lastIndexOf(key, i - 1);
        }
        return -1;
    }

    /**
     * The arguments of an auth driver or of 2.4's {@code auth(…)} prefix, read from the right:
     * {@code user,ip}, {@code user,ip,<session>}, {@code user,ip,sId=…}, {@code user,ip,sasl:mech},
     * {@code user,ip,} (2.0's empty session field). The user is everything before the address's comma.
     */
    static Who args(String args) {
        int c2 = args.lastIndexOf(',');
        if (c2 < 0) {
            return new Who(args, null, null);
        }
        String last = args.substring(c2 + 1);
        String session = null;
        boolean third = last.isEmpty() || last.startsWith("<") || last.startsWith("sId=") || last.startsWith("sasl:");
        if (last.startsWith("<") && last.endsWith(">") && last.length() > 1) {
            session = last.substring(1, last.length() - 1);
        } else if (last.startsWith("sId=")) {
            session = last.substring(4);
        }
        if (!third) {
            return new Who(args.substring(0, c2), last, null); // "user,ip"
        }
        int c1 = args.lastIndexOf(',', c2 - 1);
        if (c1 < 0) {
            return new Who(args.substring(0, c2), null, session);
        }
        return new Who(args.substring(0, c1), args.substring(c1 + 1, c2), session);
    }

    /** The reason an auth driver's message gives for a failed guess, or null when it is no guess. */
    static Reason authReason(String msg) {
        return authReason(msg, 0);
    }

    /** {@link #authReason(String)} of the text at {@code from}, looking at its first 120 characters only. */
    static Reason authReason(String m, int from) {
        String lower = m.substring(from, Math.min(m.length(), from + 120));
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
        if (lower.contains("pam_authenticate() failed")) {
            return lower.contains("User not known") || lower.contains("user unknown")
                    ? Reason.UNKNOWN_ACCOUNT : Reason.BAD_PASSWORD;
        }
        if (lower.contains("Authentication failure")) {
            return Reason.BAD_PASSWORD;
        }
        return null;
    }

    /**
     * "…: N Time(s)" at the end of a line (a repeat summary some collectors append): N, else 1.
     */
    static int times(String msg) {
        if (!msg.endsWith(" Time(s)")) {
            return 1;
        }
        int end = msg.length() - 8;
        int start = end;
        while (start > 0 && Character.isDigit(msg.charAt(start - 1))) start--;
        if (start == end || start < 2 || msg.charAt(start - 1) != ' ' || msg.charAt(start - 2) != ':') {
            return 1;
        }
        long n = Text.parseLong(msg, start, end);
        return n < 1 || n > 10_000 ? 1 : (int) n;
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
}
