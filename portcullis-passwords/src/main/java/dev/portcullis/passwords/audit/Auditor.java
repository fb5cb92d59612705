package dev.portcullis.passwords.audit;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.passwords.check.CheckContext;
import dev.portcullis.passwords.check.CheckResult;
import dev.portcullis.passwords.check.CommonPasswords;
import dev.portcullis.passwords.check.Finding;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.HashType;
import dev.portcullis.passwords.hash.StoredHash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audits stored credentials: which accounts have an empty, breached, common, predictable or shared
 * password, or one equal to the account name — said as the rule that matched, never the password.
 *
 * <p><b>How.</b> Unsalted hashes are grouped to find shared passwords. NT hashes are looked up in an
 * NTLM corpus index directly (no guessing needed). Then each account gets guesses ({@link Candidates}):
 * up to {@code budget} for slow salted schemes, {@code fastBudget} for fast ones; the first that
 * verifies stops the account's search, and the recovered password is also judged by the policy's
 * {@link PasswordCheck} (length, breached via the SHA-1 index, …) before its copy is dropped. Accounts
 * are spread over {@code threads} workers; {@link #done()} counts finished accounts for a progress bar.
 *
 * <p><b>Cost bound.</b> At most accounts × budget hash computations; for SHA512-CRYPT at 5,000 rounds,
 * about 1.5 ms each on one core. Memory: the credentials and results; candidates are per account.
 *
 * <p>One {@code run} at a time per instance; {@link #done()} may be read from any thread.
 */
public final class Auditor {
    private static final byte[] EMPTY_NT = HexFormat.of().parseHex("31d6cfe0d16ae931b73c59d7e0c089c0");

    private final AuditConfig cfg;
    private final CorpusIndex sha1;
    private final CorpusIndex ntlm;
    private final PasswordCheck check;
    private final List<String> common;
    private final AtomicLong done = new AtomicLong();

    /** {@code sha1} and {@code ntlm} are optional corpus indexes (null when absent). */
    public Auditor(AuditConfig cfg, CorpusIndex sha1, CorpusIndex ntlm) {
        this.cfg = cfg;
        this.sha1 = sha1;
        this.ntlm = ntlm;
        this.check = new PasswordCheck(cfg.policy(), sha1, CommonPasswords.builtIn());
        this.common = CommonPasswords.builtIn().ordered();
        if (sha1 != null && sha1.hashType() != HashType.SHA1) {
            throw new IllegalArgumentException("the SHA-1 corpus index is keyed by " + sha1.hashType());
        }
        if (ntlm != null && ntlm.hashType() != HashType.NTLM) {
            throw new IllegalArgumentException("the NTLM corpus index is keyed by " + ntlm.hashType());
        }
    }

    public long done() {
        return done.get();
    }

    public AuditReport run(List<Credential> creds, Priority priority) throws InterruptedException {
        Map<String, List<String>> byKey = new HashMap<>();
        for (Credential c : creds) {
            String k = c.hash().sharedKey();
            if (k != null && !c.hash().missing()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c.account());
            }
        }
        List<Credential> ordered = new ArrayList<>(creds);
        ordered.sort(Comparator.comparingInt((Credential c) -> priority.rank(c.canonical())));
        ExecutorService pool = Executors.newFixedThreadPool(cfg.threads(), r -> {
            Thread t = new Thread(r, "portcullis-audit");
            t.setDaemon(true);
            return t;
        });
        List<Future<AccountResult>> futures = new ArrayList<>();
        try {
            for (Credential c : ordered) {
                futures.add(pool.submit(() -> {
                    try {
                        return audit(c, priority.status(c.canonical()), byKey);
                    } finally {
                        done.incrementAndGet();
                    }
                }));
            }
            List<AccountResult> results = new ArrayList<>(futures.size());
            for (Future<AccountResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("audit worker failed: " + e.getCause(), e.getCause());
                }
            }
            results.sort(Comparator.comparingInt((AccountResult r) -> Priority.rank(r.priority()))
                    .thenComparing(r -> r.findings().isEmpty())
                    .thenComparing(AccountResult::account));
            return new AuditReport(results);
        } finally {
            pool.shutdownNow();
        }
    }

    AccountResult audit(Credential c, AccountVerdict.Status prio, Map<String, List<String>> byKey) {
        StoredHash h = c.hash();
        List<Finding> findings = new ArrayList<>();
        List<String> sharedWith = null;
        String scheme = h.scheme().label();
        if (h.missing()) {
            findings.add(new Finding("empty", "No password is set."));
            return new AccountResult(c.account(), c.file(), c.line(), scheme, prio, "weak", findings, null);
        }
        if (h.scheme() == StoredHash.Scheme.UNSUPPORTED) {
            return new AccountResult(c.account(), c.file(), c.line(), scheme, prio, "unchecked", findings, null);
        }
        String key = h.sharedKey();
        if (key != null && byKey.getOrDefault(key, List.of()).size() > 1) {
            sharedWith = new ArrayList<>(byKey.get(key));
            sharedWith.remove(c.account());
            findings.add(new Finding("shared", "The same password is used by " + sharedWith.size()
                    + " other account" + (sharedWith.size() == 1 ? "" : "s") + "."));
        }
        if (h.scheme() == StoredHash.Scheme.PLAIN) {
            findings.add(new Finding("plaintext", "The password is stored in plain text."));
        }
        if (h.scheme() == StoredHash.Scheme.NTLM) {
            byte[] nt = h.ntHash();
            if (Arrays.equals(nt, EMPTY_NT)) {
                findings.add(new Finding("empty", "The password is empty."));
                return new AccountResult(c.account(), c.file(), c.line(), scheme, prio, "weak", findings, sharedWith);
            }
            if (ntlm != null && ntlm.containsDigest(nt)) {
                findings.add(new Finding("breached", "It appears in a list of passwords exposed in data breaches."));
            }
        }
        int budget = h.scheme().slow ? cfg.budget() : cfg.fastBudget();
        for (Candidates.Candidate k : Candidates.forAccount(c, cfg, common, budget)) {
            char[] guess = k.guess().toCharArray();
            try {
                if (h.verify(guess)) {
                    add(findings, k.finding());
                    if (guess.length > 0) {
                        CheckResult r = check.check(guess, new CheckContext(c.canonical(), null, false, List.of()));
                        r.reasons().forEach(f -> add(findings, f));
                    }
                    break;
                }
            } finally {
                Arrays.fill(guess, '\0');
            }
        }
        return new AccountResult(c.account(), c.file(), c.line(), scheme, prio,
                findings.isEmpty() ? "ok" : "weak", findings, sharedWith);
    }

    private static void add(List<Finding> findings, Finding f) {
        if (findings.stream().noneMatch(x -> x.code().equals(f.code()))) {
            findings.add(f);
        }
    }
}
