package dev.portcullis.core;

/**
 * Canonical IP address text, parsed by hand: the input is attacker-controlled, the JDK's
 * {@code InetAddress.getByName} may resolve names over DNS, and third-party parsers have crashed on
 * odd input (see DESIGN.md). Never throws; returns null for anything that is not an address.
 *
 * <p>Canonical forms: IPv4 dotted quad without leading zeros; IPv6 per RFC 5952 (lower case, longest
 * zero run compressed); IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) becomes the IPv4 address. Brackets
 * and a zone suffix ({@code %eth0}) are dropped.
 *
 * <p>Leading zeros in an IPv4 part are ambiguous: {@code inet_aton} (and whatever uses it: ping, many
 * firewalls' front ends) reads {@code 030} as octal 24, other readers as decimal 30, so
 * {@code 192.030.0.6} is 192.24.0.6 to one tool and 192.30.0.6 to another. No server writes a socket's
 * address that way ({@code inet_ntop} never does), so such text is not an address Portcullis may
 * block or blame: it is rejected ({@link #ambiguousV4} tells it apart from garbage). The one exception
 * is fixed-width padding, every part exactly three digits ({@code 010.001.002.003}), the convention of
 * appliances that align their columns: that is decimal.
 */
public final class Addresses {
    private Addresses() {
    }

    public static String canonical(String text) {
        return text == null ? null : canonical(text, 0, text.length());
    }

    /** Canonical form of {@code text[from, to)}, or null. */
    public static String canonical(CharSequence text, int from, int to) {
        if (text == null || from < 0 || to > text.length() || to - from < 2 || to - from > 64) {
            return null;
        }
        if (text.charAt(from) == '[' && text.charAt(to - 1) == ']') {
            from++;
            to--;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '%') { // zone id
                to = i;
                break;
            }
        }
        boolean colon = false;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                colon = true;
                break;
            }
        }
        if (!colon) {
            if (!validV4(text, from, to)) {
                return null;
            }
            if (isCanonicalV4(text, from, to)) {
                return text.subSequence(from, to).toString();
            }
            return to - from == 15 ? formatV4(packV4(text, from, to)) : null; // "010.001.002.003": padding
        }
        return v6(text, from, to);
    }

    /**
     * True when {@code text[from, to)} is a dotted quad with a leading zero in a part that is not
     * fixed-width padding ({@code 192.030.0.6}): octal to {@code inet_aton}, decimal to others, so
     * {@link #canonical} rejects it. Lets a parser tell such a line (suspect) from one with no address.
     */
    public static boolean ambiguousV4(CharSequence text, int from, int to) {
        return text != null && from >= 0 && to <= text.length() && to - from >= 7 && to - from < 15
                && validV4(text, from, to) && !isCanonicalV4(text, from, to);
    }

    private static String v6(CharSequence text, int from, int to) {
        int[] groups = parseV6(text, from, to);
        if (groups == null) {
            return null;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return formatV4((groups[6] << 16) | groups[7]);
        }
        return formatV6(groups);
    }

    /**
     * The aggregate a canonical address belongs to: its IPv4 /24 ("192.0.2.0/24") or IPv6 /64
     * ("2001:db8:1:2::/64"); null for null or non-canonical input.
     */
    public static String prefix(String canonical) {
        if (canonical == null) {
            return null;
        }
        if (canonical.indexOf(':') < 0) {
            int dot = canonical.lastIndexOf('.');
            return dot < 0 ? null : canonical.substring(0, dot) + ".0/24";
        }
        int[] g = parseV6(canonical, 0, canonical.length());
        if (g == null) {
            return null;
        }
        g[4] = g[5] = g[6] = g[7] = 0;
        return formatV6(g) + "/64";
    }

    /** Prefix of a named source that is a computer, not an address (see {@link #host}). */
    public static final String HOST = "host:";

    /**
     * A named source for an event that logs a computer name but no client address (a local Windows
     * logon, NTLM validation naming only a Workstation): "host:" and the name reduced to letters,
     * digits, '.', '-' and '_' (at most 63), upper case; null when nothing is left. Never an address:
     * nothing blocks it.
     */
    public static String host(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(HOST);
        for (int i = 0; i < name.length() && sb.length() < HOST.length() + 63; i++) {
            char c = name.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.length() == HOST.length() ? null : sb.toString();
    }

    /** True for a named computer source made by {@link #host}, which is not an address. */
    public static boolean isHost(String source) {
        return source != null && source.startsWith(HOST);
    }

    /** True when the text is an IPv4 address (any form {@link #canonical} accepts). */
    public static boolean isV4(String canonical) {
        return canonical != null && canonical.indexOf(':') < 0;
    }

    static boolean validV4(CharSequence s, int from, int to) {
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
                value = value * 10 + (c - '0');
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    private static int packV4(CharSequence s, int from, int to) {
        int result = 0;
        int value = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : '.';
            if (c == '.') {
                result = (result << 8) | value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return result;
    }

    private static boolean isCanonicalV4(CharSequence s, int from, int to) {
        // no leading zeros ("010" is not canonical)
        boolean start = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (start && c == '0' && i + 1 < to && s.charAt(i + 1) != '.') {
                return false;
            }
            start = c == '.';
        }
        return true;
    }

    private static String formatV4(int v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    /** Eight 16-bit groups, or null. Accepts "::", embedded IPv4 in the last 32 bits. */
    static int[] parseV6(CharSequence s, int from, int to) {
        int[] g = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && s.charAt(from) == ':' && s.charAt(from + 1) == ':') {
            gap = 0;
            i += 2;
            if (i == to) {
                return g;
            }
        } else if (s.charAt(from) == ':') {
            return null;
        }
        while (i < to) {
            if (n == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to && isHex(s.charAt(i))) {
                value = (value << 4) | Character.digit(s.charAt(i), 16);
                i++;
                if (i - start > 4) {
                    return null;
                }
            }
            if (i < to && s.charAt(i) == '.') {
                // embedded IPv4 must be last and fit two groups
                if (n > 6 || !validV4(s, start, to) || !isCanonicalV4(s, start, to) && to - start != 15) {
                    return null;
                }
                int v4 = packV4(s, start, to);
                g[n++] = (v4 >>> 16) & 0xffff;
                g[n++] = v4 & 0xffff;
                i = to;
                break;
            }
            if (i == start) {
                return null;
            }
            g[n++] = value;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return null; // trailing single colon
            }
        }
        if (gap < 0) {
            return n == 8 ? g : null;
        }
        if (n == 8) {
            return null;
        }
        int move = n - gap;
        int[] out = new int[8];
        System.arraycopy(g, 0, out, 0, gap);
        System.arraycopy(g, gap, out, 8 - move, move);
        return out;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static String formatV6(int[] g) {
        int bestStart = -1;
        int bestLen = 1; // RFC 5952: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) j++;
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
