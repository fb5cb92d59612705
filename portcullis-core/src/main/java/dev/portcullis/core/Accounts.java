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
     * {@code canonical(canonical(x)).equals(canonical(x))}.
     */
    public static String canonical(String raw) {
        String s = once(raw);
        for (int i = 0; i < 4 && s != null; i++) {
            String again = once(s);
            if (s.equals(again)) {
                return s;
            }
            s = again; // cutting or lower-casing exposed more to trim (rare: odd input)
        }
        return s;
    }

    private static String once(String raw) {
        if (raw == null) {
            return null;
        }
        int from = 0;
        int to = raw.length();
        while (true) { // trim, then unwrap one pair of <> "" '' [], until nothing changes
            while (from < to && raw.charAt(from) <= ' ') from++;
            while (to > from && raw.charAt(to - 1) <= ' ') to--;
            if (to - from < 2) {
                break;
            }
            char a = raw.charAt(from);
            char b = raw.charAt(to - 1);
            if ((a == '<' && b == '>') || (a == '"' && b == '"') || (a == '\'' && b == '\'')
                    || (a == '[' && b == ']')) {
                from++;
                to--;
            } else {
                break;
            }
        }
        if (to <= from) {
            return null;
        }
        if (to - from > MAX_LENGTH) {
            to = from + MAX_LENGTH;
        }
        boolean lower = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c > 0x7f) {
                lower = false;
                break;
            }
        }
        String s = (from == 0 && to == raw.length()) ? raw : raw.substring(from, to);
        if (!lower) {
            s = s.toLowerCase(Locale.ROOT);
            if (s.length() > MAX_LENGTH) {
                s = s.substring(0, MAX_LENGTH);
            }
        }
        if (s.equals("-") || s.equals("--") || s.equals("(unknown)")) {
            return null;
        }
        return s;
    }
}
