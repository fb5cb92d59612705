package dev.portcullis.ingest.text;

import dev.portcullis.core.Addresses;

/**
 * Client addresses as application logs write them, to canonical form ({@link Addresses#canonical}):
 * "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "2001:db8::1", and lists ("1.2.3.4, 5.6.7.8").
 * Never throws; null when nothing in the text is an address.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /** The canonical address of one "host[:port]" token, or null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) <= ' ' || text.charAt(from) == '"' || text.charAt(from) == '\'')) from++;
        while (to > from && (text.charAt(to - 1) <= ' ' || text.charAt(to - 1) == '"' || text.charAt(to - 1) == '\'')) to--;
        return of(text, from, to);
    }

    /** The canonical address in {@code text[from, to)}, a port after it dropped, or null. */
    public static String of(String text, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (text.charAt(from) == '[') {
            int close = text.indexOf(']', from);
            if (close < 0 || close >= to) {
                return null;
            }
            return Addresses.canonical(text, from + 1, close); // "[v6]" or "[v6]:port"
        }
        int colon = -1;
        int colons = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                colons++;
                colon = i;
            }
        }
        if (colons == 1) {
            return Addresses.canonical(text, from, colon); // "v4:port"
        }
        return Addresses.canonical(text, from, to);
    }

    /** The first address of a comma-separated list (the original client of a forwarding chain), or null. */
    public static String first(String list) {
        if (list == null) {
            return null;
        }
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            if (i == list.length() || list.charAt(i) == ',') {
                String a = of(list.substring(start, i));
                if (a != null) {
                    return a;
                }
                start = i + 1;
            }
        }
        return null;
    }

    /**
     * The last address of a comma-separated list (an X-Forwarded-For chain: the entry the nearest proxy
     * appended, where the ones before it are whatever the client claimed), or null.
     */
    public static String last(String list) {
        if (list == null) {
            return null;
        }
        int end = list.length();
        for (int i = list.length() - 1; i >= -1; i--) {
            if (i < 0 || list.charAt(i) == ',') {
                String a = of(list.substring(i + 1, end));
                if (a != null) {
                    return a;
                }
                end = i;
            }
        }
        return null;
    }

    /**
     * True when a canonical address is loopback or private (IPv4 10/8, 172.16/12, 192.168/16, 127/8;
     * IPv6 ::1 and fc00::/7): a peer that can be one's own reverse proxy, whose forwarding headers may be
     * believed. Any other peer wrote those headers itself.
     */
    public static boolean privateOrLoopback(String canonical) {
        if (canonical == null) {
            return false;
        }
        if (Addresses.isV4(canonical)) {
            int dot = canonical.indexOf('.');
            int a = (int) Text.parseLong(canonical, 0, dot);
            int dot2 = canonical.indexOf('.', dot + 1);
            int b = (int) Text.parseLong(canonical, dot + 1, dot2);
            return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
        }
        if (canonical.equals("::1")) {
            return true;
        }
        // fc00::/7: a first group of four digits starting "fc" or "fd" ("fc::1" is 00fc::1, not private)
        return canonical.indexOf(':') == 4 && canonical.charAt(0) == 'f'
                && (canonical.charAt(1) == 'c' || canonical.charAt(1) == 'd');
    }
}
