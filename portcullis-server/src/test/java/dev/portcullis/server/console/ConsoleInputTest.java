package dev.portcullis.server.console;

import static dev.portcullis.server.console.TestSignIn.CODE;
import static dev.portcullis.server.console.TestSignIn.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input to every console route, signed in as an admin with a valid CSRF token (so the pages'
 * own decoding runs, not only the guard): random methods, paths, parameter names and values —
 * malformed percent-encoding, control characters, markup, very long text, dates out of range — from a
 * seeded {@link Random}. No answer may be a 500, and every answer carries the security headers.
 */
class ConsoleInputTest {
    static final List<String> PATHS = List.of("/", "/now/health", "/now/lockdown", "/now/lockdown/lift", "/audit",
            "/attacks", "/accounts", "/incidents", "/reports", "/signin", "/signin/once/x", "/static/console.css",
            "/webjars/htmx.org/", "/audit/", "//audit", "/%2e%2e/", "/now/../audit", "/signout");
    static final List<String> NAMES = List.of("reason", "expiry", "confirm", "id", "who", "what", "from", "to", "name",
            "password", "code", "_csrf", "x");
    static final List<String> VALUES = List.of("", " ", "yes", "1h", "4h", "24h", "2y", "-1h", "all", "2026-06-10",
            "2026-02-30", "99999-01-01", "+2026-01-01", "0000-00-00", "<script>alert(1)</script>", "\"'><img src=x>",
            "%", "%ZZ", "%E2%82", "\u0000", "\r\nSet-Cookie: x=y", "ünïcødé 🚪", "a".repeat(5000), "${7*7}",
            "@template.layout()", "../../etc/passwd", "%00", "null", "NaN");
    static final List<String> METHODS = List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @TempDir
    Path dir;
    ConsoleRig rig;
    Browserless b;

    @BeforeEach
    void start() {
        rig = new ConsoleRig(dir, new FakeClock(Instant.parse("2026-06-10T09:00:00Z")));
        b = new Browserless(rig.base());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {13, 29, 71})
    void noInputMakesA500(long seed) throws Exception {
        assertThat(b.signIn("alice", PASSWORD, CODE).statusCode()).isEqualTo(303);
        String token = b.csrf("/");
        Random random = new Random(seed);
        List<String> seen = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < 600; i++) {
            String method = pick(random, METHODS);
            String path = pick(random, PATHS);
            StringBuilder form = new StringBuilder();
            int n = random.nextInt(5);
            for (int k = 0; k < n; k++) {
                if (form.length() > 0) form.append('&');
                String value = pick(random, VALUES);
                // raw (possibly malformed) or properly encoded
                form.append(pick(random, NAMES)).append('=')
                        .append(random.nextBoolean() ? value.replace("&", "%26").replace(" ", "+")
                                : URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            if (random.nextInt(4) > 0) form.append(form.length() > 0 ? "&" : "").append("_csrf=").append(token);
            String query = method.equals("GET") && form.length() > 0 ? "?" + form.toString().replace("\r\n", "") : "";
            HttpRequest.Builder req;
            try {
                req = HttpRequest.newBuilder(URI.create(b.base + path + query));
            } catch (IllegalArgumentException e) {
                continue; // not even a URL the client will send
            }
            req.header("Origin", b.base).header("Cookie", Guard.COOKIE + "=" + b.cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (random.nextBoolean()) req.header("HX-Request", "true");
            req.method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form.toString()));
            String what = method + " " + path + query + " " + form;
            HttpResponse<String> r;
            try {
                r = b.http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new AssertionError(what + ": " + e + " after " + previous, e);
            }
            assertThat(r.statusCode()).as(what).isLessThan(500);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).isPresent();
            assertThat(r.body()).as(what).doesNotContain("<script>alert(1)").doesNotContain("<img src=x>");
            seen.add(r.statusCode() + "");
            previous = what + " -> " + r.statusCode() + " " + r.headers().map();
            if (path.equals("/signout") && r.statusCode() == 303) {
                b.signIn("alice", PASSWORD, CODE);
                token = b.csrf("/");
            }
        }
        assertThat(seen).contains("200", "303", "403", "404");
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
