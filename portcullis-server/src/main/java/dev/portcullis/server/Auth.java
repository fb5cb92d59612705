package dev.portcullis.server;

import dev.portcullis.server.Route.Access;
import dev.portcullis.store.Store;
import dev.portcullis.store.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The one authentication of a request, run by {@link HttpHandler} after the route is found and before
 * its handler: the route's {@link Access} says what the caller must present. Two kinds of credential:
 * the login front ends' shared secret ({@code server.policy_secret}, in the configured header or as
 * the Basic-auth password, compared in constant time) and admin-API bearer tokens ({@link Tokens},
 * looked up in the store by hash — so token routes run on the admin thread, never the event loop).
 *
 * <p>Answers who is calling, for the audit trail: {@code admin:NAME} for a token, {@link #SECRET_HOLDER}
 * for the secret, {@code anonymous} otherwise; refuses with a 401 (missing or wrong) or 403 (a read
 * token on a route that changes state). Thread-safe (immutable; the store is thread-safe).
 */
final class Auth {
    /** How the holder of the policy secret (Dovecot, wforce clients) appears in the audit trail. */
    static final String SECRET_HOLDER = "wforce";

    private final byte[] secret;
    private final Store store;

    Auth(ServerConfig config, Store store) {
        this.secret = config.policySecret() == null ? null : config.policySecret().getBytes(StandardCharsets.UTF_8);
        this.store = store;
    }

    /** Who is calling, or a {@link BadRequest} with 401 or 403. */
    String caller(Access access, Request r) {
        return switch (access) {
            case NONE -> "anonymous";
            case POLICY -> {
                if (secret != null && !presentedSecret(r)) {
                    throw new BadRequest(401, "the policy secret is missing or wrong");
                }
                yield SECRET_HOLDER;
            }
            case READ -> token(r, false);
            case ADMIN -> token(r, true);
            case SECRET_OR_READ -> presentedSecret(r) ? SECRET_HOLDER : token(r, false);
            case SECRET_OR_ADMIN -> presentedSecret(r) ? SECRET_HOLDER : token(r, true);
        };
    }

    /** True only when a secret is configured and the request presents it. */
    private boolean presentedSecret(Request r) {
        if (secret == null) {
            return false;
        }
        if (r.apiKey() != null && MessageDigest.isEqual(secret, r.apiKey().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        String a = r.authorization();
        if (a != null && a.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String userPass = new String(Base64.getDecoder().decode(a.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = userPass.indexOf(':');
                String pass = colon < 0 ? userPass : userPass.substring(colon + 1);
                return MessageDigest.isEqual(secret, pass.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private String token(Request r, boolean admin) {
        String a = r.authorization();
        if (a == null || !a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new BadRequest(401, "an admin token is required: Authorization: Bearer pct_…"
                    + " (create one with 'portcullis token add NAME')");
        }
        TokenRecord t = Tokens.verify(store, a.substring(7).trim())
                .orElseThrow(() -> new BadRequest(401, "the admin token is not valid"));
        if (admin && !t.role().equals("admin")) {
            throw new BadRequest(403, "token '" + t.name() + "' is read-only");
        }
        return "admin:" + t.name();
    }
}
