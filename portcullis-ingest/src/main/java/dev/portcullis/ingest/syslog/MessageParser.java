package dev.portcullis.ingest.syslog;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.Status;

/**
 * Reads the message part of a syslog-style record for the programs it knows. One class per program
 * family (Dovecot, Postfix, sshd…). Must never throw on any input.
 */
public interface MessageParser {
    /** The format name put on events. */
    String name();

    /** True when messages of this syslog program are this parser's (e.g. "postfix/smtpd"). */
    boolean handles(String program);

    /**
     * @return {@link Status#EVENT} when events were emitted, {@link Status#IGNORED} for a message of
     *     this program that carries nothing about authentication, {@link Status#UNPARSED} for one that
     *     does but could not be read
     */
    Status parse(Envelope env, EventSink out);

    /**
     * For programs nobody {@link #handles}: may this parser recognise the message by its content
     * alone (a Keycloak event logged by "java", a pam_unix line)? Default no.
     */
    default boolean sniffs(String message) {
        return false;
    }

    /** End of an input: emit what a join still holds (a guess waiting for its twin line). Default nothing. */
    default void finish(EventSink out) {
    }
}
