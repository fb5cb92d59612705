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
 * The kind of attack named from what real log lines say (docs/detection.md, "Which kind"): samples in
 * {@code src/test/resources/kinds}, written by us from the documented formats (see its README).
 */
class KindsOnRealLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sample(String name) throws IOException {
        try (InputStream in = KindsOnRealLinesTest.class.getResourceAsStream("/kinds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** analyze --format json over the text on stdin. */
    private static JsonNode analyze(String log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(new String[] {"analyze", "--format", "json", "--year", "2026", "-"}, out,
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode r = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(r.get("summary").get("unparsed_lines").asLong()).isZero();
        return r;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void kerbruteSprayOverExistingAccountsIsAPasswordSpray() throws IOException {
        // 4771 0x18 (pre-authentication failed: the account exists) on 39 accounts, 4768 0x6 on two
        // stale names, and one 4768 success from the sprayer; none of the sprayed accounts logs in
        // otherwise during these two hours: absence of logins must not make it stuffing
        JsonNode r = analyze(sample("kerbrute-spray.winlogbeat.json"));
        assertThat(r.get("attacks")).hasSize(1);
        JsonNode a = r.get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("password_spray");
        assertThat(texts(a.get("sources"))).containsExactly("203.0.113.50");
        assertThat(a.get("attempts").asLong()).isEqualTo(41);
        assertThat(texts(a.get("compromised"))).containsExactly("wbrandt");
        assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e).contains("accounts that exist"));
    }

    @Test
    void sshdRootDictionaryIsABruteForceOf276Guesses() throws IOException {
        JsonNode r = analyze(sample("sshd-root-dictionary.log"));
        assertThat(r.get("attacks")).hasSize(1);
        JsonNode a = r.get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("brute_force");
        assertThat(a.get("attempts").asLong()).as("the max-attempts error line is no guess of its own").isEqualTo(276);
        assertThat(a.get("accounts_targeted").asInt()).isEqualTo(1);
    }

    @Test
    void rootDictionaryWithUserNamesOnTheSideIsStillABruteForce() throws IOException {
        // the same host also tries 64 names that do not exist, once or twice each
        String names = sample("sshd-invalid-users.log").replace("192.0.2.77", "198.51.100.23");
        JsonNode r = analyze(sample("sshd-root-dictionary.log") + names);
        assertThat(r.get("attacks")).hasSize(1);
        JsonNode a = r.get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("brute_force");
        assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e).contains("on root"));
    }

    @Test
    void sshdInvalidUserRunIsADictionaryOfUserNamesNotStuffing() throws IOException {
        JsonNode r = analyze(sample("sshd-invalid-users.log"));
        assertThat(r.get("attacks")).hasSize(1);
        JsonNode a = r.get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("brute_force");
        assertThat(texts(a.get("sources"))).containsExactly("192.0.2.77");
        assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e).contains("dictionary of user names"));
    }

    @Test
    void leakedPairsOverMostlyUnknownAddressesAreCredentialStuffing() throws IOException {
        JsonNode r = analyze(sample("dovecot-stuffing.log"));
        assertThat(r.get("attacks")).hasSize(1);
        JsonNode a = r.get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("credential_stuffing");
        assertThat(texts(a.get("sources"))).containsExactly("203.0.113.140");
        assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e).contains("of the guesses on accounts that do not exist", "leaked pairs"));
    }

    @Test
    void onePasswordOverTheSameNamesIsASpray() throws IOException {
        String onePassword = sample("dovecot-stuffing.log").replaceAll("\\(given password: [^)]*\\)", "(given password: Winter2026!)");
        JsonNode a = analyze(onePassword).get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("password_spray");
        assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e).contains("1 password tried over"));
    }

    @Test
    void aShortLogThatGivesNoReasonsDoesNotMakeStuffingOutOfMissingLogins() throws IOException {
        // Dovecot login lines only (no auth_verbose): the log does not say whether the accounts exist
        String noReasons = sample("dovecot-stuffing.log").lines().filter(l -> l.contains("imap-login"))
                .reduce("", (x, y) -> x + y + "\n");
        JsonNode a = analyze(noReasons).get("attacks").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("password_spray");
    }

    @Test
    void oneGuessOnEachOfTwelveKeycloakUsersMostOfWhichExistIsASpray() throws IOException {
        // CrowdSec's keycloak-slow-bf test (MIT): one LOGIN_ERROR on each of user-a0..a11 from one address,
        // 5 user_not_found and 7 invalid_user_credentials: a list of the realm's users, not a dictionary
        JsonNode r = analyze(thirdParty("keycloak-slow-bf_keycloak-logs.log"));
        assertThat(r.get("attacks")).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("password_spray");
            assertThat(texts(a.get("sources"))).containsExactly("35.188.49.176");
            assertThat(a.get("accounts_targeted").asInt()).isEqualTo(12);
            assertThat(a.get("attempts").asLong()).isEqualTo(12);
            assertThat(texts(a.get("evidence"))).anySatisfy(e -> assertThat(e)
                    .contains("58% of the guesses on accounts that exist", "a list of user names, not a dictionary"));
        });
    }

    @Test
    void nineAddressesOfOneSlash24WithOneGuessEachAreASpray() throws IOException {
        // CrowdSec's postfix-honeypot-users test (MIT): 203.0.113.10..90, one SASL failure each on nine accounts
        JsonNode r = analyze(thirdParty("postfix-honeypot-users_postfix-honeypot-users.log"));
        assertThat(r.get("attacks")).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("password_spray");
            assertThat(a.get("sources")).hasSize(9);
            assertThat(a.get("accounts_targeted").asInt()).isEqualTo(9);
            assertThat(a.get("attempts").asLong()).isEqualTo(9);
        });
    }

    private static String thirdParty(String name) throws IOException {
        return ProofOnRealLinesTest.resource("third-party/crowdsec-hub/" + name);
    }
}
