package dev.portcullis.core;

/**
 * Text copied from a log into an event (an account name, a user agent, a session id) is whatever the
 * client sent: a user who types a password into the name field, or a crafted name, puts it there. Such
 * text is kept only when it carries no password marker (Dovecot's "given password", "password=" and
 * the like); otherwise the field is left empty. One case-insensitive scan, no regular expression.
 * {@link AuthEvent.Builder} applies it to every account, session and user agent a parser sets.
 */
public final class Untrusted {
    private static final String[] MARKERS = {"given password", "password=", "passwd=", "pwd="};

    private Untrusted() {
    }

    /** {@code s}, or null when it is null, empty, or carries a password marker. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf('=') < 0 && s.indexOf(' ') < 0) {
            // every marker holds an '=' or a space, and no other character matches those two ignoring
            // case: most names and session ids are settled by two vectorised scans (issue 11)
            return s;
        }
        int n = s.length() - 1; // a marker is at least two characters long
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 'g' || c == 'G' || c == 'p' || c == 'P') {
                // the marker's second letter is 'i' after a 'g', 'a' or 'w' after a 'p': an ASCII
                // character that is not rules the markers out (account names are full of "p"s:
                // "example.org"); a non-ASCII one may still match case-insensitively, so the check runs
                char d = s.charAt(i + 1);
                if (d < 0x80) {
                    d |= 0x20;
                    if ((c | 0x20) == 'g' ? d != 'i' : d != 'a' && d != 'w') {
                        continue;
                    }
                }
                for (String m : MARKERS) {
                    if (startsWithIgnoreCase(s, i, m)) {
                        return null;
                    }
                }
            }
        }
        return s;
    }

    /**
     * {@code s.regionMatches(true, i, marker, 0, marker.length())} for a lower-case ASCII marker, without
     * the per-character case tables while the text is ASCII.
     */
    private static boolean startsWithIgnoreCase(String s, int i, String marker) {
        int len = marker.length();
        if (i + len > s.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char c = s.charAt(i + k);
            if (c >= 0x80) {
                return s.regionMatches(true, i, marker, 0, len);
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != marker.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
