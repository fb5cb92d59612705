package dev.portcullis.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * One attack found: its kind, when, from where, against how many accounts, how many guesses, which
 * accounts it broke into, and the evidence behind it (input locations and plain-words reasons).
 */
public record Detection(String id, AttackKind kind, Instant start, Instant end, List<String> sources,
                        int accountsTargeted, long attempts, List<String> compromised, List<String> evidence) {
}
