package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.sim.Scenario;
import dev.portcullis.sim.ScenarioSpec;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.Store;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance, end to end: a labelled scenario log → {@code analyze --record --notify} →
 * incidents with exactly the truth's compromised accounts → one letter per account, received by a real
 * SMTP server (GreenMail), with the right content → the same command again (new store, notifier and
 * JVM objects on the same data directory: a restart) → no letter twice.
 */
class IncidentsEndToEndTest {
    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(args, out, new ByteArrayInputStream(new byte[0]), new PrintWriter(err, true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLabelledScenarioBecomesIncidentsAndOneLetterPerCompromisedAccountNeverTwice() throws Exception {
        Scenario scenario = new Scenario(ScenarioSpec.typical(1_000, Duration.ofHours(12), 7));
        Path log = dir.resolve("mail.log");
        try (Writer w = Files.newBufferedWriter(log)) {
            scenario.write(w);
        }
        Set<String> truth = new TreeSet<>(((Map<String, Object>) scenario.truth().get("compromised")).keySet());
        assertThat(truth).as("the scenario has compromised accounts").isNotEmpty();
        Path config = dir.resolve("portcullis.yaml");
        Files.writeString(config, String.join("\n",
                "notify:",
                "  smtp: {host: 127.0.0.1, port: " + mail.getSmtp().getPort() + ", starttls: off}",
                "  from: security@example.org",
                "  security_team: soc@example.org",
                "  owner_address: '{account}'",
                "  organisation: Example Parliament IT",
                "incidents:",
                "  lockdown_suggestion_threshold: 50",
                ""));
        String[] args = {"analyze", "--format", "json", "--out", dir.resolve("report.json").toString(), "--config",
                config.toString(), "--record", "--notify", "--data", dir.resolve("data").toString(), log.toString()};

        Run first = run(args);
        assertThat(first.code()).as(first.err()).isZero();

        List<Incident> incidents;
        try (Store store = Store.open(dir.resolve("data").toString())) {
            incidents = store.incidents(false, 1_000);
            Set<String> inIncidents = new TreeSet<>();
            incidents.forEach(i -> inIncidents.addAll(i.accountNames()));
            List<String> all = new ArrayList<>();
            incidents.forEach(i -> all.addAll(i.accountNames()));
            assertThat(inIncidents).as("incidents hold exactly the truth's compromised accounts").isEqualTo(truth);
            assertThat(all).as("no account in two incidents").hasSize(truth.size());
            assertThat(store.deliveries(null)).allMatch(d -> d.state() == DeliveryRecord.State.SENT);
            assertThat(store.load(java.time.Instant.now()).lockouts()).extracting(l -> l.account())
                    .containsExactlyInAnyOrderElementsOf(truth);
        }
        MimeMessage[] got = mail.getReceivedMessages();
        List<String> owners = new ArrayList<>();
        int summaries = 0;
        for (MimeMessage m : got) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to.equals("soc@example.org")) summaries++; else owners.add(to);
        }
        assertThat(owners).as("one letter per compromised account").hasSize(truth.size());
        assertThat(new TreeSet<>(owners)).isEqualTo(truth);
        assertThat(summaries).as("one summary per incident").isEqualTo(incidents.size());

        Incident someIncident = incidents.get(0);
        IncidentAccount victim = someIncident.accounts().get(0);
        MimeMessage letter = java.util.stream.Stream.of(got).filter(m -> recipient(m).equals(victim.account())).findFirst().orElseThrow();
        String body = letter.getContent().toString();
        assertThat(letter.getSubject()).contains(victim.account());
        assertThat(body).contains(victim.account(), someIncident.id(), victim.sources().get(0),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(victim.compromisedAt()),
                "Change your password", "forwarding");

        Run again = run(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("0 incident(s) opened, 0 updated");
        assertThat(mail.getReceivedMessages()).as("nothing is sent twice after a restart").hasSize(got.length);

        // → the investigation of the incident's accounts shows what the attacker downloaded and changed
        Map<String, Map<String, Object>> planted = (Map<String, Map<String, Object>>) scenario.truth().get("compromised");
        long plantedBytes = 0, foundBytes = 0, plantedChanges = 0, foundChanges = 0;
        int investigated = 0;
        for (Incident incident : incidents) {
            Run investigation = run("investigate", "--format", "json", "--incident", incident.id(), "--data",
                    dir.resolve("data").toString(), log.toString());
            assertThat(investigation.code()).as(investigation.err()).isZero();
            com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(investigation.out());
            assertThat(report.get("investigations")).hasSize(incident.accounts().size());
            for (com.fasterxml.jackson.databind.JsonNode a : report.get("investigations")) {
                investigated++;
                Map<String, Object> t = planted.get(a.get("account").asText());
                assertThat(t).as("investigated only incident accounts").isNotNull();
                com.fasterxml.jackson.databind.JsonNode attacker = a.get("attacker");
                assertThat(attacker.get("message_bytes").asLong()).as(a.get("account").asText())
                        .isEqualTo((Long) t.get("downloaded_bytes"));
                assertThat(attacker.get("mailbox_changes").asLong()).as(a.get("account").asText())
                        .isEqualTo((Long) t.get("mailbox_changes"));
                plantedBytes += (Long) t.get("downloaded_bytes");
                foundBytes += attacker.get("message_bytes").asLong();
                plantedChanges += (Long) t.get("mailbox_changes");
                foundChanges += attacker.get("mailbox_changes").asLong();
            }
        }
        assertThat(investigated).isEqualTo(truth.size());
        assertThat(plantedBytes).as("the scenario planted downloads").isPositive();

        System.out.printf("end to end: %d compromised in the truth, %d incident(s) with %d account(s), %d owner letters,"
                + " %d summaries; after the restart: %d new letters; investigation: %,d of %,d planted bytes downloaded,"
                + " %d of %d planted mailbox changes%n", truth.size(), incidents.size(), owners.size(),
                owners.size(), summaries, mail.getReceivedMessages().length - got.length, foundBytes, plantedBytes,
                foundChanges, plantedChanges);
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
