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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The portcullis command end to end: real files in, bytes out, exit codes. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINES = String.join("\n",
            "2026-11-19T22:59:41.790301+00:00 mx1 dovecot: auth: passwd-file(maria.cole@example.org,29.164.138.98,<rNYu>): Password mismatch",
            "2026-11-19T22:59:43.790301+00:00 mx1 dovecot: imap-login: Login aborted: Connection closed (auth failed, 1 attempts in 2 secs) (auth_failed): user=<maria.cole@example.org>, method=PLAIN, rip=29.164.138.98, lip=195.60.40.10, TLS, session=<rNYu>",
            "2026-11-19T23:00:09.256023+00:00 mx1 postfix/submission/smtpd[32036]: 244889C38D: client=unknown[66.166.46.49], sasl_method=PLAIN, sasl_username=evelyn.hunt@example.org",
            "this line is not a log line at all (given password: hunter2)",
            "") ;

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

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void parsePrintsOneJsonObjectPerEventWithTheContractFields() throws IOException {
        Path log = file("mail.log", LINES);
        Run r = run("", "parse", log.toString());
        assertThat(r.code()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).hasSize(3);
        for (JsonNode e : events) {
            assertThat(e.fieldNames()).toIterable().contains("time", "service", "account", "account_raw", "source",
                    "result", "reason", "attempts", "session", "format", "file", "line");
        }
        assertThat(events.get(0).get("account").asText()).isEqualTo("maria.cole@example.org");
        assertThat(events.get(0).get("time").asText()).isEqualTo("2026-11-19T22:59:41.790301Z");
        assertThat(events.get(1).get("attempts").asInt()).isZero();
        assertThat(events.get(2).get("result").asText()).isEqualTo("success");
        assertThat(events.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(r.err()).contains("1 of 4 lines not understood", "mail.log:4").doesNotContain("hunter2");
    }

    @Test
    void parseReadsStdinGzipAndDirectories() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("logs/old"));
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(sub.resolve("mail.log.2.gz")))) {
            gz.write(LINES.getBytes(StandardCharsets.UTF_8));
        }
        file("logs/mail.log", LINES);
        Run r = run(LINES, "parse", "--format", "text", dir.resolve("logs").toString(), "-");
        assertThat(r.code()).isZero();
        assertThat(r.out().split("\n")).hasSize(9);
        assertThat(r.out()).contains("mail.log.2.gz:1]", "[postfix -:3]");
    }

    @Test
    void analyzeJsonHasTheReportShape() throws IOException {
        Path log = file("mail.log", LINES);
        Run r = run("", "analyze", "--format", "json", log.toString());
        assertThat(r.code()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.fieldNames()).toIterable().contains("summary", "attacks", "sources", "accounts");
        JsonNode s = report.get("summary");
        assertThat(s.get("events").asInt()).isEqualTo(3);
        assertThat(s.get("attempts").asInt()).isEqualTo(2);
        assertThat(s.get("failures").asInt()).isEqualTo(1);
        assertThat(s.get("successes").asInt()).isEqualTo(1);
        assertThat(s.get("unparsed_lines").asInt()).isEqualTo(1);
        assertThat(s.get("first").asText()).isEqualTo("2026-11-19T22:59:41.790301Z");
        assertThat(s.get("formats").get("dovecot").asInt()).isEqualTo(2);
        assertThat(s.get("unparsed_samples").get(0).get("text").asText()).doesNotContain("hunter2");
    }

    @Test
    void analyzeTextToAFile() throws IOException {
        Path log = file("mail.log", LINES);
        Path out = dir.resolve("report.txt");
        Run r = run("", "analyze", "--out", out.toString(), log.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readString(out)).contains("Read 4 lines", "dovecot", "Unparsed lines: 1");
    }

    @Test
    void usageAndInputErrorsExitTwoNamingTheProblem() {
        Run missing = run("", "parse", dir.resolve("nope.log").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.log: no such file or directory");

        Run year = run("", "analyze", "--year", "12", "-");
        assertThat(year.code()).isEqualTo(2);
        assertThat(year.err()).contains("--year must be between 1970 and 9999, was 12");

        Run zone = run("", "parse", "--timezone", "Mars/Olympus", "-");
        assertThat(zone.code()).isEqualTo(2);
        assertThat(zone.err()).contains("unknown zone 'Mars/Olympus'");

        Run noFiles = run("", "parse");
        assertThat(noFiles.code()).isEqualTo(2);
        assertThat(noFiles.err()).contains("FILE");

        Run unknown = run("", "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
    }

    @Test
    void analyzeFindsTheSprayAndTheCompromiseInEveryFormat() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int u = 0; u < 60; u++) {
            log.append(String.format("2026-11-20T01:%02d:%02d.000000+00:00 mx1 dovecot: imap-login: Login: user=<user%d@example.org>, "
                    + "method=PLAIN, rip=198.51.100.%d, lip=10.0.0.1, mpid=%d, TLS, session=<ok%d>%n", u / 60, u % 60, u, u + 1, u, u));
        }
        for (int u = 0; u < 40; u++) {
            log.append(String.format("2026-11-20T02:%02d:00.000000+00:00 mx1 dovecot: imap-login: Disconnected: Connection closed "
                    + "(auth failed, 1 attempts in 2 secs): user=<user%d@example.org>, method=PLAIN, rip=203.0.113.5, lip=10.0.0.1, "
                    + "TLS, session=<f%d>%n", u, u, u));
        }
        log.append("2026-11-20T02:45:00.000000+00:00 mx1 dovecot: imap-login: Login: user=<user7@example.org>, method=PLAIN, "
                + "rip=203.0.113.5, lip=10.0.0.1, mpid=9, TLS, session=<got>\n");
        Path p = file("attack.log", log.toString());

        Run text = run("", "analyze", p.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("COMPROMISED ACCOUNTS: 1", "user7@example.org", "password_spray", "203.0.113.5");
        assertThat(text.out().indexOf("COMPROMISED")).isLessThan(text.out().indexOf("ATTACKS"));

        JsonNode json = JSON.readTree(run("", "analyze", "--format", "json", p.toString()).out());
        assertThat(json.get("attacks").get(0).get("kind").asText()).isEqualTo("password_spray");
        assertThat(json.get("attacks").get(0).get("compromised").get(0).asText()).isEqualTo("user7@example.org");
        assertThat(json.get("sources").get(0).get("ip").asText()).isEqualTo("203.0.113.5");
        assertThat(json.get("sources").get(0).get("verdict").asText()).isEqualTo("attacker");
        assertThat(json.get("accounts").get(0).get("status").asText()).isEqualTo("compromised");
        assertThat(json.get("accounts").get(0).get("compromised_at").asText()).isEqualTo("2026-11-20T02:45:00Z");

        Path html = dir.resolve("r.html");
        assertThat(run("", "analyze", "--format", "html", "--out", html.toString(), p.toString()).code()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<svg", "user7@example.org")
                .doesNotContain("<script");

        assertThat(run("", "analyze", "--fail-on", "compromise", p.toString()).code()).isEqualTo(1);
        assertThat(run("", "analyze", "--fail-on", "attack", p.toString()).code()).isEqualTo(1);
        Path quiet = file("quiet.log", log.substring(0, log.indexOf("Disconnected") - 60));
        assertThat(run("", "analyze", "--fail-on", "attack", quiet.toString()).code()).isZero();
    }

    @Test
    void htmlEscapesWhatLogsContain() throws IOException {
        Path p = file("x.log", "Nov 2 15:40:14 w sshd[9]: Failed password for invalid user <script>alert(1)</script> from 1.2.3.4 port 22 ssh2\n");
        Path html = dir.resolve("x.html");
        run("", "analyze", "--format", "html", "--out", html.toString(), p.toString());
        assertThat(Files.readString(html)).doesNotContain("<script>");
    }

    @Test
    void simulateWritesALogAndItsTruth() throws IOException {
        Path log = dir.resolve("sim.log.gz");
        Path truth = dir.resolve("truth.json");
        Run r = run("", "simulate", "--users", "200", "--hours", "6", "--out", log.toString(), "--truth", truth.toString());
        assertThat(r.code()).isZero();
        JsonNode t = JSON.readTree(truth.toFile());
        assertThat(t.get("attacker_ips").size()).isPositive();
        Run a = run("", "analyze", "--format", "json", log.toString());
        assertThat(JSON.readTree(a.out()).get("summary").get("unparsed_lines").asInt()).isZero();
        assertThat(run("", "simulate", "--users", "10", "--out", log.toString(), "--truth", truth.toString()).code()).isEqualTo(2);
    }

    @Test
    void configFileOverridesThresholdsAndNamesBadKeys() throws IOException {
        Path log = file("mail.log", LINES);
        Path good = file("ok.yaml", "detection:\n  brute_force:\n    failures: 20\n    window: 30m\n  spray.accounts: 15\n");
        assertThat(run("", "analyze", "--config", good.toString(), log.toString()).code()).isZero();
        Path bad = file("bad.yaml", "detection:\n  brute_force:\n    failures: 1\n  spray:\n    acounts: 3\n");
        Run r = run("", "analyze", "--config", bad.toString(), log.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml: detection.spray.acounts: unknown key")
                .contains("bad.yaml: detection.brute_force.failures: 1 is out of range; allowed 3..10000");
        Path range = file("range.yaml", "detection:\n  brute_force.failures: 1\n");
        assertThat(run("", "analyze", "--config", range.toString(), log.toString()).err())
                .contains("range.yaml: detection.brute_force.failures: 1 is out of range; allowed 3..10000");
        Path section = file("section.yaml", "detectoin:\n  x: 1\n");
        assertThat(run("", "analyze", "--config", section.toString(), log.toString()).err()).contains("section.yaml: detectoin: unknown section; allowed ");
    }

    @Test
    void rotatedLogsAreAnalysedOldestFirstWhateverTheirOrder() throws IOException {
        // a phone logs in (old file), then fails for hours with its old password (new file): stale, not brute force
        Path dir2 = Files.createDirectories(dir.resolve("rot"));
        Files.writeString(dir2.resolve("mail.log.1"), "2026-11-20T08:00:00.000000+00:00 mx1 dovecot: imap-login: Login: "
                + "user=<carol@example.org>, method=PLAIN, rip=198.51.100.7, lip=10.0.0.1, mpid=1, TLS, session=<a>\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(String.format("2026-11-20T%02d:%02d:00.000000+00:00 mx1 dovecot: imap-login: Disconnected (auth failed, "
                    + "1 attempts in 2 secs): user=<carol@example.org>, method=PLAIN, rip=198.51.100.7, lip=10.0.0.1, TLS, "
                    + "session=<f%d>%n", 9 + i / 60, i, i));
        }
        Files.writeString(dir2.resolve("mail.log"), b.toString());
        JsonNode r = JSON.readTree(run("", "analyze", "--format", "json", dir2.toString()).out());
        assertThat(r.get("sources")).isEmpty();
        assertThat(r.get("accounts").get(0).get("status").asText()).isEqualTo("stale_credentials");
    }

    @Test
    void helpAndVersion() {
        Run help = run("", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("parse", "analyze");
        Run version = run("", "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("portcullis 0.");
    }

    @Test
    void terminalTextNeverCarriesEscapeSequences() throws IOException {
        Path log = file("evil.log", "Nov 2 15:40:14 w sshd[9]: Failed password for invalid user x\u001b[31mred from 1.2.3.4 port 22 ssh2\n");
        Run r = run("", "parse", "--format", "text", log.toString());
        assertThat(r.out()).doesNotContain("\u001b").contains("x?[31mred");
    }
}
