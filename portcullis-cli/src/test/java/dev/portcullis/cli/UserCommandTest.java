package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.server.console.auth.ConsoleUser;
import dev.portcullis.server.console.auth.ConsoleUsers;
import dev.portcullis.server.console.auth.Role;
import dev.portcullis.server.console.auth.Totp;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.ConsoleUserRecord;
import dev.portcullis.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis user …} against a temporary SQLite store, passwords on standard input. */
class UserCommandTest {
    static final String GOOD = "kx7Vq!p2Lw9m";
    static final String GOOD_LONG = "velvet otter harbour lantern 92";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run run(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dir.resolve("data").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Portcullis.run(all.toArray(String[]::new), out,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(err, true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    Store store() {
        return Store.open(dir.resolve("data").toString());
    }

    @Test
    void anAdminIsAddedWithASecondFactorShownOnceThatSignsIn() {
        Run add = run(GOOD + "\n", "user", "add", "Alice@Example.org", "--role", "admin", "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("added alice@example.org (admin, TOTP)").contains("not shown again")
                .doesNotContain(GOOD);
        Matcher uri = Pattern.compile("otpauth://totp/Portcullis:alice%40example.org\\?secret=([A-Z2-7]{32})&issuer=Portcullis"
                + "&algorithm=SHA1&digits=6&period=30").matcher(add.out());
        assertThat(uri.find()).as(add.out()).isTrue();
        String secret = uri.group(1);
        assertThat(add.out()).contains("    " + secret + "\n");

        try (Store st = store()) {
            ConsoleUserRecord u = st.consoleUser("alice@example.org").orElseThrow();
            assertThat(u.totpSecret()).isEqualTo(secret);
            assertThat(u.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(u.createdBy()).isEqualTo(UserCommand.actor()).startsWith("cli:");
            Instant now = Instant.now();
            String code = Totp.CONSOLE.code(Totp.key(secret), Totp.CONSOLE.step(now));
            ConsoleUsers users = new ConsoleUsers(st, new PasswordCheck(PasswordPolicy.defaults()));
            assertThat(users.check("alice@example.org", GOOD.toCharArray(), code, now).user())
                    .isEqualTo(new ConsoleUser("alice@example.org", Role.ADMIN));
            assertThat(st.auditTrail(Instant.EPOCH, 10)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(UserCommand.actor(), "user.add", "alice@example.org"));
        }

        Run list = run("", "user", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("NAME", "alice@example.org", "admin", "yes", UserCommand.actor())
                .doesNotContain(secret).doesNotContain("argon2");
    }

    @Test
    void aViewerWithoutSecondFactorAndTheWholeLifeOfAUser() {
        Run add = run(GOOD_LONG + "\r\n", "user", "add", "bob", "--role", "viewer", "--no-totp", "--password-stdin");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("added bob (viewer, no second factor)\n");
        assertThat(run("", "user", "list").out()).containsPattern("bob +viewer +no ");

        Run passwd = run(GOOD_LONG + " 2\n", "user", "passwd", "BOB", "--password-stdin");
        assertThat(passwd.code()).as(passwd.err()).isZero();
        assertThat(passwd.out()).isEqualTo("password changed for bob\n");

        Run totp = run("", "user", "totp", "bob");
        assertThat(totp.code()).as(totp.err()).isZero();
        assertThat(totp.out()).contains("new second factor for bob", "otpauth://totp/Portcullis:bob?secret=");
        assertThat(run("", "user", "list").out()).containsPattern("bob +viewer +yes ");

        assertThat(run("", "user", "disable", "bob").out()).isEqualTo("disabled bob\n");
        assertThat(run("", "user", "list").out()).contains("(disabled since ");
        assertThat(run("", "user", "enable", "bob").out()).isEqualTo("enabled bob\n");
        assertThat(run("", "user", "remove", "bob").out()).isEqualTo("removed bob\n");
        assertThat(run("", "user", "list").out()).doesNotContain("bob");

        try (Store st = store()) {
            List<AuditEntry> trail = new ArrayList<>(st.auditTrail(Instant.EPOCH, 20));
            Collections.reverse(trail);
            assertThat(trail).extracting(AuditEntry::action).containsExactly("user.add", "user.passwd", "user.totp",
                    "user.disable", "user.enable", "user.remove");
            assertThat(trail).extracting(AuditEntry::actor).containsOnly(UserCommand.actor());
        }
    }

    @Test
    void badInputIsExitTwoWithAMessageAndChangesNothing() {
        expectUsage(run(GOOD + "\n", "user", "add", "carol", "--role", "admin", "--no-totp", "--password-stdin"),
                "--no-totp is refused for an admin");
        expectUsage(run(GOOD + "\n", "user", "add", "carol", "--role", "root", "--password-stdin"),
                "role 'root' is not one of viewer, responder, admin");
        expectUsage(run(GOOD + "\n", "user", "add", "carol", "--password-stdin"), "needs --role");
        expectUsage(run(GOOD + "\n", "user", "add", "--role", "viewer", "--password-stdin"), "user add needs a NAME");
        expectUsage(run(GOOD + "\n", "user", "add", "car ol", "--role", "viewer", "--password-stdin"),
                "'car ol' must be 1-64 of letters");
        expectUsage(run(GOOD + "\n", "user", "add", "c\u001b[31mx", "--role", "viewer", "--password-stdin"),
                "'c?[31mx'");
        expectUsage(run("password123\n", "user", "add", "carol", "--role", "responder", "--password-stdin"),
                "the password is refused:");
        expectUsage(run(GOOD + "\n", "user", "add", "carol", "--role", "viewer", "--no-totp", "--password-stdin"),
                "at least 15");
        expectUsage(run("\n", "user", "add", "carol", "--role", "viewer", "--password-stdin"), "the password is empty");
        expectUsage(run("", "user", "add", "carol", "--role", "viewer"), "no terminal to read the password from");
        expectUsage(run("", "user", "remove", "nobody"), "no console user named 'nobody'");
        expectUsage(run("", "user", "passwd", "nobody", "--password-stdin"), "no console user named 'nobody'");
        expectUsage(run("", "user", "totp", "nobody"), "no console user named 'nobody'");
        expectUsage(run("", "user", "list", "carol"), "user list takes no NAME");
        expectUsage(run("", "user", "totp", "carol", "--role", "admin"), "for 'user add' only");
        expectUsage(run("", "user", "frobnicate", "carol"), "unknown action 'frobnicate'");
        try (Store st = store()) {
            assertThat(st.consoleUsers()).isEmpty();
            assertThat(st.auditTrail(Instant.EPOCH, 10)).isEmpty();
        }

        assertThat(run(GOOD + "\n", "user", "add", "carol", "--role", "viewer", "--password-stdin").code()).isZero();
        expectUsage(run(GOOD + "\n", "user", "add", "CAROL", "--role", "admin", "--password-stdin"),
                "a console user named 'carol' exists");
    }

    private static void expectUsage(Run r, String message) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("portcullis: ").contains(message).doesNotContain(GOOD).doesNotContain("Exception");
    }
}
