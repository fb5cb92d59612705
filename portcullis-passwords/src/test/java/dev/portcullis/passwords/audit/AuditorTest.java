package dev.portcullis.passwords.audit;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.CorpusIndexer;
import dev.portcullis.passwords.corpus.HashType;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.passwords.hash.External;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers per finding and per input format; the reports never carry a password. */
class AuditorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15); // summer 2026
    static final AuditConfig CFG = new AuditConfig(List.of("Contoso"), 40, 100_000, TODAY, 2, PasswordPolicy.defaults());

    @TempDir
    Path dir;

    private static String nt(String pw) {
        // Python's hashlib has no MD4 under OpenSSL 3; the NT hash is computed by our MD4 (Bouncy Castle)
        // and pinned for "password" in CorpusIndexTest against the published value
        return dev.portcullis.passwords.hash.PasswordHashes.hex(dev.portcullis.passwords.hash.PasswordHashes.ntlm(pw.toCharArray()));
    }

    @Test
    void ntlmDumpFindingsEmptySharedBreachedAccountNameCommonAndSafe() throws Exception {
        Path ntIdx = dir.resolve("nt.idx");
        new CorpusIndexer().indexPlain(new ByteArrayInputStream("Tr0ub4dor&3xyz\n".getBytes(StandardCharsets.UTF_8)),
                "breached.txt", Map.of(HashType.NTLM, ntIdx));
        String dump = String.join("\n",
                "empty:1001:aad3b435b51404eeaad3b435b51404ee:" + nt("") + ":::",
                "alice:1002:aad3b435b51404eeaad3b435b51404ee:" + nt("Tr0ub4dor&3xyz") + ":::",
                "bob:1003:aad3b435b51404eeaad3b435b51404ee:" + nt("bob") + ":::",
                "carol:1004:aad3b435b51404eeaad3b435b51404ee:" + nt("qwerty123") + ":::",
                "dave:1005:aad3b435b51404eeaad3b435b51404ee:" + nt("Summer2026!") + ":::",
                "erin:1006:aad3b435b51404eeaad3b435b51404ee:" + nt("Contoso2026") + ":::",
                "frank:1007:aad3b435b51404eeaad3b435b51404ee:" + nt("vK9#pLm2$xQw8!zR") + ":::",
                "grace:1008:aad3b435b51404eeaad3b435b51404ee:" + nt("vK9#pLm2$xQw8!zR") + ":::",
                "heidi:1009:aad3b435b51404eeaad3b435b51404ee:" + nt("8Jd!s0qP-zz71Lmn") + ":::");
        List<Credential> creds = NtlmDumpReader.read(new BufferedReader(new StringReader(dump)), "ntds.txt");
        Priority prio = Priority.fromAnalyzeReport(new ByteArrayInputStream(
                "{\"accounts\":[{\"account\":\"heidi@contoso.com\",\"status\":\"targeted\"},{\"account\":\"frank\",\"status\":\"compromised\"}]}"
                        .getBytes(StandardCharsets.UTF_8)), "report.json");
        AuditReport rep = new Auditor(CFG, null, CorpusIndex.open(ntIdx)).run(creds, prio);
        Map<String, AccountResult> by = rep.accounts().stream().collect(Collectors.toMap(AccountResult::account, Function.identity()));
        assertThat(by.get("empty").has("empty")).isTrue();
        assertThat(by.get("alice").has("breached")).isTrue();
        assertThat(by.get("bob").has("same_as_account")).isTrue();
        assertThat(by.get("carol").has("common")).isTrue();
        assertThat(by.get("dave").has("season_year")).isTrue();
        assertThat(by.get("erin").has("context")).isTrue();
        assertThat(by.get("frank").has("shared")).isTrue();
        assertThat(by.get("frank").sharedWith()).containsExactly("grace");
        assertThat(by.get("heidi").findings()).isEmpty();
        assertThat(by.get("heidi").status()).isEqualTo("ok");
        // attacked accounts first: compromised, then targeted
        assertThat(rep.accounts().get(0).account()).isEqualTo("frank");
        assertThat(rep.accounts().get(1).account()).isEqualTo("heidi");
        assertThat(rep.accounts().get(1).priority()).isEqualTo(AccountVerdict.Status.TARGETED);
        assertNoPasswords(rep, "Tr0ub4dor&3xyz", "qwerty123", "Summer2026!", "Contoso2026", "vK9#pLm2$xQw8!zR");
    }

    @Test
    void passwdFileWithSlowAndFastSchemesFromIndependentTools() throws Exception {
        String sha512 = External.openssl("Summer2026", "-6", "-salt", "q8Hk2LmN");
        String sha256 = External.openssl("maria.cole", "-5", "-salt", "aB3dE6gH");
        String bcrypt = External.python("import crypt,sys;print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))", "123456");
        String ssha = External.python("import hashlib,base64,sys;pw=sys.stdin.read().encode();s=b'salt';"
                + "print('{SSHA}'+base64.b64encode(hashlib.sha1(pw+s).digest()+s).decode())", "password");
        String md5a = External.python("import hashlib,sys;print(hashlib.md5(sys.stdin.read().encode()).hexdigest())", "letmein");
        String strong = External.openssl("c7#Vb!9qLz@pW2sX", "-6", "-salt", "zzzzyyyy");
        String users = String.join("\n",
                "pat@contoso.com:{SHA512-CRYPT}" + sha512 + ":1000:1000::/home/pat::",
                "maria.cole@contoso.com:{SHA256-CRYPT}" + sha256 + ":1001:1001::/home/maria::",
                "quinn:" + bcrypt.replace("$2b$", "$2y$"),
                "rob:" + ssha,
                "sam:{PLAIN-MD5}" + md5a,
                "tess:{PLAIN-MD5}" + md5a,
                "uma:{PLAIN}" + "velvet trombone orbits quietly",
                "vic:" + strong,
                "walt:",
                "xena:abJnggxhB/yWI");
        List<Credential> creds = PasswdFileReader.read(new BufferedReader(new StringReader(users)), "users");
        AuditReport rep = new Auditor(CFG, null, null).run(creds, Priority.none());
        Map<String, AccountResult> by = rep.accounts().stream().collect(Collectors.toMap(AccountResult::account, Function.identity()));
        assertThat(by.get("pat@contoso.com").has("season_year")).isTrue();
        assertThat(by.get("maria.cole@contoso.com").has("same_as_account")).isTrue();
        assertThat(by.get("quinn").has("common")).isTrue();
        assertThat(by.get("rob").has("common")).isTrue();
        assertThat(by.get("sam").has("shared")).isTrue();
        assertThat(by.get("sam").has("common")).isTrue();
        assertThat(by.get("uma").has("plaintext")).isTrue();
        assertThat(by.get("vic").status()).isEqualTo("ok");
        assertThat(by.get("walt").has("empty")).isTrue();
        assertThat(by.get("xena").status()).isEqualTo("unchecked");
        assertNoPasswords(rep, "Summer2026", "maria.cole@contoso.com:", "123456", "letmein", "c7#Vb!9qLz@pW2sX",
                "velvet trombone");
    }

    static void assertNoPasswords(AuditReport rep, String... secrets) {
        StringWriter csv = new StringWriter();
        rep.writeCsv(new PrintWriter(csv));
        StringWriter text = new StringWriter();
        rep.writeText(new PrintWriter(text), s -> s);
        for (String out : List.of(rep.toJson(), csv.toString(), text.toString())) {
            for (String s : secrets) {
                assertThat(out).doesNotContain(s);
            }
        }
    }
}
