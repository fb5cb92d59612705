package dev.portcullis.core;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ("10.0.0.0/8", "2001:db8::/32", or a single address).
 * Parsed by hand through {@link Addresses} (no DNS, no third-party parser on untrusted text).
 * Immutable and thread-safe.
 */
public final class Network {
    private final byte[] bytes;
    private final int bits;
    private final String text;

    private Network(byte[] bytes, int bits) {
        this.bytes = bytes;
        this.bits = bits;
        mask(bytes, bits);
        this.text = format(bytes, bits);
    }

    /** Parses "address" or "address/bits"; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Network parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("a network is empty; expected an address or address/bits");
        }
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        String canonical = Addresses.canonical(addr);
        byte[] b = canonical == null ? null : bytes(canonical);
        if (b == null) {
            throw new IllegalArgumentException("'" + Untrusted.text(cidr) + "' is not a network: '"
                    + Untrusted.text(addr) + "' is not an IP address");
        }
        int max = b.length * 8;
        int bits = max;
        if (slash >= 0) {
            String n = s.substring(slash + 1);
            if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(n) > max) {
                throw new IllegalArgumentException("'" + Untrusted.text(cidr) + "' is not a network: the prefix length must be 0–"
                        + max);
            }
            bits = Integer.parseInt(n);
        }
        return new Network(b, bits);
    }

    /** Null when the text is not a network, for untrusted input. */
    public static Network tryParse(String cidr) {
        try {
            return parse(cidr);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when the canonical address lies in this network. */
    public boolean contains(String canonicalAddress) {
        byte[] b = canonicalAddress == null ? null : bytes(canonicalAddress);
        return b != null && contains(b);
    }

    public boolean contains(byte[] address) {
        if (address.length != bytes.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != bytes[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xff << (8 - rest)) & 0xff;
        return (address[full] & m) == (bytes[full] & 0xff);
    }

    public int bits() {
        return bits;
    }

    /** True for a single address (/32 or /128). */
    public boolean isAddress() {
        return bits == bytes.length * 8;
    }

    /** Canonical text: the address alone for a single address, else address/bits with host bits zeroed. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.bits == bits && Arrays.equals(n.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + bits;
    }

    /** The 4 or 16 bytes of a canonical address; null when it is not one. */
    public static byte[] bytes(String canonical) {
        if (canonical.indexOf(':') < 0) {
            byte[] b = new byte[4];
            int part = 0;
            int value = 0;
            int digits = 0;
            for (int i = 0; i <= canonical.length(); i++) {
                char c = i < canonical.length() ? canonical.charAt(i) : '.';
                if (c == '.') {
                    if (digits == 0 || value > 255 || part > 3) {
                        return null;
                    }
                    b[part++] = (byte) value;
                    value = 0;
                    digits = 0;
                } else if (c >= '0' && c <= '9' && digits < 3) {
                    value = value * 10 + (c - '0');
                    digits++;
                } else {
                    return null;
                }
            }
            return part == 4 ? b : null;
        }
        int[] g = Addresses.parseV6(canonical, 0, canonical.length());
        if (g == null) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (g[i] >>> 8);
            b[2 * i + 1] = (byte) g[i];
        }
        return b;
    }

    private static void mask(byte[] b, int bits) {
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            b[i] = (byte) (b[i] & ((0xff << (8 - keep)) & 0xff));
        }
    }

    private static String format(byte[] b, int bits) {
        String addr;
        if (b.length == 4) {
            addr = (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        } else {
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            }
            addr = Addresses.formatV6(g);
        }
        return bits == b.length * 8 ? addr : addr + "/" + bits;
    }
}
