package dev.portcullis.server;

import java.util.HashMap;
import java.util.Map;

/**
 * One row of the route table: a method ({@link Router#ANY} for any), a path, who may call it, the
 * thread it runs on and its handler. A path is literal segments and {@code {name}} segments (one
 * non-empty segment each); a last {@code {name*}} takes the rest of the path, slashes included.
 */
record Route(String method, String pattern, Access access, Lane lane, Handler handler) {

    /** Who may call a route. Checked once per request, before the handler runs ({@link Auth}). */
    enum Access {
        /** Anyone: health, readiness, metrics. */
        NONE,
        /** The login front ends' shared secret ({@code server.policy_secret}); open when none is configured. */
        POLICY,
        /** An admin-API token of either role. */
        READ,
        /** An admin-API token with the admin role. */
        ADMIN,
        /** The policy secret when one is configured and presented, otherwise as {@link #READ}. */
        SECRET_OR_READ,
        /** The policy secret when one is configured and presented, otherwise as {@link #ADMIN}. */
        SECRET_OR_ADMIN;

        /** Token checks read the store, so such routes cannot run on the event loop. */
        boolean readsStore() {
            return this != NONE && this != POLICY;
        }
    }

    /** Where a route runs. */
    enum Lane {
        /** Inline on the event loop that owns the gate: never blocks, never touches the store. */
        LOOP,
        /** On the admin thread (bounded queue, 503 when full); its answer goes back to the loop. */
        ADMIN
    }

    /** Answers an authenticated request; a refusal is a {@link BadRequest}. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    /** A request that passed authentication: who is calling, and the path's {@code {name}} values. */
    record Call(Request request, String caller, Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }
    }

    Route {
        if (lane == Lane.LOOP && access.readsStore()) {
            throw new IllegalArgumentException(method + " " + pattern + ": access " + access
                    + " checks a token in the store, which the event loop must not wait for; use Lane.ADMIN");
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern '" + pattern + "' must start with /");
        }
    }

    boolean literal() {
        return pattern.indexOf('{') < 0;
    }

    /** The path's parameters when it matches this pattern, else null. */
    Map<String, String> match(String path) {
        if (literal()) {
            return pattern.equals(path) ? Map.of() : null;
        }
        Map<String, String> params = new HashMap<>(4);
        int pos = 1;
        int from = 1;
        while (from <= pattern.length()) {
            int to = pattern.indexOf('/', from);
            String seg = pattern.substring(from, to < 0 ? pattern.length() : to);
            from = to < 0 ? pattern.length() + 1 : to + 1;
            if (pos > path.length()) {
                return null;   // the path ended before the pattern
            }
            if (seg.startsWith("{") && seg.endsWith("*}")) {
                String rest = path.substring(pos);
                if (rest.isEmpty()) return null;
                params.put(seg.substring(1, seg.length() - 2), rest);
                return params;
            }
            int end = path.indexOf('/', pos);
            String got = path.substring(pos, end < 0 ? path.length() : end);
            if (seg.startsWith("{")) {
                if (got.isEmpty()) return null;
                params.put(seg.substring(1, seg.length() - 1), got);
            } else if (!seg.equals(got)) {
                return null;
            }
            pos = end < 0 ? path.length() + 1 : end + 1;
        }
        return pos == path.length() + 1 ? params : null;
    }
}
