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
        int n = s.length() - 1; // a marker is at least two characters long
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 'g' || c == 'G' || c == 'p' || c == 'P') {
                // every marker's second letter is 'i', 'a' or 'w': an ASCII character that is none of
                // them rules all four out (account names are full of "p"s: "example.org");
                // a non-ASCII one may still match case-insensitively, so the full check runs
                char d = s.charAt(i + 1);
                if (d < 0x80) {
                    d |= 0x20;
                    if (d != 'i' && d != 'a' && d != 'w') {
                        continue;
                    }
                }
                for (String m : MARKERS) {
                    if (s.regionMatches(true, i, m, 0, m.length())) {
                        return null;
                    }
                }
            }
        }
        return s;
    }
}
