package dev.portcullis.server.console;

/**
 * A request the console refuses, answered with a page that says why (403 for a missing CSRF token, a
 * cross-site request or a viewer's change; 404; 503 when the gate is busy). The message is shown to
 * the user: it names what was wrong, never a secret.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;

    Refusal(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }
}
