package dev.portcullis.server;

import dev.portcullis.store.Store;
import dev.portcullis.store.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Admin API tokens: 256 random bits shown once, stored only as their SHA-256 (a token is not a
 * password a person chose: a fast hash of a random secret cannot be guessed back). Roles: "read"
 * may only read; "admin" may change state.
 */
public final class Tokens {
    public static final String PREFIX = "pct_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new secret, to be shown to the operator once. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates and stores a token; returns its secret. */
    public static String create(Store store, String name, String role, Instant now) {
        if (!role.equals("read") && !role.equals("admin")) {
            throw new IllegalArgumentException("token role '" + role + "' is not read or admin");
        }
        if (name == null || !name.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException("token name '" + name + "' must be 1-64 letters, digits, _ . @ -");
        }
        String secret = newSecret();
        store.putToken(new TokenRecord(name, hash(secret), role, now));
        return secret;
    }

    /** The token a presented secret belongs to (constant-time in effect: the lookup is by its hash). */
    static Optional<TokenRecord> verify(Store store, String presented) {
        if (presented == null || presented.length() > 200 || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return store.tokenByHash(hash(presented));
    }
}
