package dev.portcullis.core.engine;

/**
 * Failures of one account from one of its familiar addresses: the stale-password pattern (a phone
 * still trying the old password) rather than an attack. Times are epoch seconds.
 */
final class PairState {
    int failures;
    long firstFailure = -1;
    long lastFailure;
    String pwhash;
    int samePwhash;

    int usefulness() {
        return failures;
    }
}
