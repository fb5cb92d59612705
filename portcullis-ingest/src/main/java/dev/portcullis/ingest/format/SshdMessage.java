package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.ingest.text.ClientAddress;
import dev.portcullis.ingest.text.Text;

import java.util.Locale;

/**
 * The grammar of OpenSSH's (and Dropbear's) own authentication messages, without the syslog envelope:
 * {@code Failed|Accepted METHOD for [invalid user ]U from ADDR port N sshN[: key material]},
 * {@code Invalid user U from ADDR [port N]}, {@code User U from ADDR not allowed because …}, macOS
 * {@code error: PAM: Authentication failure|authentication error for [illegal user ]U from HOST [via ADDR]},
 * Dropbear {@code Bad password attempt for 'U' from ADDR:PORT}, {@code Bad PAM password attempt for 'U'
 * from ADDR:PORT} and {@code Login attempt for nonexistent user from ADDR:PORT}. Older OpenSSH forms:
 * {@code Illegal user U from ADDR} (before 3.8, for "Invalid user"), {@code … for illegal user U …}, and
 * {@code … from ADDR port N} with no {@code sshN} (before 3.9), or {@code … from ADDR} ending the line, both
 * only on a line too short to have been cut ({@link #PROTOCOL_LESS_MAX}). Shared by the syslog reader and the Windows OpenSSH channel.
 *
 * <p>Anchoring: the user name is the client's choice and may contain spaces, {@code " from "} and a fake
 * {@code "port N ssh2"}. The source is read from the fixed structure at the end: the anchor
 * {@code " from ADDR port N sshN"} that ends the line or is followed by {@code ": "} (key material, which
 * never contains another anchor). A line with two such anchors naming different addresses cannot be
 * told apart from a forged user name: it gets no source and no account, still counts its guess, and is
 * marked {@link Line#suspect()}; so is a line whose text after {@code "sshN: "} holds another
 * {@code " from "} (an ssh1 {@code ruser} or hostbased client name: the client's words). Nothing here
 * resolves a name (no DNS).
 */
public final class SshdMessage {
    private SshdMessage() {
    }

    /** The anchor's address is an IPv4 with a leading zero ({@link Addresses#ambiguousV4}). */
    private static final String AMBIGUOUS = new String("ambiguous");

    /** What a message is about. */
    public enum Kind {
        /** A failed password (or keyboard-interactive) guess. */
        FAILED,
        /** A successful login. */
        ACCEPTED,
        /** "Invalid user U from A": names an unknown account, guesses nothing by itself. */
        INVALID_USER,
        /** "User U from A not allowed because …": refused by policy, the "Failed" line that follows counts. */
        NOT_ALLOWED,
        /** macOS "error: PAM: … for U from A": the twin of the "Failed …" line that follows. */
        PAM_ERROR,
        /**
         * "ROOT LOGIN REFUSED FROM A [port N]": PermitRootLogin refused root after its credentials were
         * checked; a guess for root, the twin of the "Failed …" line sshd logs next for it.
         */
        ROOT_REFUSED,
        /** A Dropbear failure: a guess of its own (Dropbear logs each once). */
        DROPBEAR_FAILED,
        /** A message with no authentication meaning (or a "Failed none/publickey", which guesses no password). */
        OTHER,
        /** An authentication message whose structure could not be read. */
        UNREADABLE
    }

    /**
     * One message read.
     *
     * @param kind    what it is
     * @param method  "password", "keyboard-interactive/pam", "publickey"…, or null
     * @param account the user name as logged (null when absent, unknown or ambiguous)
     * @param source  the canonical client address, or null
     * @param unknown true when sshd says the account does not exist ("invalid user")
     * @param policy  true for a refusal by configuration (AllowUsers, DenyUsers…)
     * @param suspect true when the line has two anchors naming different addresses (a forged user name),
     *                a second "from" after "sshN: ", or an anchor whose IPv4 has a leading zero (no source
     *                then; the account is kept in that last case only)
     * @param host    a host name logged where an address would be (macOS PAM, UseDNS), or null
     */
    public record Line(Kind kind, String method, String account, String source, boolean unknown, boolean policy,
                       boolean suspect, String host) {
        static final Line OTHER = new Line(Kind.OTHER, null, null, null, false, false, false, null);
        static final Line UNREADABLE = new Line(Kind.UNREADABLE, null, null, null, false, false, false, null);
    }

    /** Reads one sshd message (after the syslog tag, after any "message repeated" wrapper). Never throws. */
    public static Line read(String m) {
        if (m == null) {
            return Line.UNREADABLE;
        }
        if (m.startsWith("Failed ")) {
            int sp = m.indexOf(' ', 7);
            if (sp < 0) return Line.UNREADABLE;
            String method = m.substring(7, sp);
            if (method.equals("none") || method.equals("publickey") || method.equals("hostbased")) {
                return Line.OTHER; // no password guessed
            }
            return userFrom(m, sp + 1, Kind.FAILED, method);
        }
        if (m.startsWith("Accepted ")) {
            int sp = m.indexOf(' ', 9);
            if (sp < 0) return Line.UNREADABLE;
            return userFrom(m, sp + 1, Kind.ACCEPTED, m.substring(9, sp));
        }
        if (m.startsWith("Invalid user ") || m.startsWith("invalid user ") || m.startsWith("Illegal user ")
                || m.startsWith("illegal user ")) {
            return invalidUser(m); // "Illegal user": OpenSSH before 3.8's words for the same
        }
        if (m.startsWith("User ") && m.contains(" not allowed because ")) {
            int because = m.lastIndexOf(" not allowed because ");
            if (m.startsWith("account is locked", because + 21) || m.startsWith("shell ", because + 21)) {
                // "User root not allowed because account is locked" / "… shell /x does not exist": sshd
                // names no client here; the "Failed" line that follows, if any, counts the guess
                return Line.OTHER;
            }
            int from = m.lastIndexOf(" from ", because);
            if (from < 5) return Line.UNREADABLE;
            String source = Addresses.canonical(m, from + 6, because);
            if (source == null) return Line.UNREADABLE;
            return new Line(Kind.NOT_ALLOWED, "password", m.substring(5, from), source, false, true, false, null);
        }
        if (m.startsWith("ROOT LOGIN REFUSED FROM ")) {
            return rootRefused(m);
        }
        if (m.startsWith("error: PAM: ")) {
            return macPam(m);
        }
        if (m.regionMatches(true, 0, "Bad password attempt for ", 0, 25)) {
            return dropbear(m, 25, false);
        }
        if (m.regionMatches(true, 0, "Bad PAM password attempt for ", 0, 29)) {
            return dropbear(m, 29, false); // Dropbear built with PAM: the name is the client's, printable
        }
        if (m.regionMatches(true, 0, "Login attempt for nonexistent user", 0, 34)) {
            return dropbear(m, 34, true);
        }
        return Line.OTHER;
    }

    /** Reads "for [invalid user ]U from ADDR port N sshN[: …]" at {@code i}. */
    private static Line userFrom(String m, int i, Kind kind, String method) {
        if (!m.startsWith("for ", i)) {
            return Line.UNREADABLE;
        }
        i += 4;
        boolean unknown = false;
        if (m.startsWith("invalid user ", i)) {
            i += 13;
            unknown = true;
        } else if (m.startsWith("illegal user ", i)) {
            i += 13;
            unknown = true;
        }
        int chosen = -1;
        String source = null;
        boolean suspect = false;
        // every " from " that starts an anchor ending the line or followed by ": "
        for (int f = m.indexOf(" from ", i); f >= 0; f = m.indexOf(" from ", f + 1)) {
            String a = anchor(m, f);
            if (a == null) {
                int sp = m.indexOf(' ', f + 6);
                if (anchorEnd(m, f) < 0 || sp < 0 || !Addresses.ambiguousV4(m, f + 6, sp)) continue;
                a = AMBIGUOUS; // "192.030.0.6": an anchor, but no address to take (octal or decimal?)
            }
            if (chosen < 0) {
                chosen = f;
                source = a;
            } else if (!a.equals(source)) {
                suspect = true;
            }
        }
        if (chosen < 0) {
            return Line.UNREADABLE;
        }
        int end = anchorEnd(m, chosen);
        if (end < m.length() && m.indexOf(" from ", end) >= 0) {
            // text after "sshN: " names another "from": an ssh1 "ruser" or a hostbased client name, the
            // client's words; a line sshd writes for a password has nothing there. Which "from" is the
            // socket's cannot be told for sure: no source, no account, the guess still counted
            suspect = true;
        }
        if (suspect) {
            return new Line(kind, method, null, null, unknown, false, true, null);
        }
        String account = m.substring(i, chosen);
        if (source == AMBIGUOUS) {
            // sshd never writes an address with a leading zero: the line did not come from its socket
            // as is; the guess counts, with its name, against no address
            source = null;
            suspect = true;
        }
        if (account.equals("<invalid username>")) { // Solaris, macOS
            account = null;
            unknown = true;
        }
        return new Line(kind, method, account == null || account.isEmpty() ? null : account, source, unknown, false,
                suspect, null);
    }

    /**
     * The canonical address of the anchor " from ADDR port N sshN" at {@code f} when it ends the line or
     * is followed by ": ", or of " from ADDR port N" ending the line (OpenSSH before 3.9 wrote no
     * protocol), else null.
     */
    private static String anchor(String m, int f) {
        int sp = m.indexOf(' ', f + 6);
        return anchorEnd(m, f) < 0 ? null : Addresses.canonical(m, f + 6, sp < 0 ? m.length() : sp);
    }

    /**
     * The longest message whose protocol-less anchor ("… from ADDR port N" or "… from ADDR" ending it)
     * is believed. sshd formats a message into a 1024-byte buffer and syslog may cut it shorter: a client
     * sending a user name of about a kilobyte ending in " from 10.0.0.1 port 22" could have the real
     * anchor cut off, leaving its own at the end. A line this short cannot have been cut; a longer one
     * without " sshN" is not read (it shows as not understood).
     */
    static final int PROTOCOL_LESS_MAX = 480;

    /** Where the anchor at {@code f} ends (the line's end or the ": " after it), or -1 when none is there. */
    private static int anchorEnd(String m, int f) {
        int a = f + 6;
        int sp = m.indexOf(' ', a);
        if (sp < 0) {
            // "… from ADDR" ending the line, no port (an old or patched sshd)
            return m.length() <= PROTOCOL_LESS_MAX && Addresses.canonical(m, a, m.length()) != null ? m.length() : -1;
        }
        if (!m.startsWith(" port ", sp)) return -1;
        int d = Text.skipDigits(m, sp + 6);
        if (d == sp + 6) return -1;
        if (d == m.length()) return m.length() <= PROTOCOL_LESS_MAX ? d : -1; // "… port N": an old sshd's line
        if (!m.startsWith(" ssh", d)) return -1;
        int e = Text.skipDigits(m, d + 4);
        if (e == d + 4) return -1;
        if (e != m.length() && !m.startsWith(": ", e)) return -1;
        return e;
    }

    /** "Invalid user U from ADDR" or "… from ADDR port N": the address ends the line. */
    private static Line invalidUser(String m) {
        int end = m.length();
        int from = m.lastIndexOf(" from ");
        if (from < 13) return Line.UNREADABLE;
        int sp = m.indexOf(' ', from + 6);
        if (sp >= 0) {
            int d = Text.skipDigits(m, sp + 6);
            if (!m.startsWith(" port ", sp) || d == sp + 6 || d != end) return Line.UNREADABLE;
            end = sp;
        }
        String source = Addresses.canonical(m, from + 6, end);
        boolean ambiguous = source == null && Addresses.ambiguousV4(m, from + 6, end); // "192.030.0.6": suspect
        if (source == null && !ambiguous) return Line.UNREADABLE;
        String account = m.substring(13, from);
        return new Line(Kind.INVALID_USER, "password", account.isEmpty() ? null : account, source, true, false,
                ambiguous, null);
    }

    /**
     * "ROOT LOGIN REFUSED FROM ADDR", "… FROM ADDR port N", either with " [preauth]": the whole line is
     * sshd's own words around an address from the socket (no client text), read strictly.
     */
    private static Line rootRefused(String m) {
        int a = 24;
        int end = m.length();
        if (m.endsWith(" [preauth]")) {
            end -= 10;
        }
        int sp = m.indexOf(' ', a);
        if (sp >= 0 && sp < end) {
            int d = Text.skipDigits(m, sp + 6);
            if (!m.startsWith(" port ", sp) || d == sp + 6 || d != end) return Line.UNREADABLE;
        } else {
            sp = end;
        }
        String source = Addresses.canonical(m, a, sp);
        if (source == null) return Line.UNREADABLE;
        return new Line(Kind.ROOT_REFUSED, null, "root", source, false, true, false, null);
    }

    /**
     * macOS / FreeBSD: "error: PAM: Authentication failure for U from HOST", "… authentication error for
     * illegal user U from HOST", "… from HOST via ADDR". HOST is often a name: no source then.
     */
    private static Line macPam(String m) {
        int i = 12;
        String lower = m.substring(i, Math.min(m.length(), i + 30)).toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("authentication failure for ") || lower.startsWith("authentication error for "))) {
            return Line.OTHER;
        }
        i = m.indexOf(" for ", i) + 5;
        boolean unknown = false;
        if (m.startsWith("illegal user ", i) || m.startsWith("invalid user ", i)) {
            i += 13;
            unknown = true;
        }
        int end = m.length();
        int via = m.lastIndexOf(" via ");
        if (via > i && m.indexOf(' ', via + 5) < 0) {
            end = via; // "via ADDR" is the local interface the client came in on, not the client
        }
        int from = m.lastIndexOf(" from ", end);
        int space = from < 0 ? -1 : m.indexOf(' ', from + 6);
        if (from < i || (space >= 0 && space < end)) {
            return Line.UNREADABLE;
        }
        String token = m.substring(from + 6, end);
        String source = Addresses.canonical(token);
        String account = m.substring(i, from);
        if (account.equals("<invalid username>")) {
            account = null;
            unknown = true;
        }
        return new Line(Kind.PAM_ERROR, "keyboard-interactive/pam", account == null || account.isEmpty() ? null : account,
                source, unknown, false, false, source == null ? token : null);
    }

    /** Dropbear: "Bad password attempt for 'U' from ADDR:PORT", "Login attempt for nonexistent user from ADDR:PORT". */
    private static Line dropbear(String m, int i, boolean unknown) {
        int from = m.lastIndexOf(" from ");
        if (from < i - 1 || m.indexOf(' ', from + 6) >= 0) return Line.UNREADABLE;
        String token = m.substring(from + 6);
        // Dropbear writes "HOST:PORT" with no brackets, for IPv6 too ("2001:db8::5:2222"): the port is
        // always after the last colon (a bracketed "[v6]:port" is read as such)
        int colon = token.lastIndexOf(':');
        String source = token.startsWith("[") ? ClientAddress.of(token)
                : colon > 0 && Text.skipDigits(token, colon + 1) == token.length() && colon + 1 < token.length()
                ? Addresses.canonical(token, 0, colon) : null;
        if (source == null) return Line.UNREADABLE;
        String account = null;
        String name = m.substring(i, from).trim();
        if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
            account = name.substring(1, name.length() - 1);
        }
        return new Line(Kind.DROPBEAR_FAILED, "password", account == null || account.isEmpty() ? null : account,
                source, unknown, false, false, null);
    }
}
