package dev.portcullis.respond.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.Responder;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.DeliveryRecord.State;
import dev.portcullis.store.Store;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The notifier against a real SMTP server (GreenMail, in-process) and a real SQLite store. */
class NotifierTest {
    static final Instant T0 = Instant.parse("2026-11-20T14:03:00Z");
    static final String PASSWORD = "Smtp-Secret-7f3a9";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier", PASSWORD));

    @TempDir
    Path temp;

    Store store;

    @BeforeEach
    void open() {
        store = Store.open(temp.resolve("data").toString());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Map<String, Object> smtp(int port) {
        Map<String, Object> m = new HashMap<>();
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", String.valueOf(port));
        m.put("smtp.starttls", "off");
        m.put("smtp.user", "notifier");
        m.put("smtp.password_env", "PORTCULLIS_SMTP_PASSWORD");
        m.put("from", "security@example.org");
        m.put("security_team", "soc@example.org");
        m.put("organisation", "Example Parliament IT");
        m.put("helpdesk", "the IT service desk (extension 4357)");
        return m;
    }

    static NotifyConfig config(Map<String, Object> m) {
        return NotifyConfig.fromMap(m, name -> name.equals("PORTCULLIS_SMTP_PASSWORD") ? PASSWORD : null);
    }

    static Detection spray(String... compromised) {
        return new Detection("d1", AttackKind.PASSWORD_SPRAY, T0.minusSeconds(7200), T0,
                List.of("203.0.113.45", "198.51.100.7"), 900, 1800, List.of(compromised), List.of());
    }

    Responder responder(NotifyConfig c) {
        return new Responder(store, IncidentConfig.DEFAULTS, Notifier.create(store, c, IncidentConfig.DEFAULTS),
                Responder.Enforcer.NONE);
    }

    @Test
    void eachOwnerAndTheSecurityTeamGetOneLetterWithWhatHappenedAndWhatToDo() throws Exception {
        Responder r = responder(config(smtp(mail.getSmtp().getPort())));
        Incident i = r.detection("spray-1", spray("alice@example.org", "bob@example.org"), null, "engine", T0).incident();

        Notifier.DeliveryCounts t = r.notifier().tick(T0.plusSeconds(1));

        assertThat(t).isEqualTo(new Notifier.DeliveryCounts(3, 0, 0, 0));
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(3);
        MimeMessage alice = to(got, "alice@example.org");
        String body = text(alice);
        assertThat(alice.getSubject()).contains("alice@example.org", "change your password");
        assertThat(alice.getFrom()[0].toString()).isEqualTo("security@example.org");
        assertThat(body).contains("alice@example.org", "2026-11-20 14:03 UTC", "203.0.113.45", "198.51.100.7",
                i.id(), "Change your password", "forwarding", "Sent folder", "extension 4357",
                "never ask you for your password", "Example Parliament IT");
        MimeMessage soc = to(got, "soc@example.org");
        assertThat(soc.getSubject()).contains(i.id(), "2 compromised");
        assertThat(text(soc)).contains("alice@example.org", "bob@example.org", "password spray",
                "2026-11-23 14:03 UTC", "portcullis incidents ack " + i.id());
        for (MimeMessage m : got) {
            assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain(PASSWORD);
        }

        assertThat(r.notifier().tick(T0.plusSeconds(60)).total()).isZero();
        assertThat(r.detection("spray-1", spray("alice@example.org", "bob@example.org"), null, "engine", T0).changed()).isFalse();
        assertThat(r.notifier().tick(T0.plusSeconds(120)).total()).isZero();
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(store.incident(i.id()).orElseThrow().accounts()).allMatch(a -> a.stage() == AccountStage.NOTIFIED);
        assertThat(store.auditTrail(T0, 100)).extracting(AuditEntry::action).contains("notify.sent", "incident.open");
        assertThat(store.auditTrail(T0, 100)).extracting(AuditEntry::detail).noneMatch(d -> d != null && d.contains(PASSWORD));
    }

    @Test
    void definiteFailuresAreRetriedWithBackOffDrivenByTime() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Responder down = responder(config(smtp(closed)));
        Incident i = down.detection("spray-2", spray("carol@example.org"), null, "engine", T0).incident();

        assertThat(down.notifier().tick(T0).retry()).isEqualTo(2);
        DeliveryRecord d = owner(i);
        assertThat(d.state()).isEqualTo(State.RETRY);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(d.lastError()).contains("cannot connect").doesNotContain(PASSWORD);
        assertThat(down.notifier().tick(T0.plusSeconds(59)).total()).as("not due yet").isZero();
        down.notifier().tick(T0.plusSeconds(60));
        assertThat(owner(i).nextAttempt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(2)));

        // the server is back (same store, a notifier configured for the live server, as after a restart)
        Notifier up = Notifier.create(store, config(smtp(mail.getSmtp().getPort())), IncidentConfig.DEFAULTS);
        assertThat(up.tick(T0.plusSeconds(61)).total()).isZero();
        assertThat(up.tick(T0.plus(Duration.ofMinutes(3))).sent()).isEqualTo(2);
        assertThat(owner(i).attempts()).isEqualTo(3);
        assertThat(mail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void anAttemptInterruptedByAStopIsMarkedUnknownAndNeverSentAgain() {
        Responder r = responder(config(smtp(mail.getSmtp().getPort())));
        Incident i = r.detection("spray-3", spray("dave@example.org"), null, "engine", T0).incident();
        DeliveryRecord d = owner(i);
        // the process claimed the letter and died before marking it sent
        assertThat(store.moveDelivery(d.with(State.SENDING, 1, null, T0, null, null), State.PENDING)).isTrue();

        Responder restarted = responder(config(smtp(mail.getSmtp().getPort())));
        restarted.resume(T0.plusSeconds(30));
        restarted.notifier().tick(T0.plusSeconds(31));

        assertThat(owner(i).state()).isEqualTo(State.UNKNOWN);
        assertThat(owner(i).lastError()).contains("may have arrived");
        assertThat(mail.getReceivedMessages()).extracting(m -> recipient(m)).containsExactly("soc@example.org");
    }

    @Test
    void aWrongPasswordIsADefiniteFailureAndNeverQuoted() {
        Map<String, Object> m = smtp(mail.getSmtp().getPort());
        Notifier n = Notifier.create(store, NotifyConfig.fromMap(m, name -> "Wrong-Password-123"), IncidentConfig.DEFAULTS);
        Responder r = new Responder(store, IncidentConfig.DEFAULTS, n, Responder.Enforcer.NONE);
        Incident i = r.detection("spray-4", spray("erin@example.org"), null, "engine", T0).incident();
        n.tick(T0);
        assertThat(owner(i).state()).isEqualTo(State.RETRY);
        assertThat(owner(i).lastError()).doesNotContain("Wrong-Password-123");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsRequiredRefusesToSendInClear() {
        Map<String, Object> m = smtp(mail.getSmtp().getPort());
        m.remove("smtp.starttls");   // default: required
        Responder r = responder(config(m));
        Incident i = r.detection("spray-5", spray("frank@example.org"), null, "engine", T0).incident();
        r.notifier().tick(T0);
        assertThat(owner(i).state()).isEqualTo(State.RETRY);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDryRunWritesEmlFilesInstead() throws Exception {
        Map<String, Object> m = smtp(1);
        m.put("dry_run", temp.resolve("outbox").toString());
        Responder r = responder(config(m));
        Incident i = r.detection("spray-6", spray("grace@example.org"), null, "engine", T0).incident();
        assertThat(r.notifier().tick(T0).sent()).isEqualTo(2);

        List<Path> files;
        try (Stream<Path> s = Files.list(temp.resolve("outbox"))) {
            files = s.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        assertThat(files).hasSize(2);
        Path owner = files.stream().filter(p -> p.getFileName().toString().contains("owner_email")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(owner)) {
            MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(msg.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("grace@example.org");
            assertThat(msg.getSubject()).contains("grace@example.org");
            assertThat(msg.getHeader("Message-ID")[0]).contains(i.id());
            assertThat(msg.getContent().toString()).contains("203.0.113.45");
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anOrganisationRewordsTheTemplatesAndATypoIsCaughtAtStart() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(dir.resolve("owner.txt"), "Subject: Konto {{account}} kompromittiert\n\nHallo {{account}},"
                + " am {{when}} von {{sources}}. Bitte Passwort ändern. {{helpdesk}}\n");
        Map<String, Object> m = smtp(mail.getSmtp().getPort());
        m.put("templates", dir.toString());
        Responder r = responder(config(m));
        r.detection("spray-7", spray("heidi@example.org"), null, "engine", T0);
        r.notifier().tick(T0);
        MimeMessage got = to(mail.getReceivedMessages(), "heidi@example.org");
        assertThat(got.getSubject()).isEqualTo("Konto heidi@example.org kompromittiert");
        assertThat(text(got)).contains("Hallo heidi@example.org", "Passwort ändern");

        Files.writeString(dir.resolve("security.txt"), "Subject: {{incident}}\n\n{{acounts}}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Templates.load(dir));
        assertThat(e.getMessage()).contains("security.txt", "{{acounts}}");
    }

    @Test
    void configErrorsNameTheKeyAndSecretsNeverShow() {
        Map<String, Object> m = smtp(25);
        NotifyConfig c = config(m);
        assertThat(c.toString()).doesNotContain(PASSWORD).contains("password=***");
        assertThat(assertThrows(IllegalArgumentException.class, () -> NotifyConfig.fromMap(m, name -> null)).getMessage())
                .contains("notify.smtp.password_env", "PORTCULLIS_SMTP_PASSWORD").doesNotContain(PASSWORD);
        m.put("smtp.port", "70000");
        assertThat(assertThrows(IllegalArgumentException.class, () -> config(m)).getMessage()).contains("notify.smtp.port: 70000 is out of range; allowed 1..65535");
        m.put("smtp.port", "25");
        m.put("owner_adress", "{account}");
        assertThat(assertThrows(IllegalArgumentException.class, () -> config(m)).getMessage())
                .contains("notify.owner_adress: unknown key; allowed ");
        m.remove("owner_adress");
        m.put("owner_address", "helpdesk@example.org");
        assertThat(assertThrows(IllegalArgumentException.class, () -> config(m)).getMessage()).contains("must contain {account}");
        m.put("owner_address", "{account}@mail.example.org");
        assertThat(config(m).ownerAddressOf("jdoe")).isEqualTo("jdoe@mail.example.org");
    }

    private DeliveryRecord owner(Incident i) {
        return store.deliveries(i.id()).stream().filter(d -> d.kind().equals(Notifier.OWNER)).findFirst().orElseThrow();
    }

    static MimeMessage to(MimeMessage[] got, String address) {
        return Stream.of(got).filter(m -> recipient(m).equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no message to " + address));
    }

    static String text(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
