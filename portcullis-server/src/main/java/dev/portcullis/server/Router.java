package dev.portcullis.server;

import dev.portcullis.server.Route.Access;
import dev.portcullis.server.Route.Handler;
import dev.portcullis.server.Route.Lane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table: finds the row for a method and path, or says why there is none (404, or 405 with
 * the methods the path allows). Literal paths are one hash lookup, so the policy hot path does not
 * scan the table; patterned rows are tried in the order they were added.
 *
 * <p>Built once at start, then only read: safe to share between the event loop and the admin thread.
 */
final class Router {
    /** A route's method that accepts any method. */
    static final String ANY = "*";

    private final Map<String, List<Route>> literal = new HashMap<>();
    private final List<Route> patterned = new ArrayList<>();

    /** Adds a row; rows for the same path with different methods make one resource. */
    Router add(String method, String pattern, Access access, Lane lane, Handler handler) {
        Route r = new Route(method, pattern, access, lane, handler);
        if (r.literal()) {
            literal.computeIfAbsent(pattern, p -> new ArrayList<>(2)).add(r);
        } else {
            patterned.add(r);
        }
        return this;
    }

    /** What the table says about a request. */
    sealed interface Match permits Found, NotAllowed, NotFound {}

    record Found(Route route, Map<String, String> params) implements Match {}

    /** The path exists, but not for this method; {@code allow} lists the methods it has. */
    record NotAllowed(List<String> allow) implements Match {}

    record NotFound() implements Match {}

    Match find(String method, String path) {
        Set<String> allow = null;   // allocated only on the way to a 405
        List<Route> exact = literal.get(path);
        if (exact != null) {
            for (Route r : exact) {
                if (r.method().equals(method) || r.method().equals(ANY)) {
                    return new Found(r, Map.of());
                }
                allow = allowing(allow, r);
            }
        }
        for (Route r : patterned) {
            Map<String, String> params = r.match(path);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method) || r.method().equals(ANY)) {
                return new Found(r, params);
            }
            allow = allowing(allow, r);
        }
        return allow == null ? new NotFound() : new NotAllowed(List.copyOf(allow));
    }

    private static Set<String> allowing(Set<String> allow, Route r) {
        Set<String> a = allow == null ? new LinkedHashSet<>() : allow;
        a.add(r.method());
        return a;
    }
}
