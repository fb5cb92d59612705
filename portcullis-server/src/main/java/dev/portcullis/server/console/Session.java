package dev.portcullis.server.console;

import dev.portcullis.server.console.auth.ConsoleUser;
import java.time.Instant;

/**
 * A signed-in console session: who, the CSRF token every change must carry, when it began (the
 * absolute limit counts from there) and when it was last used (idle expiry). Immutable: a use makes a
 * new value ({@link Sessions} keeps the latest).
 */
public record Session(String id, ConsoleUser user, String csrf, Instant started, Instant lastUsed) {

    Session used(Instant now) {
        return new Session(id, user, csrf, started, now);
    }

    @Override
    public String toString() {
        // never the id or the token: they are credentials
        return "Session[" + user.name() + ", " + user.role().word() + ", since " + started + "]";
    }
}
