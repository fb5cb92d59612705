package dev.portcullis.passwords.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.audit.Credential;
import dev.portcullis.passwords.audit.NtlmDumpReader;
import dev.portcullis.passwords.audit.PasswdFileReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Credential files are untrusted input: the readers must either return credentials or throw an
 * InputException naming the line — nothing else — and verifying a guess against any parsed hash must
 * answer, not throw. The fuzzer picks a reader and a line prefix, then writes the rest.
 */
class AuditReadersFuzzTest {
    private static final String[] PREFIXES = {
        "", "user:", "user:{SHA512-CRYPT}$6$", "user:$6$rounds=", "user:{SSHA}", "user:{PLAIN-MD5}",
        "user:$2y$", "user:{ARGON2ID}$argon2id$v=19$m=", "user:$argon2i$", "user:$5$", "user:$apr1$",
        "user:{NTLM}", "Administrator:500:", "DOM\\u:1104:aad3b435b51404eeaad3b435b51404ee:", "[*] ",
    };

    @FuzzTest(maxDuration = "10s")
    void readersAcceptOrNameTheLine(FuzzedDataProvider data) throws IOException {
        boolean ntlm = data.consumeBoolean();
        String text = data.pickValue(PREFIXES) + data.consumeRemainingAsString();
        List<Credential> creds;
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            creds = ntlm ? NtlmDumpReader.read(r, "fuzz") : PasswdFileReader.read(r, "fuzz");
        } catch (InputException e) {
            if (!e.getMessage().startsWith("fuzz:")) {
                throw new AssertionError("error does not name the file: " + e.getMessage(), e);
            }
            return;
        }
        for (Credential c : creds) {
            if (c.account().isEmpty()) {
                throw new AssertionError("empty account accepted");
            }
            c.hash().verify("password".toCharArray());
            c.hash().sharedKey();
            c.hash().missing();
            c.canonical();
        }
    }
}
