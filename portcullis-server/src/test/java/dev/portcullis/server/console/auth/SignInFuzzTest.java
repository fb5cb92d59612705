package dev.portcullis.server.console.auth;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.store.ConsoleUserRecord;
import dev.portcullis.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * What a sign-in form hands the credential check comes from anyone who reaches the console. Properties:
 * {@link ConsoleUsers#check} never throws; a refusal has a short reason; nothing but the real password of
 * a real user is accepted; a canonical name is null or a fixed point of the stored shape; a code is
 * accepted only as 6 ASCII digits; reading a hash's cost never throws and never yields one out of range.
 * One SQLite store for the whole run (made once, removed after), a cheap Argon2 cost so runs are fast.
 */
class SignInFuzzTest {
    private static final char[] PASSWORD = "kx7Vq!p2Lw9m".toCharArray();
    private static final String[] NAMES = {"fuzz", "FUZZ", "fuzz-admin", "", "fuzz\u0000", "\u212Auzz"};
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static Path dir;
    private static Store store;
    private static ConsoleUsers users;

    private static synchronized ConsoleUsers users() {
        if (users == null) {
            try {
                dir = Files.createTempDirectory("portcullis-signin-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store = Store.open(dir.toString());
            users = new ConsoleUsers(store, new PasswordCheck(PasswordPolicy.defaults()), new PasswordHash.Cost(8, 1, 1),
                    Totp.CONSOLE);
            users.add("fuzz", Role.VIEWER, PASSWORD.clone(), true, "test", NOW);
            users.add("fuzz-admin", Role.ADMIN, PASSWORD.clone(), true, "test", NOW);
            store.putConsoleUser(new ConsoleUserRecord("fuzz-plain", "responder",
                    PasswordHash.hash(PASSWORD, new PasswordHash.Cost(8, 1, 1)), null, 0, NOW, "test", null), null);
        }
        return users;
    }

    @AfterAll
    static synchronized void removeStore() throws IOException {
        if (store != null) {
            store.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            store = null;
            users = null;
        }
    }

    @FuzzTest(maxDuration = "5s")
    void theCheckNeverThrowsAndAcceptsOnlyTheRealPassword(FuzzedDataProvider data) {
        String name = data.consumeBoolean() ? NAMES[data.consumeInt(0, NAMES.length - 1)] + data.consumeString(8)
                : data.consumeString(100);
        char[] password = data.consumeBoolean() ? null : data.consumeString(200).toCharArray();
        String code = data.consumeBoolean() ? null : data.consumeString(40);
        Instant now = NOW.plusSeconds(data.consumeLong(-10_000_000_000L, 10_000_000_000L));
        String phc = data.consumeRemainingAsString();

        SignIn.Outcome o = users().check(name, password, code, now);
        if (o == null || o.accepted() == (o.reason() != null)) {
            throw new AssertionError("an outcome is either a user or a reason: " + o);
        }
        if (!o.accepted() && (o.reason().isBlank() || o.reason().length() > 200)) {
            throw new AssertionError("bad reason: " + o.reason());
        }
        if (o.accepted() && !(o.user().name().equals("fuzz-plain") && Arrays.equals(password, PASSWORD))) {
            throw new AssertionError("accepted " + o.user() + " with another password or a code nobody had");
        }

        String canonical = ConsoleUsers.canonicalName(name);
        if (canonical != null && (!ConsoleUserRecord.NAME.matcher(canonical).matches()
                || !canonical.equals(ConsoleUsers.canonicalName(canonical)))) {
            throw new AssertionError("canonical name not a fixed point: " + canonical);
        }
        Totp.Match m = Totp.CONSOLE.match(TotpTest.SEED20, code, now, 0);
        if (m.accepted() && !code.matches("[0-9]{6}")) {
            throw new AssertionError("accepted a code that is not 6 digits: " + code);
        }
        PasswordHash.Cost cost = PasswordHash.cost(phc);
        if (cost != null && (cost.memoryKib() > PasswordHash.MAX_MEMORY_KIB || cost.iterations() > PasswordHash.MAX_ITERATIONS)) {
            throw new AssertionError("cost out of range read from " + phc);
        }
    }
}
