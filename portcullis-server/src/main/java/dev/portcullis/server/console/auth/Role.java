package dev.portcullis.server.console.auth;

import java.util.Locale;

/**
 * What a console user may do. A viewer sees every page and changes nothing; a responder runs an
 * incident (blocks, allowlist, lockdown, unlock and hold, incident states and notes); an admin also
 * manages console users. Every change a responder or admin makes is in the audit trail.
 */
public enum Role {
    VIEWER, RESPONDER, ADMIN;

    /** May change the gate's state and incidents. */
    public boolean mayRespond() {
        return this != VIEWER;
    }

    /** May manage console users. */
    public boolean mayAdminister() {
        return this == ADMIN;
    }

    /** The lower-case word used in the CLI, the store and pages. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From its word; the message names the value and what is allowed. */
    public static Role of(String word) {
        for (Role r : values()) {
            if (r.word().equals(word)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + word + "' is not one of viewer, responder, admin");
    }
}
