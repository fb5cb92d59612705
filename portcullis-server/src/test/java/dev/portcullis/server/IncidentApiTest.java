package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.respond.Responder;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident routes of the admin API on a real server and SQLite store: lifecycle, holds in the gate, audit. */
class IncidentApiTest {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);
    final HttpClient http = HttpClient.newHttpClient();
    Store store;
    GateServer server;
    String admin;
    String reader;

    @BeforeEach
    void start() {
        store = Store.open(dir.resolve("data").toString());
        admin = Tokens.create(store, "ops", "admin", T0);
        reader = Tokens.create(store, "auditor", "read", T0);
        NotifyConfig notify = NotifyConfig.fromMap(Map.of("dry_run", dir.resolve("outbox").toString(),
                "security_team", "soc@example.org"), name -> null);
        server = GateServer.start(GateConfig.DEFAULTS, EngineConfig.DEFAULTS, store,
                new ServerConfig("127.0.0.1", 0, "policy-secret-123", "X-API-Key", 4096, 10), clock,
                IncidentConfig.fromMap(Map.of("dpo_contact", "dpo@example.org")), notify);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    record Res(int status, JsonNode json) {}

    Res call(String token, String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), RecordJson.MAPPER.readTree(r.body()));
    }

    static Detection stuffing(String... compromised) {
        return new Detection("d", AttackKind.CREDENTIAL_STUFFING, T0.minusSeconds(900), T0, List.of("203.0.113.77"),
                120, 130, List.of(compromised), List.of());
    }

    @Test
    void anIncidentIsListedHeldInTheGateMovedAcknowledgedExportedAndClosed() throws Exception {
        String id = server.responder().detection("credential_stuffing-1-203.0.113.77",
                stuffing("alice@example.org"), null, "engine", T0).incident().id();

        JsonNode list = call(reader, "GET", "/api/incidents", null).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.get(0).path("deadline").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(call(admin, "GET", "/api/lockouts", null).json().toString()).contains("alice@example.org", "incident " + id);
        assertThat(call(admin, "GET", "/api/blocks", null).json().toString()).contains("203.0.113.77");

        assertThat(call(reader, "POST", "/api/incidents/" + id + "/ack", "{}").status()).isEqualTo(403);
        assertThat(call(admin, "GET", "/api/incidents/INC-nope", null).status()).isEqualTo(404);
        Res skip = call(admin, "POST", "/api/incidents/" + id + "/accounts/alice@example.org", "{\"state\":\"reset_confirmed\"}");
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().path("reason").asText()).contains("can move to notified");
        assertThat(call(admin, "POST", "/api/incidents/" + id + "/accounts/alice@example.org", "{\"state\":\"pwned\"}").status())
                .isEqualTo(400);

        clock.advance(Duration.ofHours(1));
        Res ack = call(admin, "POST", "/api/incidents/" + id + "/ack",
                "{\"aware\":\"2026-11-20T09:30:00Z\",\"note\":\"confirmed by the owner on the phone\"}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().path("deadline").asText()).isEqualTo("2026-11-23T09:30:00Z");
        assertThat(ack.json().path("deadline_provisional").asBoolean()).isFalse();

        JsonNode gdpr = call(reader, "GET", "/api/incidents/" + id + "/gdpr", null).json();
        assertThat(gdpr.path("became_aware").asText()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(gdpr.path("dpo_contact").asText()).isEqualTo("dpo@example.org");
        assertThat(gdpr.path("approx_data_subjects").asInt()).isEqualTo(1);
        for (String f : List.of("nature_of_breach", "data_subject_categories", "record_categories", "approx_records",
                "likely_consequences", "measures_taken", "measures_proposed")) {
            assertThat(gdpr.has(f)).as(f).isTrue();
        }

        assertThat(call(admin, "POST", "/api/incidents/" + id + "/close", "{}").status()).isEqualTo(409);
        call(admin, "POST", "/api/incidents/" + id + "/accounts/alice@example.org", "{\"state\":\"notified\",\"note\":\"phoned\"}");
        Res reset = call(admin, "POST", "/api/incidents/" + id + "/accounts/alice@example.org",
                "{\"state\":\"reset_confirmed\",\"note\":\"ticket 4711\"}");
        assertThat(reset.json().path("account_list").get(0).path("stage").asText()).isEqualTo("reset_confirmed");
        assertThat(call(admin, "GET", "/api/lockouts", null).json().toString()).doesNotContain("alice@example.org");
        Res closed = call(admin, "POST", "/api/incidents/" + id + "/close", "{\"note\":\"all reset\"}");
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
        assertThat(call(admin, "GET", "/api/incidents", null).json()).isEmpty();
        assertThat(call(admin, "GET", "/api/incidents?status=all", null).json()).hasSize(1);

        assertThat(store.auditTrail(T0, 100)).extracting(AuditEntry::action).contains("incident.open", "incident.ack",
                "incident.account", "incident.release", "incident.close");
        assertThat(store.auditTrail(T0, 100)).filteredOn(a -> a.action().startsWith("incident.") && !a.action().equals("incident.open")
                && !a.action().equals("incident.release")).extracting(AuditEntry::actor).containsOnly("admin:ops");
    }

    @Test
    void theGatesDetectionsReachTheResponderOffTheEventLoop() throws Exception {
        ExecutorService adminThread = Executors.newSingleThreadExecutor();
        try (Store other = Store.open(dir.resolve("other").toString());
             StoreWriter writer = new StoreWriter(other, clock, 10)) {
            Responder responder = new Responder(other, IncidentConfig.DEFAULTS, null, Responder.Enforcer.NONE);
            IncidentHook hook = new IncidentHook(writer, adminThread, responder, clock);
            hook.detection("k1", stuffing());                  // nothing compromised: no incident
            hook.detection("k2", stuffing("bob@example.org"));
            adminThread.shutdown();
            assertThat(adminThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            writer.flush();
            assertThat(other.incidents(true, 10)).hasSize(1).first()
                    .satisfies(i -> assertThat(i.accountNames()).containsExactly("bob@example.org"));
            assertThat(other.detections(Instant.EPOCH, 10)).hasSize(2);
        }
    }

    @Test
    void theServerSendsTheLettersItQueued() throws Exception {
        server.responder().detection("k", stuffing("carol@example.org"), null, "engine", T0);
        server.responder().notifier().tick(T0.plusSeconds(1));
        try (Stream<Path> s = Files.list(dir.resolve("outbox"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(2);
        }
        JsonNode one = call(admin, "GET", "/api/incidents", null).json().get(0);
        assertThat(one.path("stages").path("notified").asInt()).isEqualTo(1);
    }
}
