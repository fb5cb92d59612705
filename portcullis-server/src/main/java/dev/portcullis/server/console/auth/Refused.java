package dev.portcullis.server.console.auth;

import java.util.List;

/**
 * A change to console users refused for bad input: which field ("name", "role", "password", "totp") and
 * every reason, in words a person acts on (a form shows them beside the field, the CLI prints them and
 * exits 2). Never carries a password.
 */
public final class Refused extends IllegalArgumentException {
    private final String field;
    private final List<String> reasons;

    public Refused(String field, List<String> reasons) {
        super(message(field, reasons));
        this.field = field;
        this.reasons = List.copyOf(reasons);
    }

    public Refused(String field, String reason) {
        this(field, List.of(reason));
    }

    public String field() {
        return field;
    }

    public List<String> reasons() {
        return reasons;
    }

    private static String message(String field, List<String> reasons) {
        if (reasons.size() == 1) {
            return reasons.get(0);
        }
        StringBuilder s = new StringBuilder("the " + field + " is refused:");
        for (String r : reasons) {
            s.append("\n  - ").append(r);
        }
        return s.toString();
    }
}
