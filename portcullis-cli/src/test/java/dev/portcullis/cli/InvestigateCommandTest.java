package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.sim.Scenario;
import dev.portcullis.sim.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code portcullis investigate} end to end: a generated scenario against its truth, the M365 spray, errors. */
class InvestigateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A public M365 spray ending in a success (Apache-2.0; licence and NOTICE beside it), the module's own copy. */
    private static final Path M365_SPRAY = Path.of("src", "test", "resources", "third-party", "m365",
            "t1110.003_msolspraywithsuccess_1.csv");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(args, out, new ByteArrayInputStream(new byte[0]), new PrintWriter(err, true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    /**
     * Every planted attacker session is found with its exact figures; the attacker's totals are exactly
     * the planted downloads and mailbox changes; an account the attacker never returned to is "accessed".
     */
    @Test
    void scenarioInvestigationShowsExactlyThePlantedDownloadsAndMailboxChanges() throws IOException {
        Scenario s = new Scenario(ScenarioSpec.typical(1000, Duration.ofHours(24), 1));
        Path log = dir.resolve("mail.log");
        try (Writer w = Files.newBufferedWriter(log)) {
            s.write(w);
        }
        Run r = run("investigate", "--format", "json", "--year", "2026", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        Map<String, JsonNode> found = new HashMap<>();
        report.get("investigations").forEach(a -> found.put(a.get("account").asText(), a));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> truth = (Map<String, Map<String, Object>>) s.truth().get("compromised");
        assertThat(truth).isNotEmpty();
        assertThat(found.keySet()).containsAll(truth.keySet());
        long plantedBytes = 0;
        long foundBytes = 0;
        int leftAlone = 0;
        for (Map.Entry<String, Map<String, Object>> e : truth.entrySet()) {
            JsonNode a = found.get(e.getKey());
            Map<String, Object> t = e.getValue();
            JsonNode attacker = a.get("attacker");
            String who = e.getKey() + " " + t;
            assertThat(attacker.get("messages").asLong()).as(who).isEqualTo((Long) t.get("messages"));
            assertThat(attacker.get("message_bytes").asLong()).as(who).isEqualTo((Long) t.get("downloaded_bytes"));
            assertThat(attacker.get("mailbox_changes").asLong()).as(who).isEqualTo((Long) t.get("mailbox_changes"));
            plantedBytes += (Long) t.get("downloaded_bytes");
            foundBytes += attacker.get("message_bytes").asLong();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessions = (List<Map<String, Object>>) t.get("sessions");
            List<JsonNode> listed = new ArrayList<>();
            a.get("sessions").forEach(listed::add);
            for (Map<String, Object> p : sessions) {
                assertThat(listed).as(who + " planted session " + p).anySatisfy(f -> {
                    assertThat(f.get("source").asText()).isEqualTo(p.get("source"));
                    assertThat(f.get("service").asText()).isEqualTo(p.get("service"));
                    assertThat(f.get("totals").get("messages").asLong()).isEqualTo((Long) p.get("messages"));
                    assertThat(f.get("totals").get("message_bytes").asLong()).isEqualTo((Long) p.get("body_bytes"));
                    assertThat(f.get("totals").get("mailbox_changes").asLong()).isEqualTo((Long) p.get("mailbox_changes"));
                });
            }
            if (Boolean.FALSE.equals(t.get("attacker_returned"))) {
                leftAlone++;
                assertThat(a.get("verdict").asText()).as(who).isEqualTo("accessed");
            } else if ((Long) t.get("mailbox_changes") > 0) {
                assertThat(a.get("verdict").asText()).as(who).isEqualTo("altered");
            }
        }
        assertThat(leftAlone).as("the scenario has an account the attacker never returned to").isPositive();
        assertThat(foundBytes).isEqualTo(plantedBytes).isPositive();
        assertThat(truth.values().stream().flatMap(t -> ((List<?>) t.get("sessions")).stream())
                .map(x -> String.valueOf(((Map<?, ?>) x).get("service")))).as("a POP3 retr session is planted").contains("pop3");
    }

    @Test
    void m365SprayShowsItsSignInTrailForTheAccountThatFell() throws IOException {
        Run r = run("investigate", "--format", "json", M365_SPRAY.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode inv = JSON.readTree(r.out()).get("investigations");
        assertThat(inv).hasSize(1);
        JsonNode miriam = inv.get(0);
        assertThat(miriam.get("account").asText()).isEqualTo("miriam@contoso.onmicrosoft.com");
        assertThat(miriam.get("verdict").asText()).isEqualTo("accessed");
        assertThat(miriam.get("compromised_at").asText()).isEqualTo("2023-06-14T13:09:23Z");
        assertThat(miriam.get("attacker_sources").get(0).asText()).isEqualTo("2a09:bac5:113:105::1a:a7");
        List<String> what = new ArrayList<>();
        miriam.get("timeline").forEach(t -> what.add(t.get("what").asText()));
        assertThat(what).filteredOn(w -> w.startsWith("failed sign-in on ")).hasSize(8);
        assertThat(what).anySatisfy(w -> assertThat(w).startsWith("signed in over sso — attacker"));
        assertThat(what).anySatisfy(w -> assertThat(w).contains("8 failed sign-ins on 6 other accounts"));
        List<String> times = new ArrayList<>();
        miriam.get("timeline").forEach(t -> times.add(t.get("time").asText()));
        assertThat(times).isSorted();
        assertThat(miriam.get("timeline").get(0).get("where").asText()).endsWith("t1110.003_msolspraywithsuccess_1.csv:8");
    }

    @Test
    void textAndSelfContainedHtmlReports() throws IOException {
        Run text = run("investigate", "--account", "Miriam@contoso.onmicrosoft.com", M365_SPRAY.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("ACCOUNT miriam@contoso.onmicrosoft.com — ACCESSED", "signed in over sso");
        Path html = dir.resolve("inv.html");
        assertThat(run("investigate", "--format", "html", "--out", html.toString(), M365_SPRAY.toString()).code()).isZero();
        String h = Files.readString(html);
        assertThat(h).startsWith("<!doctype html>").contains("<style>", "miriam@contoso.onmicrosoft.com", "accessed")
                .doesNotContain("<script", "http://", "https://", "<link");
    }

    @Test
    void anAccountNamedThatDidNotFallIsNoAccessWithTheAttackersGuesses() {
        Run r = run("investigate", "--format", "json", "--account", "lidia@contoso.onmicrosoft.com", M365_SPRAY.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"verdict\":\"no_access\"", "\"failed_guesses\":2");
    }

    @Test
    void usageAndInputErrorsExitTwoNamingTheFile() {
        Run missing = run("investigate", dir.resolve("nope.log").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.log");
        Run stdin = run("investigate", "-");
        assertThat(stdin.code()).isEqualTo(2);
        assertThat(stdin.err()).contains("standard input");
        assertThat(run("investigate", "--format", "xml", M365_SPRAY.toString()).code()).isEqualTo(2);
    }
}
