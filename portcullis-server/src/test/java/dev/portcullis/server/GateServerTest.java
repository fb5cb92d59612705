package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port, with a real SQLite store in a temporary directory. */
class GateServerTest {
    static final String SECRET = "dovecot-policy-secret-1";
    static final GateConfig GATE = GateConfig.fromMap(Map.of("internal_networks", List.of("10.0.0.0/8")));

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-06-10T09:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    Store store;
    GateServer server;
    String admin;
    String reader;

    @BeforeEach
    void start() {
        store = Store.open(dir.toString());
        admin = Tokens.create(store, "ops", "admin", clock.instant());
        reader = Tokens.create(store, "auditor", "read", clock.instant());
        server = start(store);
    }

    private GateServer start(Store s) {
        return GateServer.start(GATE, EngineConfig.DEFAULTS, s,
                new ServerConfig("127.0.0.1", 0, SECRET, "X-API-Key", 4096, 10), clock);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    record Res(int status, JsonNode json, String body) {}

    Res send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = null;
        try {
            j = RecordJson.MAPPER.readTree(r.body());
        } catch (Exception e) {
            // not JSON (metrics)
        }
        return new Res(r.statusCode(), j, r.body());
    }

    Res policy(String command, String body) throws Exception {
        return send("POST", "/?command=" + command, body, "X-API-Key", SECRET);
    }

    Res api(String method, String path, String body) throws Exception {
        return send(method, path, body, "Authorization", "Bearer " + admin);
    }

    static String login(String acc, String ip) {
        return "{\"login\":\"" + acc + "\",\"remote\":\"" + ip + "\",\"pwhash\":\"0b45\",\"protocol\":\"imap\","
                + "\"session_id\":\"s1\",\"device_id\":\"\",\"tls\":\"false\"}";
    }

    static String report(String acc, String ip, String pwhash, boolean ok) {
        return "{\"login\":\"" + acc + "\",\"remote\":\"" + ip + "\",\"pwhash\":\"" + pwhash
                + "\",\"protocol\":\"imap\",\"success\":\"" + ok + "\",\"policy_reject\":\"false\"}";
    }

    @Test
    void dovecotsProtocolOnBothPathsAndASprayRejectedAfterTheThreshold() throws Exception {
        Res r = policy("allow", login("alice", "198.51.100.7"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asInt()).isZero();
        assertThat(send("POST", "/command/allow", login("alice", "198.51.100.7"), "X-API-Key", SECRET).json()
                .get("status").asInt()).isZero();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("dovecot:" + SECRET).getBytes());
        assertThat(send("POST", "/?command=report", report("alice", "198.51.100.7", "aa", true), "Authorization", basic)
                .json().get("status").asText()).isEqualTo("ok");
        int rejected = 0;
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(3));
            if (policy("allow", login("user" + i, "203.0.113.9")).json().get("status").asInt() == -1) {
                rejected++;
                policy("report", "{\"login\":\"user" + i + "\",\"remote\":\"203.0.113.9\",\"success\":false,\"policy_reject\":true}");
            } else {
                policy("report", report("user" + i, "203.0.113.9", "b" + i, false));
            }
        }
        assertThat(rejected).isEqualTo(16); // blocked after 4 unknown accounts (credential stuffing)
        Res rej = policy("allow", login("alice", "203.0.113.9"));
        assertThat(rej.json().get("msg").asText()).contains("Too many failed logins");
        assertThat(policy("allow", login("alice", "198.51.100.7")).json().get("status").asInt()).isZero();
        assertThat(send("POST", "/?command=allow", login("alice", "198.51.100.7")).status()).isEqualTo(401);
    }

    @Test
    void lockdownThroughTheAdminApiIsAuditedAndSurvivesARestart() throws Exception {
        assertThat(send("POST", "/api/lockdown", "{}").status()).isEqualTo(401);
        assertThat(send("POST", "/api/lockdown", "{}", "Authorization", "Bearer " + reader).status()).isEqualTo(403);
        assertThat(send("GET", "/api/lockdown", null, "Authorization", "Bearer " + reader).status()).isEqualTo(200);
        Res on = api("POST", "/api/lockdown", "{\"scope\":\"all\",\"exempt\":[\"breakglass\"],\"duration\":\"4h\","
                + "\"reason\":\"incident 7\"}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(policy("allow", login("alice", "198.51.100.7")).json().get("status").asInt()).isEqualTo(-1);
        assertThat(policy("allow", login("alice", "10.1.2.3")).json().get("status").asInt()).isZero();
        assertThat(policy("allow", login("breakglass", "198.51.100.7")).json().get("status").asInt()).isZero();
        JsonNode audit = api("GET", "/api/audit", null).json();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("lockdown.on");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin:ops");

        server.close();
        server = start(store);
        assertThat(server.restored()).isEqualTo(1);
        assertThat(policy("allow", login("alice", "198.51.100.7")).json().get("msg").asText()).contains("locked down");
        assertThat(api("DELETE", "/api/lockdown", null).status()).isEqualTo(200);
        assertThat(policy("allow", login("alice", "198.51.100.7")).json().get("status").asInt()).isZero();
        server.close();
        server = start(store);
        assertThat(server.restored()).isZero();
    }

    @Test
    void engineBlocksAreWrittenBehindAndRestored() throws Exception {
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(3));
            policy("report", report("nobody" + i, "203.0.113.66", "c" + i, false));
        }
        server.flush();
        server.close();
        server = start(store);
        assertThat(policy("allow", login("x", "203.0.113.66")).json().get("status").asInt()).isEqualTo(-1);
        JsonNode blocks = api("GET", "/api/blocks", null).json();
        assertThat(blocks).extracting(b -> b.get("target").asText()).containsExactly("203.0.113.66");
    }

    @Test
    void wforceListCommandsAndReset() throws Exception {
        assertThat(policy("addBLEntry", "{\"netmask\":\"192.0.2.0/24\",\"expire_secs\":3600,\"reason\":\"abuse\"}")
                .status()).isEqualTo(200);
        assertThat(policy("addBLEntry", "{\"login\":\"mallory\",\"expire_secs\":60}").status()).isEqualTo(200);
        assertThat(policy("allow", login("bob", "192.0.2.44")).json().get("status").asInt()).isEqualTo(-1);
        assertThat(policy("allow", login("mallory", "198.51.100.1")).json().get("status").asInt()).isEqualTo(-1);
        JsonNode bl = send("GET", "/?command=getBL", null, "X-API-Key", SECRET).json();
        assertThat(bl.toString()).contains("192.0.2.0/24").contains("mallory");
        assertThat(policy("delBLEntry", "{\"netmask\":\"192.0.2.0/24\"}").status()).isEqualTo(200);
        assertThat(policy("reset", "{\"login\":\"mallory\"}").status()).isEqualTo(200);
        assertThat(policy("allow", login("mallory", "192.0.2.44")).json().get("status").asInt()).isZero();
        assertThat(policy("addWLEntry", "{\"ip\":\"203.0.113.5\"}").status()).isEqualTo(200);
        assertThat(send("GET", "/?command=ping", null, "X-API-Key", SECRET).json().get("status").asText()).isEqualTo("ok");
        assertThat(send("GET", "/?command=stats", null, "X-API-Key", SECRET).json().has("allows")).isTrue();
        assertThat(send("POST", "/?command=addBLEntry", "{\"ip\":\"1.2.3.4\"}").status()).isEqualTo(401);
        assertThat(send("POST", "/?command=addBLEntry", "{\"ip\":\"1.2.3.4\"}", "Authorization", "Bearer " + admin)
                .status()).isEqualTo(200);
        assertThat(api("GET", "/api/audit", null).json().toString()).contains("addBLEntry").contains("wforce");
    }

    @Test
    void badInputGetsA4xxWithAReasonNeverA500() throws Exception {
        String[][] cases = {
            {"allow", "{not json", "not valid JSON"},
            {"allow", "[1,2]", "not a JSON object"},
            {"allow", "{\"login\":\"a\"}", "'remote' is missing"},
            {"allow", "{\"remote\":\"999.1.1.1\"}", "not an IP address"},
            {"allow", "{\"remote\":\"example.org\"}", "not an IP address"},
            {"allow", "{\"remote\":\"192.0.2.1\",\"login\":{\"x\":1}}", "'login' must be a string"},
            {"allow", "{\"remote\":\"192.0.2.1\",\"tls\":\"maybe\"}", "'tls' must be true or false"},
            {"allow", "{\"remote\":\"192.0.2.1\",\"pwhash\":\"zz\"}", "'pwhash' is not a hex string"},
            {"report", "{\"remote\":\"192.0.2.1\",\"login\":\"a\"}", "'success' is missing"},
            {"allow", "", "body is empty"},
            {"allow", "{\"remote\":\"192.0.2.1\"} trailing", "not valid JSON"},
            {"allow", "{\"remote\":\"192.0.2.1\"} {}", "after the JSON object"},
            {"frobnicate", "{}", "unknown command"},
        };
        for (String[] c : cases) {
            Res r = policy(c[0], c[1]);
            assertThat(r.status()).as(c[1]).isBetween(400, 499);
            assertThat(r.json().get("reason").asText()).as(c[1]).contains(c[2]);
        }
        Res big = policy("allow", "{\"remote\":\"192.0.2.1\",\"x\":\"" + "a".repeat(5000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("reason").asText()).contains("larger than 4096");
        assertThat(send("GET", "/?command=allow", null, "X-API-Key", SECRET).status()).isEqualTo(405);
        assertThat(api("POST", "/api/blocks", "{\"target\":\"10.0.0.0/33\"}").json().get("reason").asText())
                .contains("not an IP address or network");
        assertThat(api("POST", "/api/lockdown", "{\"scope\":\"group\"}").status()).isEqualTo(400);
        assertThat(api("GET", "/api/nope", null).status()).isEqualTo(404);
        assertThat(policy("allow", login("alice", "198.51.100.7")).json().get("status").asInt()).isZero();
    }

    @Test
    void methodsAndAccessComeFromTheRouteTable() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/blocks")).PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Authorization", "Bearer " + admin)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST, DELETE");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/?command=report")).header("X-API-Key", SECRET).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(send("GET", "/?command=getBL", null, "Authorization", "Bearer " + reader).status()).isEqualTo(403);
        assertThat(send("GET", "/?command=getBL", null, "Authorization", "Bearer " + admin).status()).isEqualTo(200);
        assertThat(send("GET", "/api/state/", null, "Authorization", "Bearer " + reader).status()).isEqualTo(200);
        assertThat(send("GET", "/", null, "X-API-Key", SECRET).json().get("reason").asText()).contains("no command");
    }

    @Test
    void aRequestIsAuthenticatedOnce() throws Exception {
        server.close();
        AtomicInteger lookups = new AtomicInteger();
        Store counting = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("tokenByHash")) lookups.incrementAndGet();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        server = start(counting);
        assertThat(api("POST", "/api/blocks", "{\"target\":\"192.0.2.9\"}").status()).isEqualTo(200);
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(policy("addBLEntry", "{\"ip\":\"192.0.2.10\"}").status()).isEqualTo(200);
        assertThat(send("GET", "/?command=getWL", null, "Authorization", "Bearer " + admin).status()).isEqualTo(200);
        assertThat(lookups.get()).as("the secret needs no lookup; the token one").isEqualTo(2);
    }

    @Test
    void passwordCheckAnswersInWordsAndNeverEchoesThePassword() throws Exception {
        Res weak = send("POST", "/api/passwords/check", "{\"password\":\"Summer2026!\",\"account\":\"alice\"}",
                "Authorization", "Bearer " + reader);
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.json().get("accepted").asBoolean()).isFalse();
        assertThat(weak.body()).doesNotContain("Summer2026!");
        Res strong = send("POST", "/api/passwords/check", "{\"password\":\"violet tractor mumbles under nine lanterns\"}",
                "X-API-Key", SECRET);
        assertThat(strong.json().get("accepted").asBoolean()).as(strong.body()).isTrue();
        assertThat(send("POST", "/api/passwords/check", "{\"password\":\"x\"}").status()).isEqualTo(401);
        assertThat(send("POST", "/api/passwords/check", "{\"password\":1}", "X-API-Key", SECRET).status()).isEqualTo(400);
        assertThat(send("POST", "/api/passwords/check", "{}", "X-API-Key", SECRET).json().get("reason").asText())
                .contains("'password' is missing");
    }

    @Test
    void genericApiMetricsHealthAndReadiness() throws Exception {
        Res d = send("POST", "/api/v1/login/decide", login("carol", "198.51.100.8"), "X-API-Key", SECRET);
        assertThat(d.json().get("decision").asText()).isEqualTo("allow");
        assertThat(send("POST", "/api/v1/login/report", report("carol", "198.51.100.8", "a1", true), "X-API-Key", SECRET)
                .status()).isEqualTo(200);
        assertThat(send("GET", "/healthz", null).status()).isEqualTo(200);
        assertThat(send("GET", "/readyz", null).status()).isEqualTo(200);
        String metrics = send("GET", "/metrics", null).body();
        assertThat(metrics).contains("portcullis_decisions_total{outcome=\"allow\"}")
                .contains("portcullis_request_latency_seconds_bucket").contains("portcullis_tracked_keys")
                .contains("jvm_memory_used_bytes");
    }
}
