package dev.portcullis.passwords.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * The answer of a check: accepted or not, why (empty when accepted), a strength score 0–4 (nbvcxz,
 * zxcvbn's scale: 0 too guessable … 4 very unguessable) and the estimator's feedback. This is also the
 * response body of {@code POST /api/passwords/check} ({@link #toJson()}; see docs/passwords.md):
 * <pre>{"accepted":false,"reasons":[{"code":"too_short","message":"…"}],"score":1,
 *  "feedback":{"warning":"…","suggestions":["…"]}}</pre>
 * Holds no part of the password.
 */
public record CheckResult(boolean accepted, List<Finding> reasons, int score, Feedback feedback) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public CheckResult {
        reasons = List.copyOf(reasons);
    }

    /** The strength estimator's advice: a warning (may be null) and suggestions. */
    public record Feedback(String warning, List<String> suggestions) {
        public Feedback {
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        }
    }

    /** Whether a finding with this code is among the reasons. */
    public boolean has(String code) {
        return reasons.stream().anyMatch(f -> f.code().equals(code));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
