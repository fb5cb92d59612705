package dev.portcullis.respond.notify;

/** Where letters go: an SMTP server ({@link SmtpOutbox}) or, in a dry run, a directory of .eml files ({@link EmlOutbox}). */
public interface Outbox {
    /** Delivers one letter; blocks for at most the configured timeouts. */
    void send(Letter letter) throws DeliveryFailure;

    /** What this outbox is, for messages (never with a password). */
    String describe();
}
