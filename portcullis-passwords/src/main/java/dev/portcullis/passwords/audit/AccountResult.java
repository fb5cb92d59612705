package dev.portcullis.passwords.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.passwords.check.Finding;

import java.util.List;

/**
 * What the audit found for one account. {@code status}: {@code weak} (some finding), {@code ok} (no
 * guess matched within the budget and not in the corpus — not proof of strength), {@code unchecked}
 * (a scheme Portcullis cannot verify). {@code priority}: the account's status in the analyze report
 * (compromised, targeted) or null; in JSON its report word. Never holds the password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"account", "file", "line", "scheme", "priority", "status", "findings", "shared_with"})
public record AccountResult(String account, String file, long line, String scheme,
                            @JsonIgnore AccountVerdict.Status priority, String status,
                            List<Finding> findings, @JsonProperty("shared_with") List<String> sharedWith) {
    public AccountResult {
        findings = List.copyOf(findings);
        sharedWith = sharedWith == null || sharedWith.isEmpty() ? null : List.copyOf(sharedWith);
    }

    /** The priority's report word ("compromised", "targeted") or null: what JSON and CSV show. */
    @JsonProperty("priority")
    public String priorityWord() {
        return priority == null ? null : priority.label();
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
