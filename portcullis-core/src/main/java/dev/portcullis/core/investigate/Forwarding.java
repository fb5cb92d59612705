package dev.portcullis.core.investigate;

import java.time.Instant;

/**
 * Forwarding set up on an account: mail that keeps leaving after the password is reset.
 *
 * @param time        when it was set
 * @param target      the address mail goes to
 * @param how         the operation and parameter ("New-InboxRule ForwardTo, rule 'x'", "Set-Mailbox ForwardingSmtpAddress")
 * @param source      who set it (client address), null when not logged
 * @param attribution attacker, likely attacker or the account's familiar address
 * @param file        input
 * @param line        line (record) in it
 */
public record Forwarding(Instant time, String target, String how, String source, Attribution attribution,
                         String file, long line) {
}
