package dev.portcullis.ingest.text;

import java.util.Map;

/**
 * A hand-written scanner for the fixed shape of Windows event XML ({@code <EventID>},
 * {@code <TimeCreated SystemTime=…/>}, {@code <Data Name="…">…</Data>}). It is not an XML parser on
 * purpose: it reads no DTD, resolves no external entity, builds no tree and cannot be made to loop or
 * allocate beyond the text it is given. Only the five predefined entities and numeric character
 * references are decoded; anything else is kept as written.
 *
 * <p>Every method works on a window {@code [from, to)} of a string, never throws, and returns -1 or
 * null when what it looks for is not there.
 */
public final class Xml {
    private Xml() {
    }

    /**
     * Index of the start tag {@code open} (e.g. {@code "<EventID"}) in {@code [from, to)}, where the
     * name is followed by whitespace, '>' or '/', so "&lt;Event" does not match "&lt;EventData"; or -1.
     */
    public static int tag(String s, String open, int from, int to) {
        int i = s.indexOf(open, Math.max(0, from));
        while (i >= 0 && i + open.length() < to) {
            char c = s.charAt(i + open.length());
            if (c == '>' || c == '/' || c <= ' ') {
                return i;
            }
            i = s.indexOf(open, i + 1);
        }
        return -1;
    }

    /** Index of the '>' that ends the tag starting at {@code i} (quotes respected), or -1 before {@code to}. */
    public static int tagEnd(String s, int i, int to) {
        char quote = 0;
        for (int k = i + 1; k < to; k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            } else if (c == '<') {
                return -1; // a new tag before this one ended: broken
            }
        }
        return -1;
    }

    /** The entity-decoded text of the first element {@code open…>text</…} in the window, or null. */
    public static String text(String s, String open, int from, int to) {
        int i = tag(s, open, from, to);
        if (i < 0) {
            return null;
        }
        int gt = tagEnd(s, i, to);
        if (gt < 0 || s.charAt(gt - 1) == '/') {
            return null;
        }
        int end = s.indexOf('<', gt + 1);
        if (end < 0 || end >= to) {
            return null;
        }
        return decode(s, gt + 1, end);
    }

    /** The value of attribute {@code name} in the first start tag {@code open} of the window, or null. */
    public static String attribute(String s, String open, String name, int from, int to) {
        int i = tag(s, open, from, to);
        if (i < 0) {
            return null;
        }
        int gt = tagEnd(s, i, to);
        return gt < 0 ? null : attributeIn(s, name, i + open.length(), gt);
    }

    /** The value of attribute {@code name} between {@code from} and the tag's end {@code gt}, or null. */
    public static String attributeIn(String s, String name, int from, int gt) {
        int k = from;
        while (k < gt) {
            int a = s.indexOf(name, k);
            if (a < 0 || a >= gt) {
                return null;
            }
            k = a + name.length();
            if (s.charAt(a - 1) > ' ') {
                continue; // "xName=" is another attribute
            }
            while (k < gt && s.charAt(k) <= ' ') k++;
            if (k >= gt || s.charAt(k) != '=') {
                continue;
            }
            k++;
            while (k < gt && s.charAt(k) <= ' ') k++;
            if (k >= gt) {
                return null;
            }
            char q = s.charAt(k);
            if (q != '"' && q != '\'') {
                return null;
            }
            int end = s.indexOf(q, k + 1);
            if (end < 0 || end > gt) {
                return null;
            }
            return decode(s, k + 1, end);
        }
        return null;
    }

    /**
     * Puts every {@code <Data Name="n">v</Data>} (and {@code <Data Name="n"/>} as "") of the window into
     * {@code out}, at most {@code max} of them. An unnamed {@code <Data>} (classic event sources such as
     * SQL Server's) is put as {@code paramN}, N its 1-based position among the event's Data elements, the
     * name winlogbeat gives it.
     */
    public static void data(String s, int from, int to, Map<String, String> out, int max) {
        int pos = from;
        int n = 0;
        while (out.size() < max) {
            int i = tag(s, "<Data", pos, to);
            if (i < 0) {
                return;
            }
            int gt = tagEnd(s, i, to);
            if (gt < 0) {
                return;
            }
            String name = attributeIn(s, "Name", i + 5, gt);
            n++;
            if (name == null && n <= 16) {
                name = "param" + n;
            }
            if (s.charAt(gt - 1) == '/') {
                if (name != null) out.put(name, "");
                pos = gt + 1;
                continue;
            }
            int close = s.indexOf("</Data>", gt + 1);
            if (close < 0 || close > to) {
                return;
            }
            if (name != null) {
                out.put(name, decode(s, gt + 1, close));
            }
            pos = close + 7;
        }
    }

    /** The text of {@code [from, to)} with XML's predefined entities and character references decoded. */
    public static String decode(String s, int from, int to) {
        int amp = s.indexOf('&', from);
        if (amp < 0 || amp >= to) {
            return s.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        b.append(s, from, amp);
        int i = amp;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '&') {
                b.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi >= to || semi - i > 10) {
                b.append(c);
                i++;
                continue;
            }
            int cp = entity(s, i + 1, semi);
            if (cp < 0) {
                b.append(s, i, semi + 1); // unknown entity: kept as written, never resolved
            } else {
                b.appendCodePoint(cp);
            }
            i = semi + 1;
        }
        return b.toString();
    }

    private static int entity(String s, int from, int to) {
        int n = to - from;
        if (n == 3 && s.startsWith("amp", from)) return '&';
        if (n == 2 && s.startsWith("lt", from)) return '<';
        if (n == 2 && s.startsWith("gt", from)) return '>';
        if (n == 4 && s.startsWith("quot", from)) return '"';
        if (n == 4 && s.startsWith("apos", from)) return '\'';
        if (n < 2 || s.charAt(from) != '#') {
            return -1;
        }
        int radix = 10;
        int i = from + 1;
        if (s.charAt(i) == 'x' || s.charAt(i) == 'X') {
            radix = 16;
            i++;
        }
        if (i >= to) {
            return -1;
        }
        int v = 0;
        for (; i < to; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
            if (v > Character.MAX_CODE_POINT) {
                return -1;
            }
        }
        // no NULs or lone surrogates smuggled into account names
        return v == 0 || (v >= 0xD800 && v <= 0xDFFF) ? -1 : v;
    }
}
