package dev.portcullis.core.gate;

/**
 * What the gate answers a login: allow, delay (seconds) or reject, with a reason code for metrics and
 * logs and a message a user may see. {@code enforced} is false in log-only mode: the gate decided, but
 * the front end is told to allow.
 */
public record Decision(Verdict verdict, int delaySeconds, String reason, String message, boolean enforced) {

    public enum Verdict { ALLOW, DELAY, REJECT }

    public static final Decision ALLOW = new Decision(Verdict.ALLOW, 0, "ok", "", true);

    static Decision allow(String reason) {
        return new Decision(Verdict.ALLOW, 0, reason, "", true);
    }

    static Decision delay(int seconds, String reason) {
        return new Decision(Verdict.DELAY, seconds, reason, "", true);
    }

    static Decision reject(String reason, String message) {
        return new Decision(Verdict.REJECT, 0, reason, message, true);
    }

    Decision unenforced() {
        return verdict == Verdict.ALLOW ? this : new Decision(verdict, delaySeconds, reason, message, false);
    }

    /** The status Dovecot's auth policy and wforce clients read: 0 allow, seconds to delay, −1 reject. */
    public int status() {
        if (!enforced) {
            return 0;
        }
        return switch (verdict) {
            case ALLOW -> 0;
            case DELAY -> delaySeconds;
            case REJECT -> -1;
        };
    }
}
