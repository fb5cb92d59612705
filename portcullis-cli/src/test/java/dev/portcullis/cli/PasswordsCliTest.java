package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** portcullis passwords check|index|audit end to end: exit codes, outputs, no password in any output. */
class PasswordsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(args, out, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(err, true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void checkExitsZeroWhenAcceptedOneWhenRejectedTwoOnUsageError() {
        Run ok = run("velvet trombone orbits quietly\n", "passwords", "check", "--account", "maria@contoso.com");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("Accepted.");
        Run bad = run("Summer2026!\n", "passwords", "check", "--org", "Contoso");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).startsWith("Rejected:").contains("too short").doesNotContain("Summer2026!");
        Run usage = run("x\n", "passwords", "check", "--min-length", "6");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("passwords.min_length: 6 is out of range; allowed 15..64").doesNotContain("min_length_mfa");
        assertThat(run("x\n", "passwords", "check", "--no-such-option").code()).isEqualTo(2);
    }

    @Test
    void checkJsonIsTheServiceAnswer() throws IOException {
        Run r = run("P@ssw0rd\r\n", "passwords", "check", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("accepted").asBoolean()).isFalse();
        assertThat(j.get("reasons").findValuesAsText("code")).contains("common", "too_short");
        assertThat(r.out()).doesNotContain("P@ssw0rd");
    }

    @Test
    void indexThenCheckAgainstTheCorpusThenAuditAnNtlmDump() throws IOException {
        Path list = dir.resolve("breached.txt");
        Files.writeString(list, "orange kettle sings loudly\nhunter2\n");
        Path idx = dir.resolve("corpus");
        Run ix = run("", "passwords", "index", "--plain", "--hash", "both", "--out", idx.toString(), list.toString());
        assertThat(ix.code()).as(ix.err()).isZero();
        assertThat(ix.out()).contains("2 distinct SHA1 hashes").contains("2 distinct NTLM hashes");
        Run c = run("orange kettle sings loudly\n", "passwords", "check", "--corpus", idx + ".sha1");
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.out()).contains("data breaches");

        Path dump = dir.resolve("ntds.txt");
        Files.writeString(dump, String.join("\n",
                "[*] Dumping Domain Credentials (domain\\uid:rid:lmhash:nthash)",
                "CONTOSO\\alice:1104:aad3b435b51404eeaad3b435b51404ee:6608e4bc7b2b7a5f77ce3573570775af:::", // hunter2
                "CONTOSO\\bob:1105:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::",   // password
                "CONTOSO\\carol:1106:aad3b435b51404eeaad3b435b51404ee:0123456789abcdef0123456789abcdef:::",
                ""));
        Path report = dir.resolve("analyze.json");
        Files.writeString(report, "{\"summary\":{},\"attacks\":[],\"sources\":[],\"accounts\":[{\"account\":\"carol\",\"status\":\"targeted\"}]}");
        Run a = run("", "passwords", "audit", "--format", "json", "--corpus", idx + ".ntlm", "--report", report.toString(),
                "--fail-on", "weak", dump.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(1);
        JsonNode j = JSON.readTree(a.out());
        assertThat(j.get("summary").get("accounts").asInt()).isEqualTo(3);
        assertThat(j.get("accounts").get(0).get("account").asText()).isEqualTo("CONTOSO\\carol");
        assertThat(j.get("accounts").get(0).get("priority").asText()).isEqualTo("targeted");
        assertThat(a.out()).contains("breached").contains("common").doesNotContain("hunter2");
        Run csv = run("", "passwords", "audit", "--format", "csv", dump.toString());
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).startsWith("account,priority,scheme,status,findings");
        Run text = run("", "passwords", "audit", dump.toString());
        assertThat(text.out()).contains("Password audit: 3 accounts, 1 with a weak password");
    }

    @Test
    void auditAndIndexInputErrorsNameFileAndLineAndExitTwo() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "alice:1104:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::\nbob:1105:x:zz:::\n");
        Run a = run("", "passwords", "audit", "--input-format", "ntlm", bad.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains(bad + ":2: ");
        Path notHibp = dir.resolve("words.txt");
        Files.writeString(notHibp, "password\n");
        Run i = run("", "passwords", "index", "--out", dir.resolve("x.idx").toString(), notHibp.toString());
        assertThat(i.code()).isEqualTo(2);
        assertThat(i.err()).contains(notHibp + ":1: ").contains("--plain");
        assertThat(run("", "passwords", "audit", dir.resolve("missing").toString()).code()).isEqualTo(2);
    }
}
