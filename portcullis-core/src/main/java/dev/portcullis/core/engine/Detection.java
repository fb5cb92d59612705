package dev.portcullis.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * One attack found: its kind, when, from where, against how many accounts, how many guesses, which
 * accounts it broke into, and the evidence behind it (input locations and plain-words reasons).
 */
public record Detection(String id, AttackKind kind, Instant start, Instant end, List<String> sources,
                        int accountsTargeted, long attempts, List<String> compromised, List<String> evidence) {

    /**
     * The campaign this detection belongs to: its kind, start (epoch seconds) and first address. The
     * gate keys its detections by it and incidents are filed under it, so an offline analysis of the
     * same attack names the same campaign (and the same incident).
     */
    public String campaignKey() {
        return kind.label() + "-" + start.getEpochSecond() + "-" + (sources.isEmpty() ? "" : sources.get(0));
    }
}
