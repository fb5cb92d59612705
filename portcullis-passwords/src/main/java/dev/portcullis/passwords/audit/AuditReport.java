package dev.portcullis.passwords.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.passwords.check.Finding;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The audit's result, accounts in report order (compromised, then targeted, then the rest; weak before
 * ok), and its three renderings. JSON: {@code {"summary":{"accounts":n,"weak":n,"ok":n,"unchecked":n,
 * "findings":{"common":n,…}},"accounts":[{"account","file","line","scheme","priority","status",
 * "findings":[{"code","message"}],"shared_with":[…]}]}}. CSV: one row per account. Text: weak accounts
 * with their reasons, then counts. Account names come from the input file: text output passes them
 * through {@code safe} (the CLI strips control characters).
 */
public record AuditReport(List<AccountResult> accounts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AuditReport {
        accounts = List.copyOf(accounts);
    }

    public long count(String status) {
        return accounts.stream().filter(a -> a.status().equals(status)).count();
    }

    /** Per finding code, how many accounts have it (sorted by code). */
    public Map<String, Long> findingCounts() {
        return new TreeMap<>(accounts.stream().flatMap(a -> a.findings().stream())
                .collect(Collectors.groupingBy(Finding::code, Collectors.counting())));
    }

    public String toJson() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accounts", accounts.size());
        summary.put("weak", count("weak"));
        summary.put("ok", count("ok"));
        summary.put("unchecked", count("unchecked"));
        summary.put("findings", findingCounts());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("summary", summary);
        root.put("accounts", accounts);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writeCsv(PrintWriter w) {
        w.println("account,priority,scheme,status,findings,shared_with,file,line");
        for (AccountResult a : accounts) {
            w.println(String.join(",", csv(a.account()), csv(a.priority() == null ? "" : a.priority().label()), csv(a.scheme()),
                    a.status(), csv(a.findings().stream().map(Finding::code).collect(Collectors.joining(";"))),
                    String.valueOf(a.sharedWith() == null ? 0 : a.sharedWith().size()), csv(a.file()),
                    String.valueOf(a.line())));
        }
    }

    /** Text for people; {@code safe} makes names from the input harmless on a terminal. */
    public void writeText(PrintWriter w, UnaryOperator<String> safe) {
        long weak = count("weak");
        w.printf("Password audit: %d accounts, %d with a weak password, %d not found weak within the budget,"
                + " %d unchecked (scheme not supported)%n%n", accounts.size(), weak, count("ok"), count("unchecked"));
        if (weak > 0) {
            w.println("Weak passwords (accounts targeted by recent attacks first):");
            for (AccountResult a : accounts) {
                if (!a.status().equals("weak")) {
                    continue;
                }
                w.printf("  %s%s  [%s]%n", safe.apply(a.account()),
                        a.priority() == null ? "" : "  (" + a.priority().label().toUpperCase(Locale.ROOT) + " in recent attacks)", a.scheme());
                for (Finding f : a.findings()) {
                    w.printf("      - %s: %s%n", f.code(), f.message());
                }
            }
            w.println();
        }
        w.println("Findings: " + (findingCounts().isEmpty() ? "none"
                : findingCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))));
        w.flush();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csv(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
