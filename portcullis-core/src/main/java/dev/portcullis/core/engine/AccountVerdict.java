package dev.portcullis.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * The engine's judgement of one account: "compromised", "targeted" or "stale_credentials" (accounts
 * judged ok are not listed).
 *
 * @param compromisedAt   first success by the attacker (null unless compromised)
 * @param attackerSources the attacker's addresses that logged in to it (compromised) or failed on it
 * @param evidence        reasons in words, each with the input location where possible
 */
public record AccountVerdict(String account, String status, Instant compromisedAt, List<String> attackerSources,
                             List<String> evidence) {
}
