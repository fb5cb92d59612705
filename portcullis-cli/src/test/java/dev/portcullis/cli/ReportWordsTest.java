package dev.portcullis.cli;

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

/** The report's words: figures a reader can trust (plurals, zero baselines, what a count counts, calm zeros). */
class ReportWordsTest {
    @TempDir
    Path dir;

    private static String analyze(String log, String... format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        String[] args = new String[format.length + 4];
        args[0] = "analyze";
        System.arraycopy(format, 0, args, 1, format.length);
        args[format.length + 1] = "--year";
        args[format.length + 2] = "2026";
        args[format.length + 3] = "-";
        int code = Portcullis.run(args, out, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String failedImap(int minute, String ip, String user) {
        return String.format("2026-11-20T02:%02d:00.000000+00:00 mx1 dovecot: imap-login: Disconnected: Connection closed "
                + "(auth failed, 1 attempts in 2 secs): user=<%s>, method=PLAIN, rip=%s, lip=10.0.0.1, TLS, session=<s%s%d>%n",
                minute, user, ip, ip.replace(".", ""), minute);
    }

    @Test
    void aCampaignWithNoLoginsUsesTheBaselineFloorAndSaysSoInsteadOfAPercentageAboveZero() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            log.append(failedImap(i * 3, (20 + i) + ".51.100.7", "user" + i + "@example.org")); // 12 networks
        }
        String text = analyze(log.toString());
        // no logins to scale the baseline: it is scaled to at least 1,000 active users, and says so
        assertThat(text).contains("distributed_spray", "12 addresses with at most 8 guesses each",
                "for at least 1,000 active users (here 0 accounts log in)", "7 or more make a campaign")
                .doesNotContain("%+", "above the expected 0.0");
    }

    @Test
    void pluralsAndUnknownAccountsAreSaidRight() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            log.append(String.format("Nov 25 10:%02d:01 h sshd[%d]: Failed password for invalid user admin from 192.0.2.9 port %d ssh2%n",
                    i, 100 + i, 5000 + i));
        }
        String text = analyze(log.toString());
        assertThat(text).contains("12 failed guesses on 1 account (all of them on accounts that do not exist), 0 logins")
                .containsPattern("12 failures +1 account ")
                .doesNotContain("1 accounts", "on unknown accounts");
    }

    @Test
    void guessesThatNameNoAccountAreNotGuessesOnZeroAccounts() {
        // Postfix logs a SASL failure without the user name
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            log.append(String.format("May 11 04:02:%02d host1 postfix/smtpd[26897]: warning: unknown[203.0.113.42]: "
                    + "SASL LOGIN authentication failed: authentication failure%n", 10 + i));
        }
        String text = analyze(log.toString());
        assertThat(text).contains("14 failed guesses naming no account").containsPattern("14 failures +none named")
                .doesNotContain("on 0 accounts");
        String html = analyze(log.toString(), "--format", "html");
        assertThat(html).doesNotContain("<td class=\"num\">0</td>");
    }

    @Test
    void noCompromisedAccountsIsNotAnAlarm() throws IOException {
        String quiet = "2026-11-20T01:00:00.000000+00:00 mx1 dovecot: imap-login: Login: user=<ann@example.org>, method=PLAIN, "
                + "rip=198.51.100.1, lip=10.0.0.1, mpid=1, TLS, session=<ok1>\n";
        String html = analyze(quiet, "--format", "html");
        assertThat(html).contains("Compromised accounts: none found").doesNotContain("class=\"bad\"");
        String text = analyze(quiet);
        assertThat(text).contains("Compromised accounts: none found.").doesNotContain("\u001b");
        assertThat(text).contains("successful logins (any method): 1").doesNotContain("succeeded");
        Path p = dir.resolve("q.log");
        Files.writeString(p, quiet + failedImap(5, "203.0.113.5", "ann@example.org"));
        assertThat(analyze(Files.readString(p))).contains("Failed password guesses: 1; successful logins (any method): 1");
    }

    @Test
    void compromisedAccountsAreTheAlarm() {
        StringBuilder log = new StringBuilder();
        for (int u = 0; u < 12; u++) {
            log.append(failedImap(u, "203.0.113.5", "user" + u + "@example.org"));
        }
        log.append("2026-11-20T02:45:00.000000+00:00 mx1 dovecot: imap-login: Login: user=<user7@example.org>, method=PLAIN, "
                + "rip=203.0.113.5, lip=10.0.0.1, mpid=9, TLS, session=<got>\n");
        assertThat(analyze(log.toString(), "--format", "html")).contains("<h2 class=\"bad\">Compromised accounts: 1</h2>");
    }
}
