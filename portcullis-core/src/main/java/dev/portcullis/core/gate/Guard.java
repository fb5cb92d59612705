package dev.portcullis.core.gate;

/**
 * Smart-lockout counters of one account: failures from familiar and from unfamiliar addresses,
 * counted separately inside a window, and the fingerprints of the last few wrong passwords (the same
 * wrong password typed again, or a phone retrying it, counts once). About 80 bytes; kept in a bounded
 * table. Not thread-safe (the gate's thread only).
 */
final class Guard {
    private static final int HASHES = 4;

    int unfamiliar;
    int familiar;
    long lastFailure;
    private String[] hashes;
    private int next;

    /** Counts a failure unless its fingerprint was seen; returns whether it counted. */
    boolean fail(boolean fromFamiliar, String pwhash, long now, long windowSeconds) {
        if (now - lastFailure > windowSeconds) {
            unfamiliar = 0;
            familiar = 0;
            hashes = null;
        }
        lastFailure = now;
        if (pwhash != null && !pwhash.isEmpty()) {
            if (hashes == null) {
                hashes = new String[HASHES];
            }
            for (String h : hashes) {
                if (pwhash.equals(h)) {
                    return false;
                }
            }
            hashes[next] = pwhash;
            next = (next + 1) % HASHES;
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
        if (now - lastFailure > windowSeconds) {
            return 0;
        }
        return fromFamiliar ? familiar : unfamiliar;
    }

    int usefulness() {
        return unfamiliar + familiar;
    }
}
