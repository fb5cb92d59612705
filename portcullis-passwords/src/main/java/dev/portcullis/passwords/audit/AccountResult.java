package dev.portcullis.passwords.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portcullis.passwords.check.Finding;

import java.util.List;

/**
 * What the audit found for one account. {@code status}: {@code weak} (some finding), {@code ok} (no
 * guess matched within the budget and not in the corpus — not proof of strength), {@code unchecked}
 * (a scheme Portcullis cannot verify). {@code priority}: the account's status in the analyze report
 * (compromised, targeted) or null. Never holds the password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountResult(String account, String file, long line, String scheme, String priority, String status,
                            List<Finding> findings, @JsonProperty("shared_with") List<String> sharedWith) {
    public AccountResult {
        findings = List.copyOf(findings);
        sharedWith = sharedWith == null || sharedWith.isEmpty() ? null : List.copyOf(sharedWith);
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
