package dev.portcullis.core.engine;

/**
 * Failures of one account from one of its familiar addresses: the stale-password pattern (a phone
 * still trying the old password) rather than an attack. Times are {@link PackedTime} ints (32 bytes
 * an entry).
 */
final class PairState {
    int failures;
    private int firstFailure = PackedTime.UNSET;
    private int lastFailure;
    String pwhash;
    int samePwhash;

    int usefulness() {
        return failures;
    }

    /** Records a failure at {@code t} (clamped epoch seconds). */
    void failedAt(long t) {
        if (firstFailure() < 0) { // as ever: a time before 1970 does not count as set
            firstFailure = PackedTime.pack(t);
        }
        lastFailure = PackedTime.pack(t);
    }

    /** The first failure's time, or -1 while there is none. */
    long firstFailure() {
        return PackedTime.unpack(firstFailure, -1);
    }

    long lastFailure() {
        return PackedTime.unpack(lastFailure);
    }
}
