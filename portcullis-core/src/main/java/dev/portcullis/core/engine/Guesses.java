package dev.portcullis.core.engine;

import dev.portcullis.core.Reason;

/**
 * How one address's failed guesses spread over the accounts it named, kept only for addresses that
 * fail on a second account (few do: a user mistyping fails on one). What tells the kinds of
 * multi-account attack apart (docs/detection.md, "Which kind"):
 * <ul>
 *   <li>the account most guessed, by a weighted majority vote (Boyer–Moore): one slot, no per-account
 *       counts. {@link #votes} is a lower bound of that account's guesses, and every other account
 *       had at most (named − votes) / 2, so votes ≥ a third of the guesses means one account took
 *       the bulk of them (a dictionary against it);</li>
 *   <li>what the log says of the accounts: failures whose reason says the account does not exist,
 *       and failures whose reason implies it does (a wrong password, locked, disabled, expired);</li>
 *   <li>the password fingerprints ({@code pwhash}) where the log gives them: one password over many
 *       accounts is a spray, a different one per account a list of pairs.</li>
 * </ul>
 * Counted from the moment of allocation, seeded with the first account's guesses (all guesses until
 * then were on it; their reason is the first one's). Fingerprints are counted from allocation only. Memory: 40 bytes, plus a {@link DistinctSet} once a
 * fingerprint comes. Not thread-safe.
 */
final class Guesses {
    private String top;
    /** Lower bound of the guesses on {@link #top} beyond those on all other accounts. */
    int votes;
    /** Named failures counted here. */
    int named;
    int unknown;
    int existing;
    /** Failures that carried a password fingerprint. */
    int fingerprinted;
    /** Distinct fingerprints; null until the first. */
    DistinctSet passwords;

    /**
     * @param first  the account all {@code earlier} named failures were on
     * @param reason what the log said of the first of them, taken to hold for all of them (the same
     *               account gets the same answer: it exists or it does not)
     */
    Guesses(String first, int earlier, Reason reason) {
        top = first;
        votes = earlier;
        named = earlier;
        if (reason == Reason.UNKNOWN_ACCOUNT) {
            unknown = earlier;
        } else if (impliesAccount(reason)) {
            existing = earlier;
        }
    }

    void record(String account, int n, Reason reason, String pwhash) {
        named += n;
        if (account.equals(top)) {
            votes += n;
        } else if (votes >= n) {
            votes -= n;
        } else {
            top = account;
            votes = n - votes;
        }
        if (reason == Reason.UNKNOWN_ACCOUNT) {
            unknown += n;
        } else if (impliesAccount(reason)) {
            existing += n;
        }
        if (pwhash != null && !pwhash.isEmpty()) {
            fingerprinted += n;
            if (passwords == null) {
                passwords = new DistinctSet();
            }
            passwords.add(pwhash);
        }
    }

    /** The account most guessed (meaningful when {@link #votes} is large). */
    String top() {
        return top;
    }

    /**
     * Reasons a system gives only for an account it knows: the password was wrong, or the account is
     * locked, disabled or expired. A policy refusal is not one (a lockdown refuses any name).
     */
    static boolean impliesAccount(Reason r) {
        return r == Reason.BAD_PASSWORD || r == Reason.LOCKED || r == Reason.DISABLED || r == Reason.EXPIRED;
    }
}
