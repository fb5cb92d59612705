package dev.portcullis.server.console;

import dev.portcullis.server.console.auth.ConsoleUser;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * One request to a console page, as a page handler sees it: who is signed in, the request's
 * parameters, and the ways to answer (a whole page in the layout, an htmx fragment, a redirect).
 */
public final class View {
    private final Context ctx;
    private final Session session;
    private final Nav nav;
    private final Templates templates;

    View(Context ctx, Session session, Nav nav, Templates templates) {
        this.ctx = ctx;
        this.session = session;
        this.nav = nav;
        this.templates = templates;
    }

    public ConsoleUser user() {
        return session.user();
    }

    /** How the user appears in the audit trail: {@code console:NAME}. */
    public String actor() {
        return "console:" + session.user().name();
    }

    /** A form or query parameter, stripped; null when absent or blank. */
    public String param(String name) {
        String v = Guard.changes(ctx) ? ctx.formParam(name) : null;
        if (v == null) {
            v = ctx.queryParam(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** True when htmx asked (it wants a fragment, not the whole page). */
    public boolean htmx() {
        return ctx.header("HX-Request") != null;
    }

    /** Answers the whole page: {@code template} (with params {@code frame} and {@code model}) in the layout. */
    public void page(String template, String title, Object model) {
        Map<String, Object> p = new HashMap<>();
        p.put("frame", new Frame(title, nav, session.user(), session.csrf()));
        p.put("model", model);
        ctx.html(templates.render(template, p));
    }

    /** Answers a fragment (an htmx swap): {@code template} with its one param {@code model}. */
    public void fragment(String template, Object model) {
        Map<String, Object> p = new HashMap<>();
        p.put("model", model);
        ctx.html(templates.render(template, p));
    }

    /** Sets the status of the answer (e.g. 422 when a form has errors). */
    public View status(int status) {
        ctx.status(status);
        return this;
    }

    /** After a change: see the result with a GET (303), so a reload does not repeat it. */
    public void redirect(String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** The raw request, for what this class does not cover. */
    public Context context() {
        return ctx;
    }
}
