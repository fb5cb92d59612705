package dev.portcullis.core.incident;

import java.util.Locale;

/**
 * Where the response for one compromised account stands: detected → owner notified → password reset
 * confirmed → closed. An account moves one step forward at a time; it may also be closed from any
 * open stage with a note (a false positive, or an account that no longer exists). It never moves back.
 */
public enum AccountStage {
    DETECTED, NOTIFIED, RESET_CONFIRMED, CLOSED;

    /** The wire and database name: lower case with underscores. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label (case-insensitive, {@code -} or {@code _}); an unknown name is an error listing the stages. */
    public static AccountStage parse(String s) {
        String n = s == null ? "" : s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AccountStage st : values()) {
            if (st.name().equals(n)) {
                return st;
            }
        }
        throw new IllegalArgumentException("unknown account stage '" + s
                + "' (known: detected, notified, reset_confirmed, closed)");
    }

    /** The one stage that follows, or null after CLOSED. */
    public AccountStage next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }

    /** Whether a move from this stage to {@code to} is allowed; closing early needs a note (checked by the caller). */
    public boolean canMoveTo(AccountStage to) {
        return to != null && this != CLOSED && (to == next() || to == CLOSED);
    }
}
