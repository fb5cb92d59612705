package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.passwords.hash.External;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test: 10,000 SHA512-CRYPT entries (5,000 rounds, hashed by Python's crypt module, not
 * by our code) with 100 planted weak passwords; the audit must find every planted one and flag none of
 * the 9,900 strong random ones. Budget 6 guesses per account (one round of the five rule classes plus
 * one): at ~1.5 ms per guess that is ~90 s of CPU, 45–90 s on two shared cores. Timings are printed.
 */
class Audit10kTest {
    @Test
    void findsEveryPlantedWeakPasswordAmongTenThousandSha512CryptEntries() throws Exception {
        SplittableRandom rnd = new SplittableRandom(2026);
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#%+=?";
        List<String> accounts = new ArrayList<>();
        List<String> passwords = new ArrayList<>();
        Set<String> planted = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String account = "user" + i + "@contoso.com";
            accounts.add(account);
            String pw;
            if (i % 100 == 37) {
                switch ((i / 100) % 5) {
                    case 0 -> pw = "user" + i;                   // the account name
                    case 1 -> pw = "User" + i;                   // the account name, capitalised
                    case 2 -> pw = "Summer2026";                 // season + year
                    case 3 -> pw = "Contoso2026";               // organisation + year
                    default -> pw = "123456";                    // top of the common list
                }
                planted.add(account);
            } else {
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < 16; k++) {
                    b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                pw = b.toString();
            }
            passwords.add(pw);
        }
        long t0 = System.nanoTime();
        String hashes = External.python("import crypt,sys\n"
                + "for pw in sys.stdin.read().split('\\n'):\n"
                + "    print(crypt.crypt(pw, crypt.mksalt(crypt.METHOD_SHA512, rounds=5000)))\n",
                String.join("\n", passwords));
        String[] lines = hashes.split("\n");
        assertThat(lines).hasSize(10_000);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).startsWith("$6$rounds=5000$");
            file.append(accounts.get(i)).append(":{SHA512-CRYPT}").append(lines[i]).append(":::::\n");
        }
        long t1 = System.nanoTime();
        List<Credential> creds = PasswdFileReader.read(new BufferedReader(new StringReader(file.toString())), "users");
        AuditConfig cfg = new AuditConfig(List.of("Contoso"), 6, 100_000, AuditorTest.TODAY,
                Runtime.getRuntime().availableProcessors(), PasswordPolicy.defaults());
        AuditReport rep = new Auditor(cfg, null, null).run(creds, Priority.none());
        long t2 = System.nanoTime();
        System.out.printf("audit 10k SHA512-CRYPT: reference hashes (Python crypt, recorded) %.1f s, audit %.1f s on %d threads (budget 6)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, cfg.threads());
        Set<String> flagged = new HashSet<>();
        for (AccountResult a : rep.accounts()) {
            if (a.status().equals("weak")) {
                flagged.add(a.account());
            }
        }
        assertThat(flagged).isEqualTo(planted);
        // the first finding of each planted account is the rule of the guess that matched
        java.util.Map<String, Long> first = new java.util.TreeMap<>();
        rep.accounts().stream().filter(a -> a.status().equals("weak"))
                .forEach(a -> first.merge(a.findings().get(0).code(), 1L, Long::sum));
        assertThat(first).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("same_as_account", 40L,
                "season_year", 20L, "context", 20L, "common", 20L));
        AuditorTest.assertNoPasswords(rep, "Summer2026", "Contoso2026", ":123456");
    }
}
