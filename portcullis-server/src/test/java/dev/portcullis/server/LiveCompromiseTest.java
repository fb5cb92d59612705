package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.respond.notify.NotifyConfig;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path end to end through the policy endpoint: a spray from one address, then a successful
 * login from it → the background judgement finds the compromise → an incident with that account, the
 * account held at the gate, the owner's letter written (dry run).
 */
class LiveCompromiseTest {
    @TempDir
    Path dir;

    @Test
    void aSuccessFromASprayerOpensAnIncidentHoldsTheAccountAndWritesTheLetter() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        HttpClient http = HttpClient.newHttpClient();
        try (Store store = Store.open(dir.resolve("data").toString())) {
            String admin = Tokens.create(store, "ops", "admin", clock.instant());
            NotifyConfig notify = NotifyConfig.fromMap(Map.of("dry_run", dir.resolve("outbox").toString(),
                    "security_team", "soc@example.org", "owner_address", "{account}@example.org"), name -> null);
            GateServer server = GateServer.start(
                    GateConfig.fromMap(Map.of("internal_networks", List.of("10.0.0.0/8"), "judge.interval", "1s")),
                    EngineConfig.DEFAULTS, store, new ServerConfig("127.0.0.1", 0, null, "X-API-Key", 4096, 10), clock,
                    IncidentConfig.DEFAULTS, notify);
            try {
                String base = "http://127.0.0.1:" + server.port();
                for (int i = 0; i < 30; i++) { // real users log in from home
                    post(http, base + "/?command=report", report("user" + i, "198.51.100." + (i + 1), true));
                }
                for (int i = 0; i < 12; i++) { // a spray from one address
                    clock.advance(Duration.ofSeconds(5));
                    post(http, base + "/?command=report", report("user" + i, "203.0.113.9", false));
                }
                clock.advance(Duration.ofSeconds(5));
                String compromisedAt = clock.instant().toString();
                post(http, base + "/?command=report", report("user20", "203.0.113.9", true)); // one guess was right
                JsonNode incidents = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    incidents = json(http.send(HttpRequest.newBuilder(URI.create(base + "/api/incidents"))
                            .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
                    if (incidents.size() > 0) break;
                    Thread.sleep(100); // the judgement runs on its own thread every second (real time)
                }
                assertThat(incidents).as("an incident opened").hasSize(1);
                String id = incidents.get(0).get("id").asText();
                String detail = http.send(HttpRequest.newBuilder(URI.create(base + "/api/incidents/" + id))
                        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(detail).contains("user20").contains("203.0.113.9")
                        .as("the account's own compromise time, from the engine's verdict").contains(compromisedAt);
                String answer = post(http, base + "/?command=allow",
                        "{\"login\":\"user20\",\"remote\":\"192.0.2.200\",\"protocol\":\"imap\"}");
                assertThat(json(answer).get("status").asInt()).as("the account is held").isEqualTo(-1);
                deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                long letters = 0;
                while (System.nanoTime() < deadline && letters == 0) {
                    try (Stream<Path> s = Files.exists(dir.resolve("outbox")) ? Files.list(dir.resolve("outbox")) : Stream.empty()) {
                        letters = s.filter(p -> p.toString().endsWith(".eml")).count();
                    }
                    if (letters == 0) Thread.sleep(200); // the notifier ticks every few seconds
                }
                assertThat(letters).as("letters written to the dry-run outbox").isGreaterThanOrEqualTo(1);
            } finally {
                server.close();
            }
        }
    }

    private static String report(String acc, String ip, boolean ok) {
        return "{\"login\":\"" + acc + "\",\"remote\":\"" + ip + "\",\"pwhash\":\"" + Integer.toHexString(acc.hashCode() & 0xfff)
                + (ok ? "" : "f") + "\",\"protocol\":\"imap\",\"success\":" + ok + ",\"policy_reject\":false}";
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode json(String s) throws Exception {
        return RecordJson.MAPPER.readTree(s);
    }
}
