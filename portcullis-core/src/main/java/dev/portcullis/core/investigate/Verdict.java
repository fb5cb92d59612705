package dev.portcullis.core.investigate;

/**
 * What the attacker did to an account, from least to most serious. An investigation keeps every fact;
 * the verdict is the most serious one found.
 */
public enum Verdict {
    /** No session of the attacker after the compromise (or none at all). */
    NO_ACCESS("no_access"),
    /** The attacker logged in (or acted) but fetched no message bodies and changed nothing. */
    ACCESSED("accessed"),
    /** Message bodies were fetched (IMAP body_count, POP3 retr, M365 MailItemsAccessed). */
    DOWNLOADED("downloaded"),
    /** Messages were copied, moved, deleted, expunged, saved or flagged, or folders changed. */
    ALTERED("altered"),
    /** Forwarding was set up (inbox rule or mailbox setting): mail keeps leaving after a password reset. */
    FORWARDING("forwarding");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Verdict atLeast(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
