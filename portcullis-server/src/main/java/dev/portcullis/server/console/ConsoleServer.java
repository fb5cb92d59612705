package dev.portcullis.server.console;

import dev.portcullis.server.GateControl;
import dev.portcullis.server.GateHealth;
import dev.portcullis.server.console.auth.ConsoleUser;
import dev.portcullis.server.console.auth.Role;
import dev.portcullis.server.console.auth.SignIn;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: Javalin (Jetty 12) on a listener of its own ({@code server.console_listen}), with a
 * small thread pool of its own ({@value #THREADS} threads, at most {@value #CONNECTIONS} connections), so console work never runs on the gate's event loop and a busy
 * console cannot take the gate's threads. Pages read the gate on its thread and change it on the
 * admin thread through {@link GateControl}, as the admin API does.
 *
 * <p>The frame: {@link Guard} runs first on every request (security headers, session, same-origin and
 * CSRF checks, roles); {@link SignInPage} signs users in and out; each {@link Nav} entry's {@link Page}
 * adds its routes. Templates are JTE, precompiled ({@link Templates}); assets come from the classpath
 * ({@link Assets}). An app factory: tests start it on port 0.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    /** Jetty's threads: an acceptor, a selector and the workers. */
    static final int THREADS = 10;
    /**
     * Open connections at most: past this Jetty stops accepting until one closes, which bounds the
     * work queued for the pool (HTTP/1.1: one request in flight per connection). Jetty warns against
     * a bounded job queue (it also carries Jetty's own jobs), so the bound is here.
     */
    static final int CONNECTIONS = 256;
    static final int MAX_SESSIONS = 1000;

    private final Javalin app;
    private final Sessions sessions;

    private ConsoleServer(Javalin app, Sessions sessions) {
        this.app = app;
        this.sessions = sessions;
    }

    /** Starts the console on {@code config}'s host and port. */
    public static ConsoleServer start(ConsoleConfig config, GateControl gate, SignIn signIn, Supplier<GateHealth> health) {
        Sessions sessions = new Sessions(MAX_SESSIONS, Duration.ofMinutes(config.idleMinutes()), gate.clock());
        Backend backend = new Backend(gate, signIn, health, sessions);
        Templates templates = new Templates();
        Guard guard = new Guard(sessions);
        Javalin app = Javalin.create(c -> configure(c, config, backend, templates, guard));
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("the console cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return new ConsoleServer(app, sessions);
    }

    private static void configure(JavalinConfig c, ConsoleConfig config, Backend backend, Templates templates, Guard guard) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.maxRequestSize = 256 * 1024;
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, 2);
        pool.setName("portcullis-console");
        pool.setDaemon(true);
        c.jetty.threadPool = pool;
        c.jetty.modifyServer(server -> {
            server.addBean(new NetworkConnectionLimit(CONNECTIONS, server));
            server.setErrorHandler(new JettyErrors());
        });
        c.staticFiles.enableWebjars();
        c.staticFiles.add(s -> {
            s.hostedPath = "/static";
            s.directory = "/console/static";
            s.location = Location.CLASSPATH;
            s.headers = Map.of("Cache-Control", "no-cache");
        });
        c.routes.before(guard::before);
        new SignInPage(backend, templates, config).routes(c.routes);
        for (Nav n : Nav.values()) {
            n.page(backend).routes(new Registrar(c, n, templates, guard));
        }
        c.routes.exception(Refusal.class, (e, ctx) -> refuse(ctx, templates, e.status, e.title, e.getMessage()));
        c.routes.exception(GateControl.Busy.class, (e, ctx) -> refuse(ctx, templates, 503, "Busy", e.getMessage()));
        // Javalin's own refusals (a body too large, a malformed form): their status, in a page
        c.routes.exception(HttpResponseException.class, (e, ctx) -> {
            switch (e.getStatus()) {
                case 404 -> refuse(ctx, templates, 404, "Not found", "There is no console page at this address.");
                case 405 -> refuse(ctx, templates, 405, "Not allowed", "This page does not take that kind of request.");
                case 413 -> refuse(ctx, templates, 413, "Too large", "This request is larger than the console takes. Nothing was changed.");
                default -> refuse(ctx, templates, e.getStatus(), "Request refused",
                        "The console could not read this request (" + e.getStatus() + "). Nothing was changed.");
            }
        });
        c.routes.exception(Exception.class, (e, ctx) -> {
            log.error("console: unexpected error on {} {}", ctx.method(), ctx.path(), e);
            refuse(ctx, templates, 500, "Something went wrong", "The console could not answer this request; "
                    + "the error is in the server's log.");
        });
        c.routes.error(404, ctx -> {
            // Javalin's own 404 ("Endpoint … not found") is plain text; a page's Refusal is already HTML
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("text/html")) {
                refuse(ctx, templates, 404, "Not found", "There is no console page at this address.");
            }
        });
        c.routes.error(405, ctx -> refuse(ctx, templates, 405, "Not allowed", "This page does not take that kind of request."));
    }

    /** An error page (in the layout, with the nav when someone is signed in). */
    static void refuse(Context ctx, Templates templates, int status, String title, String message) {
        Guard.headers(ctx);
        ctx.header("Cache-Control", "no-store");
        Session s = ctx.attribute(Guard.SESSION);
        Map<String, Object> p = new HashMap<>();
        p.put("frame", new Frame(title, null, s == null ? null : s.user(), s == null ? null : s.csrf()));
        p.put("model", new ErrorModel(status, title, message));
        ctx.status(status).html(templates.render("error.jte", p));
    }

    /**
     * Jetty's own answers to what never reaches Javalin (an ambiguous or malformed URI, a bad header):
     * its plain error page, with the console's security headers, without stack traces, closing the
     * connection.
     */
    private static final class JettyErrors extends ErrorHandler {
        JettyErrors() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            HttpFields.Mutable h = response.getHeaders();
            h.put("Content-Security-Policy", Guard.CSP);
            h.put("X-Content-Type-Options", "nosniff");
            h.put("Referrer-Policy", "no-referrer");
            h.put("X-Frame-Options", "DENY");
            h.put("Cache-Control", "no-store");
            // Jetty closes the connection after such an error; say so, or a client reuses it and fails
            h.put("Connection", "close");
            return super.handle(request, response, callback);
        }
    }

    /** What {@code error.jte} shows. */
    public record ErrorModel(int status, String title, String message) {}

    /** Page routes with the frame's rules: a signed-in session (the guard made sure), roles on changes. */
    private record Registrar(JavalinConfig c, Nav nav, Templates templates, Guard guard) implements Page.Routes {
        @Override
        public void get(String path, Page.Handler h) {
            c.routes.get(path, ctx -> h.handle(view(ctx)));
        }

        @Override
        public void poll(String path, Page.Handler h) {
            guard.poll(path);
            get(path, h);
        }

        @Override
        public void post(String path, Page.Handler h) {
            post(path, Role.RESPONDER, h);
        }

        @Override
        public void post(String path, Role minimum, Page.Handler h) {
            c.routes.post(path, ctx -> {
                Session s = ctx.attribute(Guard.SESSION);
                Guard.role(s, minimum);
                h.handle(view(ctx));
            });
        }

        private View view(Context ctx) {
            return new View(ctx, ctx.attribute(Guard.SESSION), nav, templates);
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * A one-time sign-in link's path for {@code user} ({@code /signin/once/<token>}): valid 10 minutes,
     * used once; for {@code portcullis demo}, which prints it with the console's address.
     */
    public String oneTimeLink(ConsoleUser user) {
        return "/signin/once/" + sessions.link(user);
    }

    /** Sessions open now (tests). */
    int sessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        app.stop();
    }
}
