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

    /** The canonical form of a raw account name, or null when nothing is left of it. */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        int from = 0;
        int to = raw.length();
        while (from < to && raw.charAt(from) <= ' ') from++;
        while (to > from && raw.charAt(to - 1) <= ' ') to--;
        if (to - from >= 2) {
            char a = raw.charAt(from);
            char b = raw.charAt(to - 1);
            if ((a == '<' && b == '>') || (a == '"' && b == '"') || (a == '\'' && b == '\'')
                    || (a == '[' && b == ']')) {
                from++;
                to--;
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
        if (s.equals("-") || s.equals("--") || s.equals("(unknown)")) {
            return null;
        }
        return lower ? s : s.toLowerCase(Locale.ROOT);
    }
}
