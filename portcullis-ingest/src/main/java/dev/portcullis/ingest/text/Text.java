package dev.portcullis.ingest.text;

/** Small allocation-free helpers for hand-written parsers. All return -1 / null instead of throwing. */
public final class Text {
    private Text() {
    }

    /** The non-negative number in {@code s[from, from+len)}, or -1 when a character is not a digit. */
    public static int digits(String s, int from, int len) {
        if (from < 0 || from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Index just past the run of digits starting at {@code from} (== from when none). */
    public static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    /** Parses a non-negative long in {@code s[from, to)}; -1 when empty, not digits, or too long. */
    public static long parseLong(String s, int from, int to) {
        if (from >= to || to - from > 18 || to > s.length()) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The value of {@code key} (e.g. "rip=") in a "k=v, k=v" list: the text after the key up to the next
     * {@code ','} or space (or, when the value starts with '<', up to the matching '>'). Null when absent.
     * The key must start the text or follow a space, comma, or '('.
     */
    public static String value(String s, String key, int from) {
        int i = find(s, key, from);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        if (start < s.length() && s.charAt(start) == '<') {
            int end = s.indexOf('>', start + 1);
            return end < 0 ? null : s.substring(start + 1, end);
        }
        int end = start;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (c == ',' || c == ' ' || c == ';') break;
            end++;
        }
        return s.substring(start, end);
    }

    /** Index of {@code key} at a token start (beginning, or after ' ', ',', '(', ';', '['), or -1. */
    public static int find(String s, String key, int from) {
        int i = s.indexOf(key, from);
        while (i >= 0) {
            if (i == 0) {
                return i;
            }
            char p = s.charAt(i - 1);
            if (p == ' ' || p == ',' || p == '(' || p == ';' || p == '[' || p == '\t') {
                return i;
            }
            i = s.indexOf(key, i + 1);
        }
        return -1;
    }

    /** Like {@link #value} but parsed as a non-negative long; -1 when absent or not a number. */
    public static long number(String s, String key, int from) {
        int i = find(s, key, from);
        if (i < 0) {
            return -1;
        }
        int start = i + key.length();
        return parseLong(s, start, skipDigits(s, start));
    }

    /** The text cut to {@code max} characters with an ellipsis, for samples. */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…";
    }
}
