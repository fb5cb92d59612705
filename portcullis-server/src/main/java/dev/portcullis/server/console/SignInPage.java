package dev.portcullis.server.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.Accounts;
import dev.portcullis.core.Addresses;
import dev.portcullis.core.Untrusted;
import dev.portcullis.core.gate.Decision;
import dev.portcullis.core.gate.Login;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.server.console.auth.ConsoleUser;
import dev.portcullis.server.console.auth.SignIn;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign-in, sign-out and one-time links.
 *
 * <p>A sign-in is a login to the gate like any other (service {@value #SERVICE}, account the console
 * user's name, source the client's address), so the console's own sign-in has the gate's smart
 * lockout and blocks: first the gate decides (on its thread), and anything but allow refuses without
 * checking the password (even in the gate's log-only mode, which is for the mail logins); then {@link SignIn#check}; then the outcome is reported to the gate. The
 * refusal says the same whatever was wrong ({@value #REFUSED}); the audit trail has the reason. The
 * password is never kept: its bytes are cleared after the check, and the gate sees only a keyed
 * fingerprint (as Dovecot's {@code pwhash}: it tells a repeated wrong password from a new one).
 *
 * <p>The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over TLS or with
 * {@code server.console_secure_cookie}; a new session id at every sign-in.
 */
final class SignInPage {
    static final String SERVICE = "console";
    static final String REFUSED = "name, password or code not accepted";
    private static final int MAX_NAME = 256;
    /** The longest password console users may have (ConsoleUsers.MAX_PASSWORD); longer input is cut. */
    private static final int MAX_PASSWORD = 4096;
    private static final int MAX_CODE = 16;

    private final Backend backend;
    private final Templates templates;
    private final ConsoleConfig config;
    private final byte[] fingerprintKey = new byte[32];

    SignInPage(Backend backend, Templates templates, ConsoleConfig config) {
        this.backend = backend;
        this.templates = templates;
        this.config = config;
        new SecureRandom().nextBytes(fingerprintKey);
    }

    /** What {@code signin.jte} shows: the name typed (never the password or code), and the refusal if any. */
    public record Form(String name, String error) {}

    void routes(RoutesConfig r) {
        r.get("/signin", this::show);
        r.post("/signin", this::signIn);
        r.post("/signout", this::signOut);
        r.get("/signin/once/{token}", this::once);
    }

    private void show(Context ctx) {
        if (ctx.attribute(Guard.SESSION) != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, new Form("", null));
    }

    private void render(Context ctx, int status, Form form) {
        Map<String, Object> p = new HashMap<>();
        p.put("frame", new Frame("Sign in", null, null, null));
        p.put("model", form);
        ctx.status(status).html(templates.render("signin.jte", p));
    }

    private void signIn(Context ctx) {
        String name = trim(ctx.formParam("name"), MAX_NAME);
        String code = trim(ctx.formParam("code"), MAX_CODE);
        String pw = ctx.formParam("password");
        char[] password = pw == null ? new char[0] : pw.substring(0, Math.min(pw.length(), MAX_PASSWORD)).toCharArray();
        try {
            Instant now = backend.gate().clock().instant();
            String source = Addresses.canonical(ctx.ip());
            String account = name.isEmpty() ? null : Accounts.canonical(name);
            Login login = new Login(account, source, fingerprint(password), SERVICE, null, null, ctx.req().isSecure());
            Decision d = backend.gate().read(g -> g.decide(login, now));
            SignIn.Outcome outcome;
            // the verdict, not the status: the console's own sign-in is protected in log-only mode too
            if (d.verdict() != Decision.Verdict.ALLOW) {
                backend.gate().read(g -> {
                    g.report(login, false, true, now);
                    return null;
                });
                outcome = SignIn.Outcome.refused("the gate refused the login: " + d.reason());
            } else {
                outcome = name.isEmpty() ? SignIn.Outcome.refused("no name given")
                        : backend.signIn().check(name, password, code, now);
                boolean ok = outcome.accepted();
                backend.gate().read(g -> {
                    g.report(login, ok, false, now);
                    return null;
                });
            }
            if (!outcome.accepted()) {
                String typed = Untrusted.text(name); // a password typed into the name field is not kept
                audit("anonymous", "console.signin.refused", typed == null ? "" : typed, source, outcome.reason());
                render(ctx, 401, new Form(name, REFUSED));
                return;
            }
            Session s = backend.sessions().start(outcome.user());
            audit("console:" + s.user().name(), "console.signin", s.user().name(), source, null);
            begin(ctx, s);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void once(Context ctx) {
        ConsoleUser user = backend.sessions().redeem(ctx.pathParam("token"));
        String source = Addresses.canonical(ctx.ip());
        if (user == null) {
            audit("anonymous", "console.signin.refused", "", source, "one-time link unknown, used or expired");
            throw new Refusal(403, "Link not valid", "This sign-in link is unknown, was used already or has expired "
                    + "(links last 10 minutes and work once). Sign in with your name, password and code instead.");
        }
        Session s = backend.sessions().start(user);
        audit("console:" + user.name(), "console.signin", user.name(), source, "one-time link");
        begin(ctx, s);
    }

    private void signOut(Context ctx) {
        Session s = ctx.attribute(Guard.SESSION);
        if (s != null) {
            backend.sessions().end(s.id());
            audit("console:" + s.user().name(), "console.signout", s.user().name(), Addresses.canonical(ctx.ip()), null);
        }
        ctx.header("Set-Cookie", Guard.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    /** Ends any session the browser had, sets the new one's cookie, and goes to the Now page. */
    private void begin(Context ctx, Session s) {
        Session old = ctx.attribute(Guard.SESSION);
        if (old != null) {
            backend.sessions().end(old.id());
        }
        ctx.header("Set-Cookie", Guard.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private boolean secure(Context ctx) {
        return config.secureCookie() || ctx.req().isSecure();
    }

    private void audit(String actor, String action, String target, String source, String reason) {
        ObjectNode d = RecordJson.object().put("source", source);
        if (reason != null) d.put("reason", reason);
        backend.gate().audit(actor, action, target, d.toString());
    }

    /** A keyed fingerprint of the password (HMAC-SHA256, 48 bits, a key that never leaves this process). */
    private String fingerprint(char[] password) {
        if (password.length == 0) {
            return null;
        }
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            mac.update(b);
            return HexFormat.of().formatHex(mac.doFinal(), 0, 6);
        } catch (GeneralSecurityException e) {
            return null;
        } finally {
            Arrays.fill(b.array(), (byte) 0);
        }
    }

    private static String trim(String s, int max) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
