package dev.portcullis.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation {@link PolicyReplay} holds with a policy server, checked against a recording
 * server that answers as a gate would for a few addresses: the order and shape of Dovecot's requests
 * for a wrong password, a right one, one refused before and one refused after the password check, a
 * delay; one kept-alive connection. (The real gate answering it is DemoTest's.)
 */
class PolicyReplayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2026-11-20T19:00:00Z");

    /** One request as the server saw it. */
    record Seen(String query, String command, JsonNode body, int clientPort, String apiKey, String agent) {}

    HttpServer server;
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    /** Sessions asked once already (a second allow in a session is the after-password check). */
    final Set<String> asked = Collections.synchronizedSet(new HashSet<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        String query = x.getRequestURI().getQuery();
        Matcher m = Pattern.compile("(?:^|&)command=(\\w+)").matcher(query == null ? "" : query);
        String command = m.find() ? m.group(1) : "";
        seen.add(new Seen(query, command, body, x.getRemoteAddress().getPort(), x.getRequestHeaders().getFirst("X-API-Key"),
                x.getRequestHeaders().getFirst("User-Agent")));
        String answer = "{\"status\":\"ok\"}";
        if (command.equals("allow")) {
            String remote = body.get("remote").asText();
            boolean second = !asked.add(body.get("session_id").asText());
            int status = remote.equals("203.0.113.9") ? -1
                    : remote.equals("198.51.100.7") && !second ? 2
                    : body.get("login").asText().startsWith("held") && second ? -1 : 0;
            answer = "{\"status\":" + status + ",\"msg\":\"" + (status < 0 ? "go away" : "") + "\"}";
        }
        byte[] b = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static AuthEvent event(int second, String account, String source, boolean ok, Reason why, String session) {
        AuthEvent.Builder b = AuthEvent.builder().time(T.plusSeconds(second)).kind(EventKind.AUTH).service("imap")
                .account(account).source(source).session(session).attempts(1).format("test");
        return (ok ? b.success() : b.failure(why)).build();
    }

    @Test
    void asksAndReportsAsDovecotDoes() throws Exception {
        List<AuthEvent> events = List.of(
                event(0, "ann@example.org", "192.0.2.10", false, Reason.BAD_PASSWORD, "s1"),
                event(1, "ann@example.org", "192.0.2.10", true, Reason.NONE, "s2"),
                event(2, "nobody@example.org", "203.0.113.9", false, Reason.UNKNOWN_ACCOUNT, "s3"),
                event(3, "held@example.org", "192.0.2.11", true, Reason.NONE, "s4"),
                event(4, "ben@example.org", "198.51.100.7", false, Reason.UNKNOWN_ACCOUNT, "s5"));
        List<PolicyReplay.Outcome> outcomes = new ArrayList<>();
        PolicyReplay.Tally t = new PolicyReplay(url()).header("X-API-Key", "a-policy-secret-123").nonce("s3cret")
                .listener((e, o, d, m) -> outcomes.add(o)).run(events.iterator());

        assertThat(outcomes).containsExactly(PolicyReplay.Outcome.FAILED, PolicyReplay.Outcome.LOGGED_IN,
                PolicyReplay.Outcome.REFUSED, PolicyReplay.Outcome.REFUSED_AFTER_PASSWORD, PolicyReplay.Outcome.FAILED);
        assertThat(seen).extracting(Seen::command).containsExactly(
                "allow", "report",                 // wrong password
                "allow", "allow", "report",        // right password: asked again after the check
                "allow", "report",                 // refused before: the password is never checked
                "allow", "allow", "report",        // refused after the right password
                "allow", "report");                // delayed 2 s, then a wrong password
        assertThat(t).isEqualTo(new PolicyReplay.Tally(5, 5, 12, 1, 2, 1, 1, 1, 0, 0));

        JsonNode failed = seen.get(1).body();
        assertThat(failed.get("success").asBoolean()).isFalse();
        assertThat(failed.get("policy_reject").asBoolean()).isFalse();
        assertThat(failed.get("fail_type").asText()).isEqualTo("credentials");
        JsonNode ok = seen.get(4).body();
        assertThat(ok.get("success").asBoolean()).isTrue();
        assertThat(ok.get("fail_type").asText()).isEmpty();
        JsonNode refused = seen.get(6).body();
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertThat(refused.get("policy_reject").asBoolean()).isTrue();
        assertThat(refused.get("fail_type").asText()).isEqualTo("policy");
        assertThat(seen.get(9).body().get("policy_reject").asBoolean()).isTrue();
        assertThat(seen.get(11).body().get("fail_type").asText()).isEqualTo("account");

        JsonNode ask = seen.get(0).body();
        assertThat(ask.has("success")).as("an allow carries no outcome").isFalse();
        assertThat(ask.get("login").asText()).isEqualTo("ann@example.org");
        assertThat(ask.get("remote").asText()).isEqualTo("192.0.2.10");
        assertThat(ask.get("protocol").asText()).isEqualTo("imap");
        assertThat(ask.get("session_id").asText()).isEqualTo("s1");
        assertThat(ask.get("device_id").asText()).isEmpty();
        assertThat(ask.get("tls").isBoolean()).isTrue();
        assertThat(ask.get("pwhash").asText()).matches("[0-9a-f]{4}").startsWith("0");
        assertThat(seen.get(1).body().get("pwhash")).as("the same attempt, the same fingerprint").isEqualTo(ask.get("pwhash"));
        assertThat(seen.get(2).body().get("pwhash")).as("a right password is another").isNotEqualTo(ask.get("pwhash"));

        assertThat(seen).extracting(Seen::apiKey).containsOnly("a-policy-secret-123");
        assertThat(seen).extracting(Seen::agent).containsOnly("dovecot/auth-policy-client");
        assertThat(seen).extracting(Seen::clientPort).as("one kept-alive connection").containsOnly(seen.get(0).clientPort());
    }

    @Test
    void sendsEveryAttemptOfALineAndNothingForSessionsOrSkippedOnes() throws Exception {
        AuthEvent three = AuthEvent.builder().time(T).kind(EventKind.AUTH).service("pop3").account("cat@example.org")
                .source("192.0.2.12").attempts(3).failure(Reason.BAD_PASSWORD).format("test").build();
        AuthEvent counted = three.withAttempts(0);
        AuthEvent skipped = event(1, "dan@example.org", "192.0.2.13", true, Reason.NONE, "s9");
        PolicyReplay.Tally t = new PolicyReplay(url()).skip(e -> e.account().startsWith("dan"))
                .run(List.of(three, counted, skipped).iterator());
        assertThat(t.attempts()).isEqualTo(3);
        assertThat(t.skipped()).isEqualTo(1);
        assertThat(seen).hasSize(6);
        assertThat(seen).extracting(s -> s.body().get("protocol").asText()).containsOnly("pop3");
        assertThat(seen.stream().filter(s -> s.command().equals("report")).map(s -> s.body().get("pwhash").asText()).distinct())
                .as("three different wrong passwords").hasSize(3);
    }

    @Test
    void fingerprintsAsDovecotDoes() {
        // a real Dovecot 2.3.19 (auth_policy_hash_nonce = s3cret) sent "pwhash":"0b45" for alice / wonderland
        // (../shared/dovecot/README.md): SHA-256 of nonce, login, NUL, password, cut to 12 bits
        assertThat(PolicyReplay.pwhash("s3cret", "alice", "wonderland")).isEqualTo("0b45");
        assertThat(PolicyReplay.pwhash("other", "alice", "wonderland")).as("the nonce counts").isNotEqualTo("0b45");
    }

    @Test
    void appendsTheCommandAsDovecotDoes() throws Exception {
        URI withQuery = URI.create(url() + "?tenant=1&");
        new PolicyReplay(withQuery).run(List.of(event(0, "fay@example.org", "192.0.2.15", false, Reason.BAD_PASSWORD, "q"))
                .iterator());
        assertThat(seen).extracting(Seen::query).containsExactly("tenant=1&command=allow", "tenant=1&command=report");
        assertThatThrownBy(() -> new PolicyReplay(URI.create("ftp://127.0.0.1/"))).hasMessageContaining("http://");
        assertThat(PolicyReplay.protocol("submission")).isEqualTo("smtp");
        assertThat(PolicyReplay.protocol(null)).isEqualTo("imap");
    }

    @Test
    void aGateThatIsGoneEndsTheRunWithAClearError() throws Exception {
        server.stop(0);
        List<AuthEvent> many = new ArrayList<>();
        for (int i = 0; i < PolicyReplay.MAX_ERRORS_IN_A_ROW; i++) {
            many.add(event(i, "eve@example.org", "192.0.2.14", false, Reason.BAD_PASSWORD, "x" + i));
        }
        assertThatThrownBy(() -> new PolicyReplay(url()).run(many.iterator()))
                .isInstanceOf(IOException.class).hasMessageContaining("failed " + PolicyReplay.MAX_ERRORS_IN_A_ROW + " requests in a row");
    }
}
