package dev.portcullis.core.investigate;

/**
 * What a set of sessions did, summed. Exact even when the session list is capped.
 *
 * @param sessions      sessions (logins, and activity from the attacker's addresses without a seen login)
 * @param bytesOut      bytes sent to the client (logout {@code out=})
 * @param messages      message bodies fetched (IMAP {@code body_count}, POP3 {@code retr} count)
 * @param messageBytes  bytes of those bodies ({@code body_bytes}, POP3 {@code retr} bytes)
 * @param deleted       messages deleted or expunged as the logout line reports them ({@code deleted=}, {@code expunged=}, POP3 {@code del=})
 * @param copies        mail_log copy (and move) actions
 * @param deletes       mail_log delete actions
 * @param expunges      mail_log expunge actions
 * @param saves         mail_log save / append actions
 * @param flagChanges   mail_log flag changes
 * @param folderChanges mail_log mailbox_create / mailbox_delete / mailbox_rename and other actions
 * @param itemsRead     M365 MailItemsAccessed items listed (Bind)
 * @param foldersSynced M365 MailItemsAccessed folders synchronised whole (Sync: every item counts as read)
 * @param throttled     M365 records flagged IsThrottled: the true volume may be larger
 */
public record Totals(long sessions, long bytesOut, long messages, long messageBytes, long deleted, long copies,
                     long deletes, long expunges, long saves, long flagChanges, long folderChanges, long itemsRead,
                     long foldersSynced, long throttled) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** mail_log actions of every kind. */
    public long mailboxChanges() {
        return copies + deletes + expunges + saves + flagChanges + folderChanges;
    }

    /** True when message contents left: bodies fetched, items read or folders synchronised. */
    public boolean downloaded() {
        return messages > 0 || messageBytes > 0 || itemsRead > 0 || foldersSynced > 0;
    }

    public boolean altered() {
        return mailboxChanges() > 0 || deleted > 0;
    }

    Totals plus(Totals o) {
        return new Totals(sessions + o.sessions, bytesOut + o.bytesOut, messages + o.messages,
                messageBytes + o.messageBytes, deleted + o.deleted, copies + o.copies, deletes + o.deletes,
                expunges + o.expunges, saves + o.saves, flagChanges + o.flagChanges, folderChanges + o.folderChanges,
                itemsRead + o.itemsRead, foldersSynced + o.foldersSynced, throttled + o.throttled);
    }
}
