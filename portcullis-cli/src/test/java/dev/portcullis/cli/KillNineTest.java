package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: `portcullis serve` in its own JVM, under load that makes the engine block attacking
 * addresses, with an operator's lockdown, block and lockout; killed with SIGKILL; restarted on the
 * same data directory. Everything in force before the kill is in force after it: acknowledged admin
 * changes because they are written before the answer, the engine's own blocks because the
 * write-behind interval (50 ms) passed while the load went on.
 */
class KillNineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void everyBlockLockoutAndLockdownInForceIsBackAfterKillNine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process gate = serve(port);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread[] load = new Thread[3];
        try {
            String token = Files.readString(dir.resolve("data/admin.token")).strip();
            post(base + "/api/lockdown", token, "{\"scope\":\"group\",\"accounts\":[\"*@sales.example.org\"],\"reason\":\"drill\"}");
            post(base + "/api/blocks", token, "{\"target\":\"192.0.2.0/24\",\"reason\":\"abuse desk\"}");
            post(base + "/api/lockouts", token, "{\"account\":\"mallory\",\"duration\":\"2h\"}");
            for (int t = 0; t < load.length; t++) {
                int worker = t;
                load[t] = new Thread(() -> {
                    long n = 0;
                    while (loading.get()) {
                        long k = n++;
                        String ip = "198.18." + worker + "." + (k / 6 % 250);
                        String body = "{\"login\":\"nobody" + k + "\",\"remote\":\"" + ip + "\",\"pwhash\":\"" + Long.toHexString(k)
                                + "\",\"protocol\":\"imap\",\"success\":\"false\",\"policy_reject\":\"false\"}";
                        try {
                            http.send(HttpRequest.newBuilder(URI.create(base + "/?command=report"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            sent.incrementAndGet();
                        } catch (IOException e) {
                            return; // the gate was killed
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                load[t].start();
            }
            while (sent.get() < 3000) {
                Thread.onSpinWait();
            }
            JsonNode before = get(base + "/api/state", token);
            long at = sent.get();
            while (sent.get() < at + 500) { // the load goes on for longer than the write-behind interval
                Thread.onSpinWait();
            }
            gate.destroyForcibly(); // SIGKILL
            gate.waitFor();
            loading.set(false);
            for (Thread t : load) t.join();

            assertThat(before.get("blocks").size()).as("engine blocks before the kill").isGreaterThan(20);
            Process again = serve(port);
            try {
                JsonNode after = get(base + "/api/state", token);
                for (String kind : new String[] {"blocks", "lockouts", "lockdowns"}) {
                    Set<String> keys = keys(after.get(kind));
                    for (JsonNode r : before.get(kind)) {
                        assertThat(keys).as(kind + " after restart").contains(key(r));
                    }
                }
                System.out.printf("kill -9 under load: %d reports sent, %d blocks, %d lockouts, %d lockdowns in force"
                        + " before; all back after restart (%d blocks now)%n", sent.get(), before.get("blocks").size(),
                        before.get("lockouts").size(), before.get("lockdowns").size(), after.get("blocks").size());
                String rej = http.send(HttpRequest.newBuilder(URI.create(base + "/?command=allow"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"ann@sales.example.org\",\"remote\":\"203.0.113.4\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(JSON.readTree(rej).get("status").asInt()).isEqualTo(-1);
            } finally {
                again.destroyForcibly().waitFor();
            }
        } finally {
            loading.set(false);
            gate.destroyForcibly().waitFor();
        }
    }

    private static Set<String> keys(JsonNode records) {
        Set<String> s = new HashSet<>();
        records.forEach(r -> s.add(key(r)));
        return s;
    }

    private static String key(JsonNode r) {
        return r.has("target") ? r.get("target").asText() : r.has("account") ? r.get("account").asText() : r.get("id").asText();
    }

    private Process serve(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.portcullis.cli.Portcullis", "serve", "--listen", "127.0.0.1:" + port, "--console-listen", "off", "--data", "data")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve-" + System.nanoTime() + ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new AssertionError("serve exited with " + p.exitValue());
            }
            Thread.sleep(50); // polling a child process that is starting; no other way to wait
        }
        throw new AssertionError("serve did not become ready in 60 s");
    }

    private JsonNode post(String url, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
