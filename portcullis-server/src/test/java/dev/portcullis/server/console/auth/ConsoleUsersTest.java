package dev.portcullis.server.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.ConsoleUserRecord;
import dev.portcullis.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in and management of console users on a real SQLite store; time through a fixed Clock moved by hand. */
class ConsoleUsersTest {
    static final PasswordCheck CHECK = new PasswordCheck(PasswordPolicy.defaults());
    static final PasswordHash.Cost CHEAP = new PasswordHash.Cost(64, 1, 1);
    static final String GOOD = "kx7Vq!p2Lw9m";   // 12: enough with a second factor, not without
    static final String GOOD_LONG = "velvet otter harbour lantern 92";

    @TempDir
    Path dir;

    Store store;
    ConsoleUsers users;
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:10Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data").toString());
        users = new ConsoleUsers(store, CHECK, CHEAP, Totp.CONSOLE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Instant now() {
        return clock.instant();
    }

    void tick(Duration d) {
        clock = Clock.offset(clock, d);
    }

    String code(Enrolment e, Duration offset) {
        return Totp.CONSOLE.code(Totp.key(e.secret()), Totp.CONSOLE.step(now().plus(offset)));
    }

    SignIn.Outcome signIn(String name, String password, String code) {
        return users.check(name, password == null ? null : password.toCharArray(), code, now());
    }

    @Test
    void aViewerWithoutSecondFactorSignsInWithItsPasswordOnly() {
        Enrolment e = users.add("Bob", Role.VIEWER, GOOD_LONG.toCharArray(), false, "cli:root", now());
        assertThat(e.name()).isEqualTo("bob");
        assertThat(e.secret()).isNull();
        assertThat(e.uri()).isNull();

        SignIn.Outcome ok = signIn("BOB", GOOD_LONG, null);
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.user()).isEqualTo(new ConsoleUser("bob", Role.VIEWER));
        assertThat(signIn("bob", GOOD_LONG + "x", null).reason()).isEqualTo("wrong password");
        assertThat(signIn("bobby", GOOD_LONG, null).reason()).isEqualTo("no such user");
        assertThat(signIn("bob", GOOD_LONG + "x", null).user()).isNull();
    }

    @Test
    void anAdminNeedsItsCodeAndACodeIsSpentOnceEvenAcrossARestart() {
        Enrolment e = users.add("alice@example.org", Role.ADMIN, GOOD.toCharArray(), true, "cli:root", now());
        assertThat(e.secret()).matches("[A-Z2-7]{32}");
        assertThat(e.uri()).startsWith("otpauth://totp/Portcullis:alice%40example.org?secret=" + e.secret());
        assertThat(e.toString()).doesNotContain(e.secret());

        assertThat(signIn("alice@example.org", GOOD, null).reason()).isEqualTo("second factor: no code given");
        assertThat(signIn("alice@example.org", GOOD, "12a456").reason()).isEqualTo("second factor: code is not 6 digits");
        String now = code(e, Duration.ZERO);
        String wrong = now.equals("000000") ? "000001" : "000000";
        assertThat(signIn("alice@example.org", GOOD, wrong).reason()).isEqualTo("second factor: wrong code");
        assertThat(signIn("alice@example.org", GOOD + "!", now).reason()).as("right code, wrong password")
                .isEqualTo("wrong password");

        SignIn.Outcome ok = signIn("alice@example.org", GOOD, now);
        assertThat(ok.user()).isEqualTo(new ConsoleUser("alice@example.org", Role.ADMIN));
        assertThat(signIn("alice@example.org", GOOD, now).reason()).isEqualTo("second factor: replayed code");
        assertThat(signIn("alice@example.org", GOOD, code(e, Duration.ofSeconds(-30))).reason())
                .as("the step before is spent too").isEqualTo("second factor: replayed code");

        store.close();
        store = Store.open(dir.resolve("data").toString());
        users = new ConsoleUsers(store, CHECK, CHEAP, Totp.CONSOLE);
        assertThat(signIn("alice@example.org", GOOD, now).reason()).as("after a restart").isEqualTo("second factor: replayed code");

        tick(Duration.ofSeconds(30));
        assertThat(signIn("alice@example.org", GOOD, code(e, Duration.ZERO)).accepted()).isTrue();
        assertThat(signIn("alice@example.org", GOOD, code(e, Duration.ofSeconds(30))).accepted())
                .as("the next step, a phone a little ahead").isTrue();
    }

    @Test
    void ofEightSignInsRacingWithOneCodeExactlyOneIsAccepted() throws Exception {
        Enrolment e = users.add("lee", Role.RESPONDER, GOOD.toCharArray(), true, "cli:root", now());
        String c = code(e, Duration.ZERO);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Callable<SignIn.Outcome>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> signIn("lee", GOOD, c));
            }
            List<String> reasons = new ArrayList<>();
            int accepted = 0;
            for (java.util.concurrent.Future<SignIn.Outcome> f : pool.invokeAll(racers)) {
                accepted += f.get().accepted() ? 1 : 0;
                if (!f.get().accepted()) {
                    reasons.add(f.get().reason());
                }
            }
            assertThat(accepted).isEqualTo(1);
            assertThat(reasons).hasSize(7).allMatch(r -> r.startsWith("second factor: replayed code"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdminWithoutSecondFactorCannotBeMadeNorSignIn() {
        Refused r = assertThrows(Refused.class,
                () -> users.add("carol", Role.ADMIN, GOOD_LONG.toCharArray(), false, "cli:root", now()));
        assertThat(r.field()).isEqualTo("totp");
        assertThat(store.consoleUsers()).isEmpty();

        // one that got into the store some other way (an old version, a hand-edited row)
        store.putConsoleUser(new ConsoleUserRecord("carol", "admin", PasswordHash.hash(GOOD_LONG.toCharArray(), CHEAP),
                null, 0, now(), "sql", null), null);
        assertThat(signIn("carol", GOOD_LONG, null).reason()).startsWith("admin without a second factor")
                .contains("portcullis user totp carol");
        Enrolment e = users.enrolTotp("carol", "cli:root", now());
        assertThat(signIn("carol", GOOD_LONG, code(e, Duration.ZERO)).accepted()).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedWithTheChecksReasons() {
        Refused common = assertThrows(Refused.class,
                () -> users.add("dave", Role.RESPONDER, "password1".toCharArray(), true, "cli:root", now()));
        assertThat(common.field()).isEqualTo("password");
        assertThat(common.reasons()).isNotEmpty().anyMatch(m -> m.contains("common"));
        Refused shortWithout2fa = assertThrows(Refused.class,
                () -> users.add("dave", Role.RESPONDER, GOOD.toCharArray(), false, "cli:root", now()));
        assertThat(shortWithout2fa.getMessage()).contains("at least 15");
        Refused sameAsName = assertThrows(Refused.class,
                () -> users.add("portcullis-admin", Role.RESPONDER, "portcullis-admin".toCharArray(), true, "cli:root", now()));
        assertThat(sameAsName.reasons()).isNotEmpty();
        assertThrows(Refused.class, () -> users.add("dave", Role.RESPONDER, new char[0], true, "cli:root", now()));
        assertThat(store.consoleUsers()).isEmpty();
        assertThat(store.auditTrail(Instant.EPOCH, 10)).isEmpty();
    }

    @Test
    void namesAreCanonicalAsciiAndTakenOnce() {
        assertThat(ConsoleUsers.canonicalName("Alice.Smith@Example.ORG")).isEqualTo("alice.smith@example.org");
        for (String bad : new String[] {null, "", " alice", "alice ", "al ice", "a".repeat(65), "\u212Aate", "émile",
            "alice\n", "alice/../x", "a'; DROP TABLE console_users;--"}) {
            assertThat(ConsoleUsers.canonicalName(bad)).as(String.valueOf(bad)).isNull();
            Refused r = assertThrows(Refused.class,
                    () -> users.add(bad, Role.VIEWER, GOOD.toCharArray(), true, "cli:root", now()));
            assertThat(r.field()).isEqualTo("name");
            assertThat(r.getMessage()).doesNotContain("\n");
        }
        users.add("erin", Role.VIEWER, GOOD.toCharArray(), true, "cli:root", now());
        Refused taken = assertThrows(Refused.class,
                () -> users.add("ERIN", Role.ADMIN, GOOD.toCharArray(), true, "cli:root", now()));
        assertThat(taken.getMessage()).contains("exists");
        assertThat(store.consoleUser("erin").orElseThrow().role()).isEqualTo("viewer");
    }

    @Test
    void everyChangeIsAuditedAndAPasswordChangeOrReEnrolmentTakesEffect() {
        Enrolment first = users.add("frank", Role.RESPONDER, GOOD.toCharArray(), true, "cli:root", now());
        users.passwd("frank", GOOD_LONG.toCharArray(), "cli:root", now());
        tick(Duration.ofMinutes(1));
        assertThat(signIn("frank", GOOD, code(first, Duration.ZERO)).reason()).isEqualTo("wrong password");
        Enrolment second = users.enrolTotp("frank", "cli:root", now());
        assertThat(second.secret()).isNotEqualTo(first.secret());
        String oldCode = code(first, Duration.ZERO);
        String newCode = code(second, Duration.ZERO);
        if (!oldCode.equals(newCode)) {
            assertThat(signIn("frank", GOOD_LONG, oldCode).reason()).isEqualTo("second factor: wrong code");
        }
        assertThat(signIn("frank", GOOD_LONG, newCode).accepted()).isTrue();

        users.setDisabled("frank", true, "cli:root", now());
        tick(Duration.ofMinutes(1));
        assertThat(signIn("frank", GOOD_LONG, code(second, Duration.ZERO)).reason()).isEqualTo("user is disabled");
        users.setDisabled("frank", false, "cli:root", now());
        assertThat(signIn("frank", GOOD_LONG, code(second, Duration.ZERO)).accepted()).isTrue();

        assertThat(users.remove("Frank", "cli:root", now())).isTrue();
        assertThat(users.remove("frank", "cli:root", now())).isFalse();
        assertThat(signIn("frank", GOOD_LONG, code(second, Duration.ofSeconds(30))).reason()).isEqualTo("no such user");
        assertThrows(Refused.class, () -> users.passwd("frank", GOOD_LONG.toCharArray(), "cli:root", now()));

        List<AuditEntry> trail = new ArrayList<>(store.auditTrail(Instant.EPOCH, 20));
        java.util.Collections.reverse(trail);
        assertThat(trail).extracting(AuditEntry::action).containsExactly("user.add", "user.passwd", "user.totp",
                "user.disable", "user.enable", "user.remove");
        assertThat(trail).allSatisfy(a -> {
            assertThat(a.actor()).isEqualTo("cli:root");
            assertThat(a.target()).isEqualTo("frank");
            assertThat(a.detail()).doesNotContain(first.secret()).doesNotContain(second.secret()).doesNotContain("argon2");
        });
        assertThat(trail.get(0).detail()).isEqualTo("{\"role\":\"responder\",\"totp\":true}");
    }

    @Test
    void aHashMadeCheaperThanTodaysIsRenewedAtTheNextSignIn() {
        users.add("gina", Role.VIEWER, GOOD_LONG.toCharArray(), false, "cli:root", now());
        PasswordHash.Cost raised = new PasswordHash.Cost(128, 2, 1);
        ConsoleUsers later = new ConsoleUsers(store, CHECK, raised, Totp.CONSOLE);
        assertThat(later.check("gina", GOOD_LONG.toCharArray(), null, now()).accepted()).isTrue();
        String hash = store.consoleUser("gina").orElseThrow().passwordHash();
        assertThat(PasswordHash.cost(hash)).isEqualTo(raised);
        assertThat(later.check("gina", GOOD_LONG.toCharArray(), null, now()).accepted()).isTrue();
        assertThat(store.auditTrail(Instant.EPOCH, 10)).extracting(AuditEntry::action).contains("user.rehash");
    }

    @Test
    void theRealCostWorksEndToEnd() {
        ConsoleUsers real = new ConsoleUsers(store, CHECK);
        Enrolment e = real.add("hank", Role.ADMIN, GOOD.toCharArray(), true, "cli:root", now());
        assertThat(PasswordHash.cost(store.consoleUser("hank").orElseThrow().passwordHash())).isEqualTo(PasswordHash.Cost.OWASP);
        assertThat(real.check("hank", GOOD.toCharArray(), code(e, Duration.ZERO), now()).accepted()).isTrue();
        assertThat(real.check("nobody", GOOD.toCharArray(), "123456", now()).reason()).isEqualTo("no such user");
    }

    @Test
    void hostileInputIsRefusedNeverThrown() {
        Enrolment e = users.add("ivy", Role.ADMIN, GOOD.toCharArray(), true, "cli:root", now());
        String huge = "9".repeat(1_000_000);
        String[] names = {null, "", "ivy", "IVY", huge, "ivy\u0000", "ivy\r\nX-Injected: 1", "\uD800", "ivy%00", "*", "%"};
        char[][] passwords = {null, new char[0], GOOD.toCharArray(), new char[ConsoleUsers.MAX_PASSWORD + 1],
            huge.substring(0, 4096).toCharArray(), {'\uD800', '\uDC00', '\uDFFF'}, {'\0'}};
        String[] codes = {null, "", " ", "abcdef", "12345", "1234567", huge, "١٢٣٤٥٦", "-00001", "12 34 56", "\u0000\u0000"};
        int n = 0;
        for (String name : names) {
            for (char[] pw : passwords) {
                for (String c : codes) {
                    SignIn.Outcome o = users.check(name, pw, c, now());
                    assertThat(o.accepted()).as(name + " / " + c).isFalse();
                    assertThat(o.reason()).isNotBlank().hasSizeLessThan(200);
                    n++;
                }
            }
        }
        assertThat(users.check("ivy", GOOD.toCharArray(), code(e, Duration.ZERO), null).reason()).isEqualTo("no time given");
        assertThat(n).isEqualTo(names.length * passwords.length * codes.length);
        // the right answer still works after all that, with its code spaced as apps show it
        String c = code(e, Duration.ZERO);
        assertThat(signIn("IVY", GOOD, c.substring(0, 3) + " " + c.substring(3)).accepted()).isTrue();
    }

    @Test
    void aStoreThatFailsIsARefusal() {
        users.add("jack", Role.VIEWER, GOOD_LONG.toCharArray(), false, "cli:root", now());
        store.close();
        SignIn.Outcome o = signIn("jack", GOOD_LONG, null);
        assertThat(o.accepted()).isFalse();
        assertThat(o.reason()).startsWith("store unavailable").hasSizeLessThan(200);
        store = Store.open(dir.resolve("data").toString());
    }

    @Test
    void aStoredRoleThatIsNoLongerKnownIsARefusal() {
        store.putConsoleUser(new ConsoleUserRecord("kim", "superuser", PasswordHash.hash(GOOD_LONG.toCharArray(), CHEAP),
                null, 0, now(), "sql", null), null);
        assertThat(signIn("kim", GOOD_LONG, null).reason()).isEqualTo("stored role is not one of viewer, responder, admin");
    }
}
