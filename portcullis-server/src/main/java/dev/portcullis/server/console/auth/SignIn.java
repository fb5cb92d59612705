package dev.portcullis.server.console.auth;

import java.time.Instant;

/**
 * The console's credential check: a local user's password (Argon2id hash) and TOTP code (RFC 6238).
 * It knows nothing of HTTP; the web layer asks the gate's engine first (smart lockout on the
 * console's own sign-in) and reports the outcome to it afterwards.
 *
 * <p>Contract: never throws on any input; a refusal does not say which of name, password or code was
 * wrong (the reason is for the audit trail only); the password is never stored, logged or kept after
 * the call (the caller clears the array).
 */
public interface SignIn {

    Outcome check(String name, char[] password, String totpCode, Instant now);

    /** The result of one check. {@code user} is null when refused; {@code reason} is for the audit trail. */
    record Outcome(ConsoleUser user, String reason) {
        public static Outcome ok(ConsoleUser u) {
            return new Outcome(u, null);
        }

        public static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }

        public boolean accepted() {
            return user != null;
        }
    }
}
