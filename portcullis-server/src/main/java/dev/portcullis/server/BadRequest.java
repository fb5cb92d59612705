package dev.portcullis.server;

/**
 * A request the server refuses with a 4xx status and a JSON reason. Carries no stack trace: it is
 * control flow for untrusted input, thrown often under attack.
 */
final class BadRequest extends RuntimeException {
    final int status;

    BadRequest(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    BadRequest(String reason) {
        this(400, reason);
    }
}
