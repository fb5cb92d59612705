package dev.portcullis.respond.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.Responder;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.Store;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed webhook against a small receiver (the JDK's HttpServer) that checks signatures as a directory would. */
class WebhookTest {
    static final Instant T0 = NotifierTest.T0;
    static final String SECRET = "whsec-0123456789abcdef";

    record Call(String timestamp, String signature, String delivery, String body) {}

    @TempDir
    Path temp;

    Store store;
    HttpServer receiver;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        store = Store.open(temp.toString());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/portcullis", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP),
                    ex.getRequestHeaders().getFirst(Webhook.SIGNATURE), ex.getRequestHeaders().getFirst(Webhook.DELIVERY), body));
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        store.close();
    }

    Responder responder() {
        NotifyConfig c = NotifyConfig.fromMap(Map.of("webhook.url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/portcullis",
                "webhook.secret_env", "HOOK_SECRET"), name -> SECRET);
        return new Responder(store, IncidentConfig.DEFAULTS, Notifier.create(store, c, IncidentConfig.DEFAULTS),
                Responder.Enforcer.NONE);
    }

    @Test
    void eachHeldAccountAndTheOpeningArePostedSignedOnce() throws Exception {
        Responder r = responder();
        Incident i = r.detection("k", NotifierTest.spray("alice@example.org", "bob@example.org"), null, "engine", T0).incident();

        assertThat(r.notifier().tick(T0).sent()).isEqualTo(3);
        assertThat(r.notifier().tick(T0.plusSeconds(60)).total()).isZero();

        assertThat(calls).hasSize(3);
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        for (Call c : calls) {
            assertThat(c.timestamp()).isEqualTo(String.valueOf(T0.getEpochSecond()));
            assertThat(Webhook.verify(key, c.timestamp(), c.body(), c.signature(), T0.plusSeconds(30), Duration.ofMinutes(5)))
                    .as("signature of %s", c.delivery()).isTrue();
            assertThat(Webhook.verify(key, c.timestamp(), c.body() + " ", c.signature(), T0, Duration.ofMinutes(5)))
                    .as("a changed body fails").isFalse();
            assertThat(Webhook.verify("another-secret-000".getBytes(StandardCharsets.UTF_8), c.timestamp(), c.body(),
                    c.signature(), T0, Duration.ofMinutes(5))).isFalse();
            assertThat(Webhook.verify(key, c.timestamp(), c.body(), c.signature(), T0.plus(Duration.ofHours(1)),
                    Duration.ofMinutes(5))).as("a replay an hour later fails").isFalse();
            assertThat(c.body()).doesNotContain(SECRET);
        }
        JsonNode hold = new ObjectMapper().readTree(calls.stream().filter(c -> c.delivery().endsWith("/alice@example.org/webhook_hold"))
                .findFirst().orElseThrow().body());
        assertThat(hold.path("event").asText()).isEqualTo("account.compromised");
        assertThat(hold.path("action").asText()).isEqualTo("force_password_reset");
        assertThat(hold.path("incident").asText()).isEqualTo(i.id());
        assertThat(hold.path("sources").toString()).contains("203.0.113.45");
        JsonNode open = new ObjectMapper().readTree(calls.stream().filter(c -> c.delivery().endsWith("webhook_open"))
                .findFirst().orElseThrow().body());
        assertThat(open.path("accounts").toString()).contains("alice@example.org", "bob@example.org");
    }

    @Test
    void anErrorAnswerIsRetriedLater() {
        status.set(503);
        Responder r = responder();
        Incident i = r.detection("k", NotifierTest.spray("carol@example.org"), null, "engine", T0).incident();
        assertThat(r.notifier().tick(T0).retry()).isEqualTo(2);
        assertThat(store.deliveries(i.id())).allMatch(d -> d.state() == DeliveryRecord.State.RETRY)
                .allMatch(d -> d.lastError().contains("503"));
        status.set(204);
        assertThat(r.notifier().tick(T0.plus(Duration.ofMinutes(1))).sent()).isEqualTo(2);
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).delivery()).isIn(calls.get(2).delivery(), calls.get(3).delivery());
    }
}
