package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.check.PasswordPolicy;

import java.time.LocalDate;
import java.util.List;

/**
 * How an audit guesses. Validated at construction; messages name the key, the value and the range.
 *
 * @param contextWords the organisation's words (name, services, town) for context-word candidates
 * @param budget       candidates tried per account for slow, salted hashes (SHA512-CRYPT, BLF-CRYPT,
 *                     ARGON2…), 1–10,000: the cost is budget × accounts × one hash (≈1.5 ms for
 *                     SHA512-CRYPT at 5,000 rounds on one core)
 * @param fastBudget   candidates per account for fast hashes (NTLM, SHA, SSHA, MD5…), 1–1,000,000
 * @param today        the date that makes "this season" and "this year" (the audit is an edge: the CLI
 *                     passes the wall-clock date, tests a fixed one)
 * @param threads      worker threads, 1–256
 * @param policy       the password policy the recovered passwords are judged by (reasons beyond the
 *                     candidate's own rule: length, breached, …)
 */
public record AuditConfig(List<String> contextWords, int budget, int fastBudget, LocalDate today, int threads,
                          PasswordPolicy policy) {
    public AuditConfig {
        contextWords = List.copyOf(contextWords);
        if (budget < 1 || budget > 10_000) {
            throw new IllegalArgumentException("audit.budget = " + budget + ": must be between 1 and 10000");
        }
        if (fastBudget < 1 || fastBudget > 1_000_000) {
            throw new IllegalArgumentException("audit.fast_budget = " + fastBudget + ": must be between 1 and 1000000");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("audit.threads = " + threads + ": must be between 1 and 256");
        }
        if (today == null || policy == null) {
            throw new IllegalArgumentException("audit: today and policy are required");
        }
    }

    public static AuditConfig defaults(LocalDate today) {
        return new AuditConfig(List.of(), 32, 100_000, today, Runtime.getRuntime().availableProcessors(),
                PasswordPolicy.defaults());
    }
}
