package dev.portcullis.core;

/** What an {@link AuthEvent} records. */
public enum EventKind {
    /** An authentication attempt and its outcome. */
    AUTH("auth"),
    /** The end of a logged-in session, with what it transferred (Dovecot logout lines). */
    SESSION("session"),
    /** A change to a mailbox or a message (Dovecot mail_log: copy, delete, expunge, save…). */
    MAILBOX("mailbox");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
