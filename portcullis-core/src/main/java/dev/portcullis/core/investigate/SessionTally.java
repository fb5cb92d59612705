package dev.portcullis.core.investigate;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;

import java.time.Instant;

/**
 * A session being assembled (or the running sum of many): mutable, package-private, single-threaded.
 * {@link #add} folds one SESSION or MAILBOX event in and returns the words for the timeline.
 */
final class SessionTally {
    final String source;
    final Attribution attribution;
    final String why;
    String service;
    final String session;
    Instant start;
    Instant end;
    final String file;
    final long line;
    long sessions;
    long bytesOut;
    long messages;
    long messageBytes;
    long deleted;
    long copies;
    long deletes;
    long expunges;
    long saves;
    long flagChanges;
    long folderChanges;
    long itemsRead;
    long foldersSynced;
    long throttled;

    SessionTally(AuthEvent first, Attribution attribution, String why) {
        this.source = first.source();
        this.attribution = attribution;
        this.why = why;
        this.service = first.service();
        this.session = first.session();
        this.start = first.time();
        this.end = first.time();
        this.file = first.file();
        this.line = first.line();
        this.sessions = 1;
    }

    /** Folds in one event's activity; returns its description, or null when it says nothing worth a line. */
    String add(AuthEvent e) {
        if (e.time().isAfter(end)) end = e.time();
        if (e.time().isBefore(start)) start = e.time();
        if (service == null) service = e.service();
        Activity a = e.activity();
        if (a == null) {
            return null;
        }
        String action = a.action() == null ? "" : a.action();
        String box = a.mailbox() == null ? "?" : a.mailbox();
        switch (action) {
            case "logout": {
                bytesOut += Math.max(0, a.bytesOut());
                messages += Math.max(0, a.messages());
                messageBytes += Math.max(0, a.messageBytes());
                deleted += Math.max(0, a.deleted());
                StringBuilder w = new StringBuilder("session ended");
                if (a.messages() > 0 || a.messageBytes() > 0) {
                    w.append(": downloaded ").append(Math.max(0, a.messages())).append(" messages (")
                            .append(String.format("%,d", Math.max(0, a.messageBytes()))).append(" bytes)");
                } else {
                    w.append(": no message bodies fetched");
                }
                if (a.bytesOut() >= 0) w.append(", ").append(String.format("%,d", a.bytesOut())).append(" bytes sent in all");
                if (a.deleted() > 0) w.append(", ").append(a.deleted()).append(" deleted");
                return w.toString();
            }
            case "copy", "move":
                copies++;
                return action + " of a message " + (fromBox(a) == null ? "" : "from " + fromBox(a) + " ") + "to " + box;
            case "delete":
                deletes++;
                return "deleted a message in " + box;
            case "expunge":
                expunges++;
                return "expunged a message from " + box;
            case "save", "append":
                saves++;
                return "saved a message in " + box;
            case "flag_change":
                flagChanges++;
                return "changed a message's flags in " + box;
            case Activity.MAIL_BIND:
                itemsRead += Math.max(0, a.messages());
                messageBytes += Math.max(0, a.messageBytes());
                if (a.throttled()) throttled++;
                return "read " + Math.max(0, a.messages()) + " messages in " + box + " (MailItemsAccessed Bind)"
                        + (a.throttled() ? " — throttled: more may have been read" : "");
            case Activity.MAIL_SYNC:
                foldersSynced++;
                if (a.throttled()) throttled++;
                return "synchronised folder " + box + " (MailItemsAccessed Sync: every message in it counts as read)"
                        + (a.throttled() ? " — throttled: more may have been read" : "");
            case Activity.FORWARD:
                return null; // recorded as a Forwarding by the case
            default:
                folderChanges++;
                return action + " " + box;
        }
    }

    private static String fromBox(Activity a) {
        String d = a.detail();
        if (d == null || !d.startsWith("from=")) return null;
        int sp = d.indexOf(' ');
        return sp < 0 ? d.substring(5) : d.substring(5, sp);
    }

    Totals totals() {
        return new Totals(sessions, bytesOut, messages, messageBytes, deleted, copies, deletes, expunges, saves,
                flagChanges, folderChanges, itemsRead, foldersSynced, throttled);
    }

    AttackerSession toSession() {
        return new AttackerSession(source, attribution, why, service, session, start, end, totals(), file, line);
    }
}
