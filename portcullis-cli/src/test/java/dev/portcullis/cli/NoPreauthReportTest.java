package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static dev.portcullis.cli.ProofOnRealLinesTest.resource;
import static dev.portcullis.cli.ProofOnRealLinesTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AS-REP roasting in every report form: Windows 4768 tickets issued with PreAuthType 0 (no password
 * checked) listed per account with their count, first and last ticket, the clients that asked and the
 * domain controllers that issued them; never a login, never a guess. Own winlogbeat 8 records.
 */
class NoPreauthReportTest {
    private static final String LOG = "report/asrep-roast.winlogbeat.json";

    private static String analyze(String log, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(new String[] {"analyze", "--format", format, "-"}, out,
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJsonReportListsEachRoastableAccountWithItsTickets() throws IOException {
        JsonNode r = new ObjectMapper().readTree(analyze(resource(LOG), "json"));
        assertThat(r.get("summary").get("unparsed_lines").asLong()).isZero();
        // one ticket with pre-authentication: the only login; the roastable tickets are neither logins nor guesses
        assertThat(r.get("summary").get("successes").asLong()).isEqualTo(1);
        assertThat(r.get("summary").get("failures").asLong()).isZero();
        assertThat(r.get("attacks")).isEmpty();
        JsonNode list = r.get("no_preauth_accounts");
        assertThat(list).hasSize(2);
        JsonNode backup = list.get(0);
        assertThat(backup.get("account").asText()).isEqualTo("svc-backup");
        assertThat(backup.get("count").asLong()).isEqualTo(1);
        assertThat(backup.get("first_seen").asText()).isEqualTo("2026-04-14T22:10:05.900Z");
        assertThat(backup.get("last_seen").asText()).isEqualTo("2026-04-14T22:10:05.900Z");
        JsonNode scan = list.get(1);
        assertThat(scan.get("account").asText()).isEqualTo("svc-scan");
        assertThat(scan.get("count").asLong()).isEqualTo(3);
        assertThat(scan.get("first_seen").asText()).isEqualTo("2026-04-14T22:10:05.250Z");
        assertThat(scan.get("last_seen").asText()).isEqualTo("2026-04-14T23:45:12Z");
        assertThat(texts(scan.get("sources"))).containsExactly("192.0.2.150", "198.51.100.23");
        assertThat(texts(scan.get("domain_controllers"))).containsExactly("DC1.corp.example.org", "DC2.corp.example.org");
    }

    @Test
    void aLogWithoutSuchTicketsHasAnEmptyList() throws IOException {
        String log = "2026-04-14T08:00:00.000000+00:00 mx1 dovecot: imap-login: Login: user=<ana@example.org>, "
                + "method=PLAIN, rip=192.0.2.10, lip=10.0.0.1, mpid=1, TLS, session=<a1>\n";
        JsonNode r = new ObjectMapper().readTree(analyze(log, "json"));
        assertThat(r.get("no_preauth_accounts")).isEmpty();
    }

    @Test
    void theHtmlAndTextReportsShowTheSection() throws IOException {
        String html = analyze(resource(LOG), "html");
        assertThat(html).contains("Accounts without Kerberos pre-authentication: 2", "AS-REP roasting",
                "<td>svc-scan</td><td class=\"num\">3</td>", "192.0.2.150, 198.51.100.23",
                "DC1.corp.example.org, DC2.corp.example.org");
        String text = analyze(resource(LOG), "text");
        assertThat(text).contains("ACCOUNTS WITHOUT KERBEROS PRE-AUTHENTICATION", "svc-backup, svc-scan")
                .contains("Compromised accounts: none found.");
    }
}
