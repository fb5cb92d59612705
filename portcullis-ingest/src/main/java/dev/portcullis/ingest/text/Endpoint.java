package dev.portcullis.ingest.text;

import dev.portcullis.core.Addresses;

/** Client addresses as Microsoft logs write them: with or without a port, bracketed IPv6, forwarded lists. */
public final class Endpoint {
    private Endpoint() {
    }

    /**
     * The canonical address of "1.2.3.4:5678", "[2001:db8::1]:5678", "1.2.3.4" or "2001:db8::1"
     * (a bare IPv6 address has no port), or null when it is not an address.
     */
    public static String address(String s) {
        return s == null ? null : address(s, 0, s.length());
    }

    public static String address(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') from++;
        while (to > from && s.charAt(to - 1) <= ' ') to--;
        if (to - from < 2) {
            return null;
        }
        if (s.charAt(from) == '[') {
            int close = s.indexOf(']', from);
            return close < 0 || close >= to ? null : Addresses.canonical(s, from + 1, close);
        }
        int colon = s.indexOf(':', from);
        if (colon >= 0 && colon < to) {
            int second = s.indexOf(':', colon + 1);
            if (second < 0 || second >= to) {
                return Addresses.canonical(s, from, colon); // one colon: IPv4 with a port
            }
        }
        return Addresses.canonical(s, from, to);
    }

    /**
     * The first (client-most) address of an X-Forwarded-For value: "203.0.113.9, 10.0.0.1", IIS's
     * "203.0.113.9,+10.0.0.1", each possibly with a port; null when the first one is not an address.
     */
    public static String firstForwarded(String s) {
        if (s == null) {
            return null;
        }
        int end = s.indexOf(',');
        if (end < 0) {
            end = s.length();
        }
        int from = 0;
        while (from < end && (s.charAt(from) == '+' || s.charAt(from) <= ' ')) from++;
        return address(s, from, end);
    }
}
