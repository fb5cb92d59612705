package dev.portcullis.server.console;

import static dev.portcullis.server.console.TestSignIn.CODE;
import static dev.portcullis.server.console.TestSignIn.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.store.AuditEntry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over plain HTTP: headers, sign-in, sessions, CSRF and same-origin checks, roles, errors. */
class ConsoleHttpTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock(Instant.parse("2026-06-10T09:00:00Z"));
    ConsoleRig rig;
    Browserless b;

    @BeforeEach
    void start() {
        rig = new ConsoleRig(dir, clock);
        b = new Browserless(rig.base());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    static void securityHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(CSP);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    List<AuditEntry> audit(String what) {
        return rig.store.auditSearch(null, what, null, null, 100);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPagesAreNotCached() throws Exception {
        HttpResponse<String> signin = b.get("/signin");
        assertThat(signin.statusCode()).isEqualTo(200);
        securityHeaders(signin);
        assertThat(signin.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(signin.body()).doesNotContain("style=").doesNotContain("<style").doesNotContain("onclick")
                .contains("\"includeIndicatorStyles\":false");
        for (String asset : List.of(Assets.CSS, Assets.JS, Assets.HTMX, Assets.UPLOT_JS, Assets.UPLOT_CSS)) {
            HttpResponse<String> r = b.get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            securityHeaders(r);
        }
        assertThat(b.get(Assets.HTMX).headers().firstValue("Content-Type").orElse("")).contains("javascript");
        HttpResponse<String> redirect = b.get("/");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).contains("/signin");
        securityHeaders(redirect);
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndShowsWhoIsSignedIn() throws Exception {
        HttpResponse<String> r = b.signIn("alice", PASSWORD, CODE);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        assertThat(b.cookie).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        HttpResponse<String> now = b.get("/");
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("Signed in as <strong>alice</strong> (admin)").contains("Gate health")
                .contains("<main id=\"main\"").contains("Skip to content");
        securityHeaders(now);
        assertThat(audit("console.signin")).extracting(AuditEntry::actor).containsExactly("console:alice");
    }

    @Test
    void aWrongPasswordOrCodeIsRefusedWithOneMessage() throws Exception {
        HttpResponse<String> pw = b.signIn("alice", "wrong password", CODE);
        HttpResponse<String> code = b.signIn("alice", PASSWORD, "000000");
        HttpResponse<String> nobody = b.signIn("mallory", PASSWORD, CODE);
        for (HttpResponse<String> r : List.of(pw, code, nobody)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains(SignInPage.REFUSED).doesNotContain(PASSWORD);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(b.cookie).isNull();
        assertThat(audit("console.signin.refused")).extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("wrong password"))
                .anySatisfy(d -> assertThat(d).contains("wrong code"))
                .allSatisfy(d -> assertThat(d).contains("127.0.0.1").doesNotContain(PASSWORD));
    }

    @Test
    void theGateLocksTheConsolesSignInAndThenNoPasswordIsChecked() throws Exception {
        int refusedByGate = 0;
        for (int i = 0; i < 40 && refusedByGate < 2; i++) {
            int before = rig.signIn.checks;
            assertThat(b.signIn("alice", "guess-" + i, CODE).statusCode()).isEqualTo(401);
            if (rig.signIn.checks == before) refusedByGate++;
        }
        assertThat(refusedByGate).as("the gate refused before the password was checked").isEqualTo(2);
        int before = rig.signIn.checks;
        HttpResponse<String> right = b.signIn("alice", PASSWORD, CODE);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains(SignInPage.REFUSED);
        assertThat(rig.signIn.checks).isEqualTo(before);
        assertThat(audit("console.signin.refused")).extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("the gate refused"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrFromAnotherSiteIsRefused() throws Exception {
        b.signIn("rita", PASSWORD, CODE);
        String token = b.csrf("/");
        List<String> form = List.of("reason", "spray", "expiry", "1h", "confirm", "yes");
        HttpResponse<String> none = b.post("/now/lockdown", form);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("token is missing or wrong");
        securityHeaders(none);
        assertThat(b.post("/now/lockdown", with(form, "_csrf", "x" + token)).statusCode()).isEqualTo(403);
        assertThat(b.postRaw("/now/lockdown", with(form, "_csrf", token), "Origin", "http://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(b.postRaw("/now/lockdown", with(form, "_csrf", token), "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(b.postRaw("/now/lockdown", with(form, "_csrf", token), "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(lockdowns()).isEmpty();
        // the header htmx sends works as the hidden field does; Origin null with Sec-Fetch-Site same-origin is a form post
        assertThat(b.postRaw("/now/lockdown", form, "Origin", "null", "Sec-Fetch-Site", "same-origin",
                Guard.CSRF_HEADER, token).statusCode()).isEqualTo(303);
        assertThat(lockdowns()).extracting(Lockdown::by).containsExactly("console:rita");
        assertThat(audit("lockdown.on")).extracting(AuditEntry::actor).containsExactly("console:rita");
    }

    @Test
    void aViewersChangeIsRefused() throws Exception {
        b.signIn("vic", PASSWORD, CODE);
        String token = b.csrf("/");
        HttpResponse<String> r = b.post("/now/lockdown", List.of("_csrf", token, "reason", "x", "expiry", "1h", "confirm", "yes"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("a viewer sees everything and changes nothing");
        assertThat(lockdowns()).isEmpty();
        assertThat(audit("lockdown")).isEmpty();
        assertThat(b.get("/audit").statusCode()).isEqualTo(200); // but sees
    }

    @Test
    void theLockdownSwitchConfirmsFirstValidatesBesideTheFieldAndLifts() throws Exception {
        b.signIn("rita", PASSWORD, CODE);
        String token = b.csrf("/");
        HttpResponse<String> empty = b.post("/now/lockdown", List.of("_csrf", token, "reason", "", "expiry", "2y"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"reason-error\"").contains("id=\"expiry-error\"");
        HttpResponse<String> confirm = b.post("/now/lockdown", List.of("_csrf", token, "reason", "spray <b>now</b>", "expiry", "4h"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("4 hours").contains("spray &lt;b&gt;now&lt;/b&gt;").doesNotContain("<b>now");
        assertThat(lockdowns()).isEmpty();
        assertThat(b.post("/now/lockdown", List.of("_csrf", token, "reason", "spray", "expiry", "4h", "confirm", "yes"))
                .statusCode()).isEqualTo(303);
        assertThat(lockdowns()).singleElement().satisfies(l -> assertThat(l.until()).isEqualTo(clock.instant().plus(Duration.ofHours(4))));
        assertThat(b.get("/").body()).contains("Lockdowns in force");
        assertThat(b.post("/now/lockdown/lift", List.of("_csrf", token, "id", "all")).statusCode()).isEqualTo(303);
        assertThat(lockdowns()).isEmpty();
        assertThat(audit("lockdown.off")).extracting(AuditEntry::actor).containsExactly("console:rita");
        assertThat(b.post("/now/lockdown/lift", List.of("_csrf", token, "id", "all")).statusCode()).isEqualTo(404);
    }

    @Test
    void signOutEndsTheSessionAndANewSignInGetsANewId() throws Exception {
        b.signIn("alice", PASSWORD, CODE);
        String first = b.cookie;
        b.signIn("alice", PASSWORD, CODE);
        assertThat(b.cookie).isNotEqualTo(first);
        String second = b.cookie;
        b.cookie = first;
        assertThat(b.get("/").statusCode()).as("the session replaced at sign-in has ended").isEqualTo(303);
        b.cookie = second;
        String token = b.csrf("/");
        assertThat(b.post("/signout", List.of()).statusCode()).as("sign-out needs the token too").isEqualTo(403);
        HttpResponse<String> out = b.post("/signout", List.of("_csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        b.cookie = second;
        assertThat(b.get("/").statusCode()).isEqualTo(303);
        assertThat(audit("console.signout")).hasSize(1);
    }

    @Test
    void aSessionEndsWhenIdleAndAfterEightHoursWhateverItsUse() throws Exception {
        b.signIn("alice", PASSWORD, CODE);
        clock.advance(Duration.ofMinutes(14));
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(b.get("/").statusCode()).isEqualTo(303);
        b.signIn("alice", PASSWORD, CODE);
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(b.get("/audit").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(b.get("/audit").statusCode()).isEqualTo(303);
        assertThat(b.get("/now/health", "HX-Request", "true").headers().firstValue("HX-Redirect")).contains("/signin");
    }

    @Test
    void aOneTimeLinkSignsInOnceWithinTenMinutes() throws Exception {
        String link = rig.server.console().oneTimeLink(new dev.portcullis.server.console.auth.ConsoleUser("demo",
                dev.portcullis.server.console.auth.Role.ADMIN));
        assertThat(link).startsWith("/signin/once/");
        assertThat(b.get(link).statusCode()).isEqualTo(303);
        assertThat(b.get("/").body()).contains("Signed in as <strong>demo</strong>");
        Browserless other = new Browserless(rig.base());
        assertThat(other.get(link).statusCode()).isEqualTo(403);
        String late = rig.server.console().oneTimeLink(new dev.portcullis.server.console.auth.ConsoleUser("demo",
                dev.portcullis.server.console.auth.Role.ADMIN));
        clock.advance(Duration.ofMinutes(10));
        assertThat(other.get(late).statusCode()).isEqualTo(403);
        assertThat(other.cookie).isNull();
    }

    @Test
    void unknownPagesAre404AndUnbuiltPagesSaySo() throws Exception {
        assertThat(b.get("/no/such/page").statusCode()).as("signed out: to the sign-in page first").isEqualTo(303);
        b.signIn("vic", PASSWORD, CODE);
        HttpResponse<String> nf = b.get("/no/such/page");
        assertThat(nf.statusCode()).isEqualTo(404);
        assertThat(nf.body()).contains("Not found").contains("Signed in as");
        securityHeaders(nf);
        for (Nav n : Nav.values()) {
            HttpResponse<String> r = b.get(n.path());
            assertThat(r.statusCode()).as(n.path()).isEqualTo(200);
            assertThat(r.body()).contains("aria-current=\"page\">" + n.label() + "<");
        }
        assertThat(b.get("/attacks").body()).contains("not built yet");
    }

    @Test
    void theAuditPageSearchesAndSaysBesideTheFieldWhatIsWrong() throws Exception {
        b.signIn("alice", PASSWORD, CODE);
        HttpResponse<String> bad = b.get("/audit?from=yesterday&to=2026-01-01&who=" + "x".repeat(101));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"from-error\"").contains("Not a day").contains("id=\"who-error\"")
                .contains("value=\"yesterday\"");
        HttpResponse<String> order = b.get("/audit?from=2026-06-10&to=2026-06-01");
        assertThat(order.body()).contains("id=\"to-error\"").contains("before the first");
        HttpResponse<String> found = b.get("/audit?who=alice&what=signin&from=2026-06-10&to=2026-06-10");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("console:alice").contains("1 entry");
        assertThat(b.get("/audit?what=signin&from=2026-06-11").body()).contains("0 entries");
        assertThat(b.get("/audit?who=%3Cscript%3E").body()).contains("value=\"&lt;script").doesNotContain("<script>");
    }

    @Test
    void theHealthFragmentIsServedForHtmxPolling() throws Exception {
        b.signIn("vic", PASSWORD, CODE);
        HttpResponse<String> page = b.get("/");
        assertThat(page.body()).contains("hx-get=\"/now/health\"").contains("hx-trigger=\"every 5s\"");
        HttpResponse<String> f = b.get("/now/health", "HX-Request", "true");
        assertThat(f.statusCode()).isEqualTo(200);
        assertThat(f.body()).startsWith("<section id=\"health\"").contains("Tracked keys").contains("Judgement time")
                .doesNotContain("<nav");
        // polling is not use: an open Now page alone does not keep the session past its idle limit
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(b.get("/now/health", "HX-Request", "true").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(5)); // 15 minutes since the last page view
        assertThat(b.get("/now/health", "HX-Request", "true").statusCode()).isEqualTo(401);
    }

    @Test
    void oddInputIsAClearRefusalNeverA500() throws Exception {
        HttpResponse<String> huge = b.postRaw("/signin", List.of("name", "a".repeat(300_000), "password", "x"),
                "Origin", b.base);
        assertThat(huge.statusCode()).isEqualTo(413);
        securityHeaders(huge);
        HttpResponse<String> long1 = b.signIn("a".repeat(5000), "p".repeat(5000), "1".repeat(100));
        assertThat(long1.statusCode()).isEqualTo(401);
        HttpResponse<String> garbage = b.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(b.base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", b.base)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=%ZZ&password=%&code=%E2%82")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isIn(400, 401);
        b.signIn("vic", PASSWORD, CODE);
        for (String q : List.of("?from=%00", "?from=99999-01-01", "?to=2026-02-30", "?who=%E2%82", "?from=+2026-01-01")) {
            assertThat(b.get("/audit" + q).statusCode()).as(q).isIn(200, 400, 422);
        }
    }

    @Test
    void theCookieIsSecureBehindATlsProxyWhenConfigured() throws Exception {
        rig.close();
        rig = new ConsoleRig(dir.resolve("tls"), clock, ConsoleConfig.DEFAULTS.withListen("127.0.0.1", 0).withSecureCookie(true));
        b = new Browserless(rig.base());
        assertThat(b.signIn("alice", PASSWORD, CODE).headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    private List<Lockdown> lockdowns() {
        return rig.server.console() == null ? List.of() : rig.store.load(clock.instant()).lockdowns();
    }

    private static List<String> with(List<String> form, String name, String value) {
        List<String> f = new java.util.ArrayList<>(form);
        f.add(name);
        f.add(value);
        return f;
    }
}
