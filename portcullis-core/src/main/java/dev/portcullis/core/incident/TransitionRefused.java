package dev.portcullis.core.incident;

/** An incident or account change that the lifecycle does not allow; the message says what is allowed instead. */
public final class TransitionRefused extends IllegalStateException {
    public TransitionRefused(String message) {
        super(message);
    }
}
