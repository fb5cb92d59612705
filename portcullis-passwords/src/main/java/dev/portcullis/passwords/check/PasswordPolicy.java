package dev.portcullis.passwords.check;

import dev.portcullis.core.config.ConfigException;
import dev.portcullis.core.config.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password check enforces (NIST SP 800-63B-4 §3.1.1.2 as the defaults). Immutable; built and
 * validated by {@link Builder#build()}, which fails fast with a message that names the key, the value
 * and the allowed range ({@link Validator}'s wording). A security threshold out of range is an error,
 * never silently clamped.
 *
 * <ul>
 *   <li>{@code min_length} (15; 15..64): minimum length in characters for single-factor accounts.</li>
 *   <li>{@code min_length_mfa} (8; 8..64, ≤ min_length): the minimum when the account has a second factor.</li>
 *   <li>{@code max_length} (256; 64..4096): NIST requires accepting at least 64.</li>
 *   <li>{@code min_points} (5; 1..20): Entra-style points a password must reach once banned terms
 *       (context words, seasons, months, years, very common words) are each counted as one point.</li>
 *   <li>{@code min_score} (3; 0..4): the lowest accepted strength score (nbvcxz, zxcvbn's 0–4 scale).</li>
 *   <li>{@code context_words}: the organisation's name, its services and products, its town — words a
 *       guesser would try for everyone here. Each 3..64 characters.</li>
 *   <li>{@code corpus}: an index file built by {@code portcullis passwords index} (optional; without
 *       it only the built-in common-password list is used).</li>
 * </ul>
 * No composition rules (NIST forbids them), no expiry.
 */
public final class PasswordPolicy {
    private final int minLength;
    private final int minLengthMfa;
    private final int maxLength;
    private final int minPoints;
    private final int minScore;
    private final List<String> contextWords;
    private final Path corpus;

    private PasswordPolicy(Builder b) {
        this.minLength = b.minLength;
        this.minLengthMfa = b.minLengthMfa;
        this.maxLength = b.maxLength;
        this.minPoints = b.minPoints;
        this.minScore = b.minScore;
        this.contextWords = List.copyOf(b.contextWords);
        this.corpus = b.corpus;
    }

    public static PasswordPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int minLength() {
        return minLength;
    }

    public int minLengthMfa() {
        return minLengthMfa;
    }

    public int maxLength() {
        return maxLength;
    }

    public int minPoints() {
        return minPoints;
    }

    public int minScore() {
        return minScore;
    }

    public List<String> contextWords() {
        return contextWords;
    }

    /** The corpus index file, or null. */
    public Path corpus() {
        return corpus;
    }

    /** Collects settings; {@link #build()} validates them all. Not thread-safe. */
    public static final class Builder {
        private int minLength = 15;
        private int minLengthMfa = 8;
        private int maxLength = 256;
        private int minPoints = 5;
        private int minScore = 3;
        private final List<String> contextWords = new ArrayList<>();
        private Path corpus;

        public Builder minLength(int v) {
            minLength = v;
            return this;
        }

        public Builder minLengthMfa(int v) {
            minLengthMfa = v;
            return this;
        }

        public Builder maxLength(int v) {
            maxLength = v;
            return this;
        }

        public Builder minPoints(int v) {
            minPoints = v;
            return this;
        }

        public Builder minScore(int v) {
            minScore = v;
            return this;
        }

        public Builder contextWords(List<String> words) {
            contextWords.addAll(words);
            return this;
        }

        public Builder corpus(Path p) {
            corpus = p;
            return this;
        }

        /** Validates every setting; a {@link ConfigException} lists every problem (keys under {@code passwords.}). */
        public PasswordPolicy build() {
            Validator v = new Validator("passwords");
            v.range("min_length", minLength, 15, 64, "NIST SP 800-63B-4 requires at least 15 for single-factor accounts");
            v.range("min_length_mfa", minLengthMfa, 8, 64, "NIST SP 800-63B-4 requires at least 8");
            if (v.problems().isEmpty()) { // compared only when both are in range, lest one error read as two
                v.check(minLengthMfa <= minLength, "min_length_mfa", String.valueOf(minLengthMfa),
                        "is more than " + v.path("min_length") + " (" + minLength + "); allowed 8.." + minLength);
            }
            v.range("max_length", maxLength, 64, 4096, "NIST SP 800-63B-4 requires accepting at least 64");
            v.range("min_points", minPoints, 1, 20, "points once banned terms count one each; Entra uses 5");
            v.range("min_score", minScore, 0, 4, "the strength estimator's scale");
            for (int i = 0; i < contextWords.size(); i++) {
                v.length("context_words[" + i + "]", contextWords.get(i), 3, 64);
            }
            v.throwIfAny();
            return new PasswordPolicy(this);
        }
    }
}
