package dev.portcullis.core;

import java.util.Locale;

/**
 * Canonical account names: trimmed, without surrounding angle brackets or quotes, lower case.
 * Domain and alias rules an organisation configures come later (a config object, not statics).
 */
public final class Accounts {
    /** Longer names are cut: an attacker chooses them, and tables keyed by them must stay bounded. */
    public static final int MAX_LENGTH = 256;

    private Accounts() {
    }

    /**
     * The canonical form of a raw account name, or null when nothing is left of it. Idempotent:
     * surrounding blanks and pairs of brackets or quotes are removed until none is left (a name of
     * nested quotes, {@code """"}, is stripped in one call), and the cut to {@link #MAX_LENGTH} is made
     * after lower-casing, so canonical(canonical(x)) equals canonical(x).
     */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c > 0x7f) {
                s = s.toLowerCase(Locale.ROOT);
                break;
            }
        }
        int from = 0;
        int to = s.length();
        while (true) {
            while (from < to && s.charAt(from) <= ' ') from++;
            while (to > from && s.charAt(to - 1) <= ' ') to--;
            if (to - from > MAX_LENGTH) {
                to = from + MAX_LENGTH; // then trim again: the cut may end on a blank
                continue;
            }
            if (to - from >= 2 && pair(s.charAt(from), s.charAt(to - 1))) {
                from++;
                to--;
                continue;
            }
            break;
        }
        if (to <= from) {
            return null;
        }
        String out = (from == 0 && to == s.length()) ? s : s.substring(from, to);
        if (out.equals("-") || out.equals("--") || out.equals("(unknown)")) {
            return null;
        }
        return out;
    }

    private static boolean pair(char a, char b) {
        return (a == '<' && b == '>') || (a == '"' && b == '"') || (a == '\'' && b == '\'') || (a == '[' && b == ']');
    }
}
