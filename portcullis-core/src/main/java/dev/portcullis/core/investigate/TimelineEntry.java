package dev.portcullis.core.investigate;

import java.time.Instant;

/**
 * One line of an account's investigation timeline, in plain words.
 *
 * @param time   when (from the log)
 * @param source the client address, null when the log has none
 * @param what   what happened, in words ("downloaded 812 messages (40,112,000 bytes) over imap")
 * @param file   the input it was read from
 * @param line   the line (record) in that input
 */
public record TimelineEntry(Instant time, String source, String what, String file, long line) {
    /** "file:line", or "" when unknown. */
    public String where() {
        return file == null ? "" : file + ":" + line;
    }
}
