package dev.portcullis.core.engine;

import java.util.List;

/**
 * The engine's judgement of one address (benign ones are not listed).
 *
 * @param probes  unknown account names asked for without a password ("Invalid user U from A"), counted
 *                apart from the guesses (saturating at 32,767)
 * @param attacks ids of the detections it took part in
 * @param why     the evidence in words
 */
public record SourceVerdict(String ip, Kind verdict, long attempts, long failures, int accounts, int probes,
                            List<String> attacks, String why) {

    /**
     * What the engine concluded about an address; {@link #label()} is its word in the analyze JSON
     * report ({@code sources[].verdict}). Declared in report order: attackers, suspicious ones, then probing ones.
     */
    public enum Kind {
        ATTACKER("attacker"),
        SUSPICIOUS("suspicious"),
        /** Asked for account names that do not exist without trying a password (enumeration): no guesses. */
        PROBING("probing");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
