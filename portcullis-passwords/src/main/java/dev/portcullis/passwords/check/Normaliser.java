package dev.portcullis.passwords.check;

/**
 * Folds a password or a banned term into a canonical form before comparison, as Microsoft Entra
 * Password Protection does: lower case, then look-alike substitutions (0→o, 1/!/|→i, l→i, @/4→a,
 * $/5→s, 3→e, 7/+→t, 8→b, 9→g), so that "P@$$w0rd", "Pa55word" and "password" compare equal.
 * '1', 'l', 'i', '!' and '|' all fold to 'i' (a '1' may stand for either letter). Diacritics are
 * not removed. Stateless, thread-safe; the caller owns and zeroes the arrays.
 */
public final class Normaliser {
    private Normaliser() {
    }

    /** The canonical form of one character. */
    public static char fold(char c) {
        char l = Character.toLowerCase(c);
        switch (l) {
            case '0': return 'o';
            case '1': case '!': case '|': case 'l': return 'i';
            case '@': case '4': return 'a';
            case '$': case '5': return 's';
            case '3': return 'e';
            case '7': case '+': return 't';
            case '8': return 'b';
            case '9': return 'g';
            default: return l;
        }
    }

    /** A new array holding the canonical form of {@code s}. */
    public static char[] fold(char[] s) {
        char[] out = new char[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = fold(s[i]);
        }
        return out;
    }

    /** The canonical form of a term (banned words are not secret, so Strings are fine here). */
    public static String fold(String s) {
        char[] c = s.toCharArray();
        return new String(fold(c));
    }

    /** Whether {@code a} and {@code b} are within edit distance 1 (insert, delete or substitute one). */
    public static boolean withinOneEdit(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la < lb) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        while (i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == lb) {
            return true;
        }
        if (la == lb) {
            return a.subSequence(i + 1, la).toString().contentEquals(b.subSequence(i + 1, lb));
        }
        return a.subSequence(i + 1, la).toString().contentEquals(b.subSequence(i, lb));
    }
}
