package dev.portcullis.core.investigate;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account to investigate: since when the attacker had it, and from which addresses.
 *
 * @param account         canonical account name
 * @param compromisedAt   the attacker's first success; null when unknown (then only the attacker's
 *                        addresses are followed, and no address counts as "new since the compromise")
 * @param attackerSources addresses known to be the attacker's (the engine's attacker sources for the
 *                        account, or given by an operator)
 */
public record Suspect(String account, Instant compromisedAt, Set<String> attackerSources) {
    public Suspect {
        Objects.requireNonNull(account, "account");
        attackerSources = Set.copyOf(attackerSources);
    }
}
