package dev.portcullis.server;

import static dev.portcullis.server.Route.Access.ADMIN;
import static dev.portcullis.server.Route.Access.NONE;
import static dev.portcullis.server.Route.Access.POLICY;
import static dev.portcullis.server.Route.Access.READ;
import static dev.portcullis.server.Route.Access.SECRET_OR_ADMIN;
import static dev.portcullis.server.Route.Access.SECRET_OR_READ;
import static dev.portcullis.server.Router.ANY;

import dev.portcullis.core.Untrusted;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.server.Route.Lane;

/**
 * The gate server's whole HTTP surface, one row per route: method, path, who may call it, where it
 * runs, handler. {@link HttpHandler} finds the row, answers 404/405 from the table, authenticates the
 * caller once ({@link Auth}) and runs the handler on the row's lane. A new endpoint is one row here.
 *
 * <p>Dovecot's and wforce's form {@code /?command=X} is the same route as {@code /command/X}
 * ({@link #path}).
 */
final class Routes {
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String DELETE = "DELETE";
    private static final Lane LOOP = Lane.LOOP;
    private static final Lane ADMIN_THREAD = Lane.ADMIN;
    private static final String COMMAND = "/command/";

    private Routes() {}

    static Router table(PolicyApi policy, AdminApi admin, IncidentApi incidents, WforceApi wforce,
                        PasswordApi passwords, Metrics metrics, Readiness readiness) {
        return new Router()
                // Dovecot's auth policy and wforce's questions: the hot path, on the event loop
                .add(POST, "/command/allow", POLICY, LOOP, c -> policy.allow(c.request()))
                .add(POST, "/command/report", POLICY, LOOP, c -> policy.report(c.request()))
                .add(ANY, "/command/ping", POLICY, LOOP, c -> policy.ping())
                .add(ANY, "/command/stats", POLICY, LOOP, c -> policy.stats())
                .add(POST, "/api/v1/login/decide", POLICY, LOOP, c -> policy.decideGeneric(c.request()))
                .add(POST, "/api/v1/login/report", POLICY, LOOP, c -> policy.report(c.request()))
                // wforce's list commands change state: the policy secret or an admin token
                .add(POST, "/command/reset", SECRET_OR_ADMIN, ADMIN_THREAD, wforce::reset)
                .add(POST, "/command/addBLEntry", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.add(c, true))
                .add(POST, "/command/delBLEntry", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.remove(c, true))
                .add(ANY, "/command/getBL", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.list(c, true))
                .add(POST, "/command/addWLEntry", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.add(c, false))
                .add(POST, "/command/delWLEntry", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.remove(c, false))
                .add(ANY, "/command/getWL", SECRET_OR_ADMIN, ADMIN_THREAD, c -> wforce.list(c, false))
                // a self-service password page may use the policy secret; otherwise any admin-API token
                .add(POST, "/api/passwords/check", SECRET_OR_READ, ADMIN_THREAD, c -> passwords.check(c.request()))
                // the admin API: read tokens may GET, changes need the admin role
                .add(GET, "/api/state", READ, ADMIN_THREAD, admin::state)
                .add(GET, "/api/blocks", READ, ADMIN_THREAD, admin::blocks)
                .add(POST, "/api/blocks", ADMIN, ADMIN_THREAD, admin::addBlock)
                .add(DELETE, "/api/blocks", ADMIN, ADMIN_THREAD, admin::removeBlock)
                .add(GET, "/api/lockouts", READ, ADMIN_THREAD, admin::lockouts)
                .add(POST, "/api/lockouts", ADMIN, ADMIN_THREAD, admin::addLockout)
                .add(DELETE, "/api/lockouts", ADMIN, ADMIN_THREAD, admin::removeLockout)
                .add(GET, "/api/lockdown", READ, ADMIN_THREAD, admin::lockdowns)
                .add(POST, "/api/lockdown", ADMIN, ADMIN_THREAD, admin::lockdown)
                .add(DELETE, "/api/lockdown", ADMIN, ADMIN_THREAD, admin::liftLockdown)
                .add(GET, "/api/allows", READ, ADMIN_THREAD, admin::allows)
                .add(POST, "/api/allows", ADMIN, ADMIN_THREAD, admin::addAllow)
                .add(DELETE, "/api/allows", ADMIN, ADMIN_THREAD, admin::removeAllow)
                .add(GET, "/api/audit", READ, ADMIN_THREAD, admin::audit)
                .add(GET, "/api/detections", READ, ADMIN_THREAD, admin::detections)
                .add(GET, "/api/incidents", READ, ADMIN_THREAD, incidents::list)
                .add(GET, "/api/incidents/{id}", READ, ADMIN_THREAD, incidents::one)
                .add(POST, "/api/incidents/{id}/ack", ADMIN, ADMIN_THREAD, incidents::acknowledge)
                .add(POST, "/api/incidents/{id}/accounts/{account*}", ADMIN, ADMIN_THREAD, incidents::move)
                .add(POST, "/api/incidents/{id}/close", ADMIN, ADMIN_THREAD, incidents::close)
                .add(GET, "/api/incidents/{id}/gdpr", READ, ADMIN_THREAD, incidents::gdpr)
                // operations: open, as monitoring expects; a scrape takes long, so off the loop
                .add(ANY, "/healthz", NONE, LOOP, c -> Reply.raw(200, "{\"status\":\"ok\"}"))
                .add(ANY, "/readyz", NONE, LOOP, c -> ready(readiness))
                .add(ANY, "/metrics", NONE, ADMIN_THREAD, c -> Reply.text(metrics.scrape()));
    }

    /** What /readyz reports. */
    interface Readiness {
        /** Null when ready, else why not. */
        String notReady();
    }

    private static Reply ready(Readiness readiness) {
        String why = readiness.notReady();
        return why == null ? Reply.raw(200, "{\"status\":\"ready\"}")
                : Reply.json(503, RecordJson.object().put("status", "not ready").put("reason", why));
    }

    /**
     * The path to route: {@code /?command=X} becomes {@code /command/X}, and a trailing slash is
     * dropped. A bare {@code /} without a command is a 404 that says how to ask.
     */
    static String path(Request r) {
        String path = r.path();
        if (path.equals("/")) {
            String command = r.param("command");
            if (command == null) {
                throw new BadRequest(404, "no command: use /?command=allow|report|… or /command/…");
            }
            return COMMAND + command;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The reason of a 404: an unknown wforce command is named as one. */
    static String notFound(String path) {
        return path.startsWith(COMMAND) ? "unknown command '" + Untrusted.text(path.substring(COMMAND.length())) + "'"
                : "no such endpoint: " + Untrusted.text(path);
    }
}
