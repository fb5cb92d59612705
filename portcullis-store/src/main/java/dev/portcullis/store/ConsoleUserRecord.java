package dev.portcullis.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A console user as stored: never a password, only its hash. The console's credential check (in the
 * server) gives these fields their meaning; the store only keeps them and guards their shape.
 *
 * @param name         canonical: 1 to 64 of {@code [a-z0-9._@-]} (lower case); the key
 * @param role         the role's word ("viewer", "responder", "admin"); read back as it was written
 * @param passwordHash a PHC string ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}); anything that does not
 *                     start with {@code $} is refused, so a plain password cannot be stored by mistake
 * @param totpSecret   the RFC 6238 secret in base32 without padding, or null when the user has no second factor
 * @param lastTotpStep the last TOTP time step (30-second interval since the epoch) accepted for this user, 0 when
 *                     none; a code of a step at or below it is a replay. Moved only by {@link Store#moveTotpStep}
 *                     (compare-and-set), so the guard holds across restarts and concurrent sign-ins
 * @param created      when the user was made
 * @param createdBy    who made it (an audit actor, e.g. "cli:alice")
 * @param disabled     since when the user may not sign in, or null when it may
 */
public record ConsoleUserRecord(String name, String role, String passwordHash, String totpSecret, long lastTotpStep,
                                Instant created, String createdBy, Instant disabled) {
    /** What a stored name looks like (the server canonicalises what people type before it gets here). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9._@-]{1,64}");

    public ConsoleUserRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("console user name must be 1-64 of a-z 0-9 . _ @ - (lower case), was "
                    + (name.length() > 80 ? name.length() + " characters" : "'" + name + "'"));
        }
        if (!passwordHash.startsWith("$") || passwordHash.length() > 512) {
            throw new IllegalArgumentException("console user " + name + ": the password hash is not a PHC string");
        }
        if (totpSecret != null && !totpSecret.matches("[A-Z2-7]{16,128}")) {
            throw new IllegalArgumentException("console user " + name + ": the TOTP secret is not base32 (16-128 of A-Z 2-7)");
        }
        if (lastTotpStep < 0) {
            throw new IllegalArgumentException("console user " + name + ": lastTotpStep must be 0 or more, was " + lastTotpStep);
        }
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    public ConsoleUserRecord withPasswordHash(String hash) {
        return new ConsoleUserRecord(name, role, hash, totpSecret, lastTotpStep, created, createdBy, disabled);
    }

    /** A new second factor (or none): the replay guard starts again, it belonged to the old secret. */
    public ConsoleUserRecord withTotpSecret(String secret) {
        return new ConsoleUserRecord(name, role, passwordHash, secret, 0, created, createdBy, disabled);
    }

    public ConsoleUserRecord withDisabled(Instant since) {
        return new ConsoleUserRecord(name, role, passwordHash, totpSecret, lastTotpStep, created, createdBy, since);
    }

    /** Never prints the hash or the secret: a record may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "ConsoleUserRecord[name=" + name + ", role=" + role + ", totp=" + (hasTotp() ? "yes" : "no")
                + ", lastTotpStep=" + lastTotpStep + ", created=" + created + ", createdBy=" + createdBy
                + ", disabled=" + disabled + "]";
    }
}
