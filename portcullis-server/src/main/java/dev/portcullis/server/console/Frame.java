package dev.portcullis.server.console;

import dev.portcullis.server.console.auth.ConsoleUser;
import java.util.List;

/**
 * What the layout ({@code layout.jte}) needs besides a page's own content: its title, which nav entry
 * is current, the signed-in user (null on the sign-in and error pages before sign-in), the session's
 * CSRF token (put in every form and in htmx's headers).
 */
public record Frame(String title, Nav current, ConsoleUser user, String csrf) {

    public List<Nav> nav() {
        return List.of(Nav.values());
    }

    public boolean signedIn() {
        return user != null;
    }

    /** The JSON of htmx's {@code hx-headers} on {@code <body>}: the CSRF token on every htmx request. */
    public String htmxHeaders() {
        return csrf == null ? null : "{\"" + Guard.CSRF_HEADER + "\":\"" + csrf + "\"}";
    }

    public String htmx() {
        return Assets.HTMX;
    }

    public String css() {
        return Assets.CSS;
    }

    public String js() {
        return Assets.JS;
    }
}
