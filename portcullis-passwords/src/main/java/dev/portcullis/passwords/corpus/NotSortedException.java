package dev.portcullis.passwords.corpus;

/** A streaming index build met a key smaller than the one before: the input is not sorted by hash. */
public final class NotSortedException extends Exception {
    public NotSortedException(String message) {
        super(message);
    }
}
