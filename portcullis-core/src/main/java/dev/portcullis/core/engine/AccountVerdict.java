package dev.portcullis.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * The engine's judgement of one account (accounts judged ok are not listed).
 *
 * @param compromisedAt   first success by the attacker (null unless compromised)
 * @param attackerSources the attacker's addresses that logged in to it (compromised) or failed on it
 * @param evidence        reasons in words, each with the input location where possible
 */
public record AccountVerdict(String account, Status status, Instant compromisedAt, List<String> attackerSources,
                             List<String> evidence) {

    /**
     * What the engine concluded about an account; {@link #label()} is its word in the analyze JSON
     * report ({@code accounts[].status}). Declared in report order: the most urgent first.
     */
    public enum Status {
        COMPROMISED("compromised"),
        STALE_CREDENTIALS("stale_credentials"),
        TARGETED("targeted");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The status with this report word, or null when there is none (input read from a report). */
        public static Status ofLabel(String label) {
            for (Status s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            return null;
        }
    }
}
