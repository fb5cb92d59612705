package dev.portcullis.server.console;

import static dev.portcullis.server.console.TestSignIn.CODE;
import static dev.portcullis.server.console.TestSignIn.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver, against the real gate and console on free ports. Every page is checked for
 * JavaScript console errors (a CSP violation is one) and walked with the Tab key.
 *
 * <p>Where Chromium or chromedriver is missing, the tests are skipped with the reason, unless
 * {@code PORTCULLIS_REQUIRE_BROWSER=1} (or {@code -Dportcullis.require.browser=true}) says the browser
 * must be there: CI installs it and sets that (.ci/run), so there a missing browser is a failure.
 * With {@code -Dportcullis.screenshots=DIR} each page is saved there as a PNG (docs/console/).
 */
class ConsoleBrowserTest {
    static final String REQUIRE_ENV = "PORTCULLIS_REQUIRE_BROWSER";
    static final String REQUIRE_PROPERTY = "portcullis.require.browser";
    static final String SCREENSHOTS = "portcullis.screenshots";
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    static ChromeDriver driver;
    static Path profile;

    @TempDir
    Path dir;
    ConsoleRig rig;
    WebDriverWait wait;

    @BeforeAll
    static void browser() throws Exception {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            missing((CHROMIUM.canExecute() ? "" : CHROMIUM + " is missing; ") + (DRIVER.canExecute() ? "" : DRIVER + " is missing; ")
                    + "these tests need Debian's browser: 'apt-get install -y chromium chromium-driver' (.ci/run does)");
        }
        profile = Files.createTempDirectory("portcullis-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        try {
            driver = new ChromeDriver(service, o);
        } catch (RuntimeException e) {
            missing("Chromium did not start: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    @AfterAll
    static void quit() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void missing(String why) {
        String property = System.getProperty(REQUIRE_PROPERTY);
        String flag = property != null ? property : Optional.ofNullable(System.getenv(REQUIRE_ENV)).orElse("");
        if (flag.equals("1") || flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("yes")) {
            fail(why + " (the browser is required here: " + (property != null ? "-D" + REQUIRE_PROPERTY : REQUIRE_ENV) + "=" + flag + ")");
        }
        String message = "ConsoleBrowserTest skipped: " + why + ". Set " + REQUIRE_ENV + "=1 to make this a failure.";
        System.err.println(message);
        Assumptions.abort(message);
    }

    @BeforeEach
    void start() {
        rig = new ConsoleRig(dir, Clock.systemUTC());
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        errors(); // drop what earlier tests left in the log
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private void open(String path) {
        driver.get(rig.base() + path);
    }

    private void signIn(String name, String password, String code) {
        open("/signin");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(d -> !d.getTitle().isEmpty() && d.findElements(By.tagName("h1")).size() == 1);
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** SEVERE entries of the browser's console since the last call (a CSP violation, a script error, a failed load). */
    private List<String> errors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
        }
        return out;
    }

    private List<String> errorsBut(String expectedStatus) {
        // a refused request is logged by the browser as a failed load of its status: expected there
        return errors().stream().filter(m -> !m.contains("status of " + expectedStatus)).collect(Collectors.toList());
    }

    private void screenshot(String name) throws Exception {
        String to = System.getProperty(SCREENSHOTS);
        if (to == null || to.isBlank()) return;
        Path d = Path.of(to);
        Files.createDirectories(d);
        Files.write(d.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Some Dovecot-style traffic through the gate, so the Now page has figures. */
    private void traffic() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            String body = "{\"login\":\"user" + i + "@example.org\",\"remote\":\"192.0.2." + (i + 1) + "\",\"protocol\":\"imap\","
                    + "\"success\":" + (i % 4 != 0) + ",\"policy_reject\":false}";
            for (String command : List.of("allow", "report")) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.server.port() + "/?command=" + command))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Test
    void signInWorksAndNoPageHasAConsoleError() throws Exception {
        traffic();
        open("/signin");
        assertThat(heading()).isEqualTo("Sign in");
        screenshot("signin");
        assertThat(errors()).isEmpty();
        signIn("alice", PASSWORD, CODE);
        assertThat(heading()).isEqualTo("Now");
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Signed in as alice (admin)");
        assertThat(errors()).isEmpty();
        // htmx's poll swaps the health section in place, with no error (the fragment route, the CSRF header)
        WebElement before = driver.findElement(By.id("health"));
        wait.until(ExpectedConditions.stalenessOf(before));
        assertThat(driver.findElement(By.id("health")).getText()).contains("Tracked keys");
        screenshot("now");
        assertThat(errors()).isEmpty();
        for (Nav n : Nav.values()) {
            open(n.path());
            assertThat(heading()).isEqualTo(n.label());
            assertThat(driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo(n.label());
            screenshot(n.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(errors()).as(n.path()).isEmpty();
        }
        open("/audit?from=yesterday");
        assertThat(driver.findElement(By.id("from-error")).getText()).contains("Not a day");
        screenshot("audit-invalid");
        assertThat(errorsBut("422")).isEmpty();
    }

    @Test
    void aWrongPasswordAndAWrongCodeAreRefused() {
        signIn("alice", "not the password", CODE);
        assertThat(heading()).isEqualTo("Sign in");
        assertThat(driver.findElement(By.id("signin-error")).getText()).isEqualTo(SignInPage.REFUSED);
        assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
        signIn("alice", PASSWORD, "999999");
        assertThat(driver.findElement(By.id("signin-error")).getText()).isEqualTo(SignInPage.REFUSED);
        open("/");
        assertThat(heading()).as("still signed out").isEqualTo("Sign in");
        assertThat(errorsBut("401")).isEmpty();
    }

    @Test
    void aViewerIsRefusedAndAResponderLocksDownAfterConfirming() throws Exception {
        // the viewer first: a lockdown also refuses console sign-ins from outside the internal networks
        signIn("vic", PASSWORD, CODE);
        driver.findElement(By.id("reason")).sendKeys("trying");
        driver.findElement(By.cssSelector("form.lockdown button")).click();
        wait.until(ExpectedConditions.titleContains("Not allowed"));
        assertThat(driver.findElement(By.cssSelector(".refusal")).getText()).contains("a viewer sees everything and changes nothing");
        screenshot("refused-viewer");
        assertThat(errorsBut("403")).isEmpty();
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.titleContains("Sign in"));

        signIn("rita", PASSWORD, CODE);
        driver.findElement(By.id("reason")).sendKeys("password spray from abroad");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("expiry"))).selectByVisibleText("1 hour");
        driver.findElement(By.cssSelector("form.lockdown button")).click();
        wait.until(ExpectedConditions.titleContains("Confirm"));
        assertThat(driver.findElement(By.cssSelector("main .warning")).getText()).contains("1 hour").contains("password spray from abroad");
        screenshot("now-confirm");
        driver.findElement(By.xpath("//button[contains(., 'Yes, lock down')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lockdown table")));
        screenshot("now-lockdown");
        assertThat(rig.store.auditSearch(null, "lockdown", null, null, 10)).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("console:rita lockdown.on");
        driver.findElement(By.cssSelector("#lockdown table button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.lockdown")));
        assertThat(rig.store.auditSearch(null, "lockdown.off", null, null, 10)).hasSize(1);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        signIn("rita", PASSWORD, CODE);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('form.lockdown input[name=_csrf]').remove()");
        driver.findElement(By.id("reason")).sendKeys("test");
        driver.findElement(By.cssSelector("form.lockdown button")).click();
        wait.until(ExpectedConditions.titleContains("Refused"));
        assertThat(driver.findElement(By.cssSelector(".refusal")).getText()).contains("form token");
        assertThat(errorsBut("403")).isEmpty();
    }

    @Test
    void signOutEndsTheSession() {
        signIn("alice", PASSWORD, CODE);
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.titleContains("Sign in"));
        open("/audit");
        assertThat(heading()).isEqualTo("Sign in");
        assertThat(driver.manage().getCookieNamed(Guard.COOKIE)).isNull();
        assertThat(errors()).isEmpty();
    }

    @Test
    void everyPageIsReachableByKeyboardAndEveryControlIsLabelled() {
        open("/signin");
        walk("/signin");
        signIn("alice", PASSWORD, CODE);
        for (Nav n : Nav.values()) {
            open(n.path());
            walk(n.path());
        }
    }

    /** Tabs through the page from the top: the skip link first, then every control, each with a name. */
    private void walk(String path) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> controls = (List<Map<String, Object>>) js.executeScript("""
                return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
                  .map(e => ({key: e.outerHTML.slice(0, 80), name: name(e)}));
                function name(e) {
                  if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
                  if (e.tagName === 'A' || e.tagName === 'BUTTON') return e.textContent.trim();
                  const l = e.id && document.querySelector('label[for="' + e.id + '"]');
                  return l ? l.textContent.trim() : '';
                }""");
        for (Map<String, Object> c : controls) {
            assertThat((String) c.get("name")).as(path + ": a name for " + c.get("key")).isNotBlank();
        }
        List<String> reached = new ArrayList<>();
        // Tab until focus comes round again (a date input takes one Tab per part), at most 300 presses
        for (int i = 0; i < 300; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            String html = (String) js.executeScript("return document.activeElement.outerHTML.slice(0, 80)");
            if (i == 0) assertThat(html).as(path + ": the first Tab").contains("Skip to content");
            else if (html.contains("Skip to content") || html.startsWith("<body")) break;
            reached.add(html);
        }
        for (Map<String, Object> c : controls) {
            assertThat(reached).as(path + ": reached by Tab").contains((String) c.get("key"));
        }
    }
}
