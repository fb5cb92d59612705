package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compromise only on proof that a password was right (docs/formats.md, "What proves that a password was
 * right"; docs/detection.md, rule 5), on multi-line samples: a Kerberos network logon proves a ticket,
 * not a password; a login from an attacker's address long after its guesses proves none of them right;
 * a login that ends a brute force does.
 */
class ProofOnRealLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String resource(String path) throws IOException {
        try (InputStream in = ProofOnRealLinesTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** analyze --format json over the text on stdin. */
    static JsonNode analyze(String log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(new String[] {"analyze", "--format", "json", "--year", "2026", "-"}, out,
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode r = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(r.get("summary").get("unparsed_lines").asLong()).isZero();
        return r;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode account(JsonNode report, String name) {
        for (JsonNode a : report.get("accounts")) {
            if (a.get("account").asText().equals(name)) return a;
        }
        throw new AssertionError(name + " not among the report's accounts: " + report.get("accounts"));
    }

    static long compromised(JsonNode report) {
        long n = 0;
        for (JsonNode a : report.get("accounts")) {
            if (a.get("status").asText().equals("compromised")) n++;
        }
        return n;
    }

    @Test
    void aKerberosNetworkLogonProvesATicketNotAPassword() throws IOException {
        JsonNode r = analyze(resource("proof/kerberos-network-logons.winlogbeat.json"));
        // the TGT with pre-authentication and the NTLM network logon; not the four Kerberos network logons
        assertThat(r.get("summary").get("successes").asLong()).isEqualTo(2);
        assertThat(r.get("attacks")).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("password_spray");
            assertThat(texts(a.get("sources"))).containsExactly("10.20.9.99");
            assertThat(a.get("compromised")).isEmpty();
        });
        assertThat(compromised(r)).as("a ticket logon from the sprayer proves no password").isZero();
        assertThat(account(r, "lnovak").get("status").asText()).isEqualTo("targeted");
    }

    @Test
    void aDockerGatewayWhoseOwnerMistypedAndLoggedInNextMorningBreaksNobody() throws IOException {
        // CrowdSec's Dovecot tests: 172.17.0.1 (the Docker bridge's gateway: every client of a published
        // port) fails 2 + 2 times on test@yourdomain.net among others within ten minutes, and that account
        // logs in from it 17 hours later
        // (the first file ends without a newline)
        JsonNode r = analyze(resource("third-party/crowdsec-hub/dovecot-spam_dovecot-spam.log") + "\n"
                + resource("third-party/crowdsec-hub/dovecot-logs_dovecot-logs.log"));
        assertThat(compromised(r)).isZero();
        JsonNode owner = account(r, "test@yourdomain.net");
        assertThat(owner.get("status").asText()).isEqualTo("targeted");
        assertThat(texts(owner.get("evidence"))).anySatisfy(e -> assertThat(e)
                .contains("logged in from 172.17.0.1 at 2026-10-13T09:22:59Z, 17 h after the attack's guesses"));
        for (JsonNode a : r.get("attacks")) {
            if (texts(a.get("sources")).contains("172.17.0.1")) {
                assertThat(a.get("end").asText()).as("an attack's span is its guesses'").startsWith("2026-10-12T15:5");
            }
        }
    }

    @Test
    void aLoginThatEndsABruteForceIsACompromise() throws IOException {
        String log = resource("kinds/sshd-root-dictionary.log")
                + "Nov 25 03:23:41 bastion sshd[40431]: Accepted password for root from 198.51.100.23 port 48177 ssh2\n";
        JsonNode r = analyze(log);
        assertThat(r.get("attacks")).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("brute_force");
            assertThat(texts(a.get("compromised"))).containsExactly("root");
        });
        assertThat(account(r, "root").get("status").asText()).isEqualTo("compromised");
    }
}
