package dev.portcullis.core;

/**
 * What a session did, for investigation: volumes from a logout line, or one mailbox action.
 * Numbers are -1 when the log did not say.
 *
 * @param bytesIn       bytes the client sent
 * @param bytesOut      bytes the server sent
 * @param messages      messages whose bodies were fetched (IMAP body_count, POP3 retr count)
 * @param messageBytes  bytes of those bodies (IMAP body_bytes, POP3 retr bytes)
 * @param deleted       messages deleted or expunged in the session
 * @param action        for mailbox events: copy, delete, expunge, save, flag_change, …
 * @param mailbox       the mailbox (folder) the action touched
 * @param detail        a short, redacted description (message subject is never kept)
 */
public record Activity(long bytesIn, long bytesOut, long messages, long messageBytes, long deleted,
                       String action, String mailbox, String detail) {

    public static Activity traffic(long bytesIn, long bytesOut, long messages, long messageBytes, long deleted) {
        return new Activity(bytesIn, bytesOut, messages, messageBytes, deleted, "logout", null, null);
    }

    public static Activity action(String action, String mailbox, String detail) {
        return new Activity(-1, -1, -1, -1, -1, action, mailbox, detail);
    }
}
