package dev.portcullis.core.investigate;

import java.time.Instant;

/**
 * One session of the attacker (or likely attacker) on an account, with what it did.
 *
 * @param source      client address, null when not logged
 * @param attribution attacker or likely attacker
 * @param why         why it is put on the attacker, in words
 * @param service     imap, pop3, sso, exchange, …
 * @param session     the server's session id, when logged
 * @param start       login (or first activity seen)
 * @param end         logout (or last activity seen)
 * @param totals      what it did (sessions = 1)
 * @param file        input of its first line
 * @param line        first line
 */
public record AttackerSession(String source, Attribution attribution, String why, String service, String session,
                              Instant start, Instant end, Totals totals, String file, long line) {
}
