package dev.portcullis.core.gate;

import dev.portcullis.core.engine.PackedTime;

/**
 * Smart-lockout counters of one account: failures from familiar and from unfamiliar addresses,
 * counted separately inside a window, and the fingerprints of the last {@value #HASHES} wrong
 * passwords (the same wrong password typed again, or a phone retrying it, counts once, exactly). Kept
 * in a bounded table. Not thread-safe (the gate's thread only).
 *
 * <p>Memory layout (JDK 17, compressed oops): 48 bytes, whatever the fingerprints, as long as they
 * are Dovecot's (lowercase hex, {@code auth_policy_hash_truncate} bits: 3 digits by default): one of
 * up to {@value #SHORT_DIGITS} lowercase hex digits is stored as an int, {@code digits << 28 | value},
 * so it needs no String of its own, and equal ints mean equal strings. Any other fingerprint keeps its
 * String in a parallel array allocated the first time one comes (24 bytes). The last failure's time
 * is a {@link PackedTime}.
 */
final class Guard {
    private static final int HASHES = 4;
    private static final int SHORT_DIGITS = 7;

    int unfamiliar;
    int familiar;
    private int lastFailure = PackedTime.UNSET;
    /** The fingerprint ring: slot i holds a short code, or 0 when empty or when {@link #strings}[i] holds it. */
    private int code0;
    private int code1;
    private int code2;
    private int code3;
    private String[] strings;
    private byte next;

    /** Counts a failure unless its fingerprint was seen; returns whether it counted. */
    boolean fail(boolean fromFamiliar, String pwhash, long now, long windowSeconds) {
        now = PackedTime.clamp(now);
        if (expired(now, windowSeconds)) {
            unfamiliar = 0;
            familiar = 0;
            code0 = code1 = code2 = code3 = 0;
            strings = null;
        }
        lastFailure = PackedTime.pack(now);
        if (pwhash != null && !pwhash.isEmpty()) {
            int code = code(pwhash);
            for (int i = 0; i < HASHES; i++) {
                if (code != 0 ? code == code(i) : strings != null && pwhash.equals(strings[i])) {
                    return false;
                }
            }
            if (code == 0 && strings == null) {
                strings = new String[HASHES];
            }
            code(next, code);
            if (strings != null) {
                strings[next] = code == 0 ? pwhash : null;
            }
            next = (byte) ((next + 1) % HASHES);
        }
        if (fromFamiliar) {
            familiar++;
        } else {
            unfamiliar++;
        }
        return true;
    }

    /** Failures still counting at {@code now} for a login from a familiar or unfamiliar address. */
    int failures(boolean fromFamiliar, long now, long windowSeconds) {
        if (expired(PackedTime.clamp(now), windowSeconds)) {
            return 0;
        }
        return fromFamiliar ? familiar : unfamiliar;
    }

    int usefulness() {
        return unfamiliar + familiar;
    }

    /** No failure yet, or the last one is older than the window (all counts are zero in the first case). */
    private boolean expired(long now, long windowSeconds) {
        return lastFailure == PackedTime.UNSET || now - PackedTime.unpack(lastFailure) > windowSeconds;
    }

    /** The int standing for a short lowercase hex fingerprint, or 0 when it is not one. */
    static int code(String pwhash) {
        int n = pwhash.length();
        if (n == 0 || n > SHORT_DIGITS) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = pwhash.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                return 0;
            }
            value = value << 4 | d;
        }
        return n << 28 | value;
    }

    private int code(int i) {
        return switch (i) {
            case 0 -> code0;
            case 1 -> code1;
            case 2 -> code2;
            default -> code3;
        };
    }

    private void code(int i, int code) {
        switch (i) {
            case 0 -> code0 = code;
            case 1 -> code1 = code;
            case 2 -> code2 = code;
            default -> code3 = code;
        }
    }
}
