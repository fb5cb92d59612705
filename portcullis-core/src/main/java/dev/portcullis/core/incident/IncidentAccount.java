package dev.portcullis.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One compromised account in an incident.
 *
 * @param compromisedAt the attacker's first success, as the engine saw it (may be null when unknown)
 * @param sources       the attacker's addresses seen for this account (the campaign's when none are known)
 * @param updated       when the stage last changed
 */
public record IncidentAccount(String account, AccountStage stage, Instant compromisedAt, List<String> sources,
                              Instant updated) {
    public IncidentAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stage, "stage");
        sources = List.copyOf(sources);
    }

    IncidentAccount at(AccountStage s, Instant now) {
        return new IncidentAccount(account, s, compromisedAt, sources, now);
    }
}
