package dev.portcullis.passwords.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.core.Accounts;
import dev.portcullis.core.engine.AccountVerdict.Status;
import dev.portcullis.passwords.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Which accounts recent attacks went after, from an {@code analyze --format json} report
 * ({@code accounts[].account} with {@code status} compromised or targeted): the audit lists them first,
 * compromised before targeted, because a weak password there is the next compromise. Immutable.
 */
public final class Priority {
    private final Map<String, Status> status;

    private Priority(Map<String, Status> status) {
        this.status = Map.copyOf(status);
    }

    public static Priority none() {
        return new Priority(Map.of());
    }

    /** Reads the report; a file that is not one is an {@link InputException} naming it. */
    public static Priority fromAnalyzeReport(InputStream in, String file) throws IOException, InputException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new InputException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "expected the JSON report of 'portcullis analyze --format json'");
        }
        if (root == null || !root.path("accounts").isArray()) {
            throw new InputException(file, 0, "expected the JSON report of 'portcullis analyze --format json'"
                    + " (an object with an 'accounts' array)");
        }
        Map<String, Status> m = new HashMap<>();
        for (JsonNode a : root.path("accounts")) {
            String account = Accounts.canonical(a.path("account").asText(""));
            Status st = Status.ofLabel(a.path("status").asText(""));
            if (account != null && (st == Status.COMPROMISED || st == Status.TARGETED)) {
                m.merge(account, st, (x, y) -> x == Status.COMPROMISED ? x : y);
            }
        }
        return new Priority(m);
    }

    /** COMPROMISED, TARGETED, or null; matches the full canonical name or its local part. */
    public Status status(String canonical) {
        Status s = status.get(canonical);
        if (s == null) {
            int at = canonical.indexOf('@');
            s = at > 0 ? status.get(canonical.substring(0, at)) : null;
        }
        if (s == null) {
            for (Map.Entry<String, Status> e : status.entrySet()) {
                int at = e.getKey().indexOf('@');
                if (at > 0 && e.getKey().substring(0, at).equals(canonical)) {
                    return e.getValue();
                }
            }
        }
        return s;
    }

    /** 0 compromised, 1 targeted, 2 otherwise. */
    public int rank(String canonical) {
        return rank(status(canonical));
    }

    /** 0 compromised, 1 targeted, 2 otherwise (null). */
    static int rank(Status s) {
        return s == null ? 2 : s == Status.COMPROMISED ? 0 : 1;
    }

    public int size() {
        return status.size();
    }
}
