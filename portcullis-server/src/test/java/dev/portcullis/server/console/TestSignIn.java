package dev.portcullis.server.console;

import dev.portcullis.server.console.auth.ConsoleUser;
import dev.portcullis.server.console.auth.Role;
import dev.portcullis.server.console.auth.SignIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A test-only {@link SignIn} (until the real one, Argon2id + TOTP, is merged): fixed users with a plain
 * password and a fixed code. Keeps the contract's shape: never throws, one refusal wording.
 */
final class TestSignIn implements SignIn {
    static final String PASSWORD = "correct horse battery staple";
    static final String CODE = "123456";
    static final Map<String, Role> USERS = Map.of("alice", Role.ADMIN, "rita", Role.RESPONDER, "vic", Role.VIEWER);

    int checks;

    @Override
    public synchronized Outcome check(String name, char[] password, String totpCode, Instant now) {
        checks++;
        Role r = USERS.get(name);
        if (r == null) return Outcome.refused("unknown user");
        if (!Arrays.equals(password, PASSWORD.toCharArray())) return Outcome.refused("wrong password");
        if (!CODE.equals(totpCode)) return Outcome.refused("wrong code");
        return Outcome.ok(new ConsoleUser(name, r));
    }
}
