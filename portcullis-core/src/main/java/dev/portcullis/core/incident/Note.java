package dev.portcullis.core.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A line in an incident's log, written by an operator or by Portcullis itself. Notes are only ever
 * appended; their position in {@link Incident#notes()} is their identity.
 *
 * @param account the account it is about, or null for the whole incident
 */
public record Note(Instant time, String author, String account, String text) {
    public Note {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }
}
