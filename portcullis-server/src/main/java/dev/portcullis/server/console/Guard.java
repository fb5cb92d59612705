package dev.portcullis.server.console;

import dev.portcullis.server.console.auth.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's rules for every request, run before any page: the security headers, the session, and
 * for a change (any method but GET and HEAD) the same-origin check, the CSRF token and the role.
 *
 * <p>Same origin. A change must come from a console page: when the browser sends
 * {@code Sec-Fetch-Site} it must be {@code same-origin}; an {@code Origin} (other than {@code null})
 * or a {@code Referer} must name the console's own host and port. Our {@code Referrer-Policy:
 * no-referrer} makes browsers send {@code Origin: null} and no Referer on a form post, which is why
 * {@code Sec-Fetch-Site} (not subject to the referrer policy) is read first; {@code Origin: null}
 * with nothing else to go by is refused. A client that sends none of the three (a script) still needs
 * the session cookie and the CSRF token.
 *
 * <p>CSRF. Each session has its token ({@link Session#csrf()}); every form carries it as the hidden
 * input {@value #CSRF_FIELD}, htmx sends it as the header {@value #CSRF_HEADER} (from {@code hx-headers}
 * on {@code <body>}). Compared in constant time. The sign-in form has no session yet: the same-origin
 * check guards it.
 */
final class Guard {
    static final String COOKIE = "portcullis_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION = "console.session";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Sessions sessions;
    /** Paths htmx polls: looking does not renew the session (see {@link Page.Routes#poll}). */
    private final Set<String> polls = ConcurrentHashMap.newKeySet();

    Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    void poll(String path) {
        polls.add(path);
    }

    /** True for a request that may change something (every method but GET, HEAD and OPTIONS). */
    static boolean changes(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    /** Paths anyone may reach: the sign-in pages and the assets. */
    static boolean open(String path) {
        return path.equals("/signin") || path.startsWith("/signin/once/") || assets(path);
    }

    static boolean assets(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    /** Javalin's before-handler for every path. */
    void before(Context ctx) {
        headers(ctx);
        String path = ctx.path();
        if (assets(path)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Session s = sessions.use(ctx.cookie(COOKIE), !polls.contains(path));
        if (s != null) {
            ctx.attribute(SESSION, s);
        }
        boolean change = changes(ctx);
        if (change) {
            sameOrigin(ctx);
        }
        if (open(path)) {
            return;
        }
        if (s == null) {
            if (change) {
                throw new Refusal(403, "Signed out", "Your session has ended or was never started; sign in again. Nothing was changed.");
            }
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", "/signin");
                throw new Refusal(401, "Signed out", "Your session has ended; sign in again.");
            }
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (change) {
            csrf(ctx, s);
        }
    }

    /** Refuses a change unless the user's role is {@code minimum} or above. */
    static void role(Session s, Role minimum) {
        if (s.user().role().ordinal() < minimum.ordinal()) {
            throw new Refusal(403, "Not allowed", "Your role (" + s.user().role().word() + ") may not make this change"
                    + (minimum == Role.RESPONDER ? ": a viewer sees everything and changes nothing." : "; it needs " + minimum.word() + "."));
        }
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static void sameOrigin(Context ctx) {
        String host = ctx.header("Host");
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        String referer = ctx.header("Referer");
        boolean ok = true;
        if (site != null) {
            ok = site.equalsIgnoreCase("same-origin");
        }
        if (origin != null && !origin.equals("null")) {
            ok &= sameHost(origin, host);
        } else if (origin != null && site == null && referer == null) {
            ok = false; // Origin: null and nothing else: a sandboxed frame or a data: page
        }
        if (referer != null) {
            ok &= sameHost(referer, host);
        }
        if (!ok) {
            throw new Refusal(403, "Refused: not from the console",
                    "This change did not come from a console page (its origin is another site), so it was refused. Nothing was changed.");
        }
    }

    /** True when the URL's host and port are the Host header's (the scheme may differ behind a TLS proxy). */
    private static boolean sameHost(String url, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) return false;
            String authority = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            String h = host.toLowerCase(Locale.ROOT);
            String a = authority.toLowerCase(Locale.ROOT);
            return a.equals(h) || (u.getPort() < 0 && (h.equals(a + ":80") || h.equals(a + ":443")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void csrf(Context ctx, Session s) {
        String t = ctx.header(CSRF_HEADER);
        if (t == null) {
            t = ctx.formParam(CSRF_FIELD);
        }
        if (t == null || !MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(403, "Refused: the form's token is missing or wrong",
                    "This change did not carry the console's form token, so it was refused; nothing was changed. "
                            + "Reload the page and try again.");
        }
    }
}
