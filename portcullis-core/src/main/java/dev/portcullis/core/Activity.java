package dev.portcullis.core;

/**
 * What a session did, for investigation: volumes from a logout line, one mailbox action, one batch
 * of mail items read (Microsoft 365 MailItemsAccessed) or a forwarding set up. Numbers are -1 when
 * the log did not say.
 *
 * <p>The last two components were added for Microsoft 365; the eight-argument constructor and the
 * factories keep older callers compiling unchanged.
 *
 * @param bytesIn       bytes the client sent
 * @param bytesOut      bytes the server sent
 * @param messages      messages whose bodies were fetched (IMAP body_count, POP3 retr count, M365 Bind
 *                      items); for a folder synchronised whole (M365 Sync) -1: the whole folder counts as read
 * @param messageBytes  bytes of those bodies (IMAP body_bytes, POP3 retr bytes)
 * @param deleted       messages deleted or expunged in the session
 * @param action        for mailbox events: copy, delete, expunge, save, flag_change, … ; for M365 {@code
 *                      mail_sync}, {@code mail_bind}, {@code forward} (see {@link #FORWARD})
 * @param mailbox       the mailbox (folder) the action touched
 * @param detail        a short, redacted description (message subject is never kept)
 * @param target        where mail goes for a forwarding (an address), else null
 * @param throttled     the service said it stopped recording this client's reads in detail (M365
 *                      IsThrottled): the true volume may be larger
 */
public record Activity(long bytesIn, long bytesOut, long messages, long messageBytes, long deleted,
                       String action, String mailbox, String detail, String target, boolean throttled) {

    /** Action of an event that sets up forwarding (an inbox rule or a mailbox setting). */
    public static final String FORWARD = "forward";
    /** Action of an M365 MailItemsAccessed record that synchronised a folder (all of it counts as read). */
    public static final String MAIL_SYNC = "mail_sync";
    /** Action of an M365 MailItemsAccessed record that read the messages it lists. */
    public static final String MAIL_BIND = "mail_bind";

    public Activity(long bytesIn, long bytesOut, long messages, long messageBytes, long deleted,
                    String action, String mailbox, String detail) {
        this(bytesIn, bytesOut, messages, messageBytes, deleted, action, mailbox, detail, null, false);
    }

    public static Activity traffic(long bytesIn, long bytesOut, long messages, long messageBytes, long deleted) {
        return new Activity(bytesIn, bytesOut, messages, messageBytes, deleted, "logout", null, null);
    }

    public static Activity action(String action, String mailbox, String detail) {
        return new Activity(-1, -1, -1, -1, -1, action, mailbox, detail);
    }

    /** Items of one folder read (M365): {@code items} -1 for a whole-folder sync. */
    public static Activity itemsRead(String action, String folder, long items, long bytes, boolean throttled) {
        return new Activity(-1, -1, items, bytes, -1, action, folder, null, null, throttled);
    }

    /** Forwarding set up: by an inbox rule ({@code detail} names it and the parameter) or a mailbox setting. */
    public static Activity forwarding(String target, String detail) {
        return new Activity(-1, -1, -1, -1, -1, FORWARD, null, detail, target, false);
    }
}
