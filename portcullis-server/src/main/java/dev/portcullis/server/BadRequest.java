package dev.portcullis.server;

/**
 * A request the server refuses with a 4xx status and a JSON reason. Carries no stack trace: it is
 * control flow for untrusted input, thrown often under attack.
 */
final class BadRequest extends RuntimeException {
    final int status;
    /** For a 405: the methods the path allows, sent as the Allow header; else null. */
    private final String allow;

    BadRequest(int status, String reason, String allow) {
        super(reason, null, false, false);
        this.status = status;
        this.allow = allow;
    }

    BadRequest(int status, String reason) {
        this(status, reason, null);
    }

    BadRequest(String reason) {
        this(400, reason);
    }

    Reply reply() {
        Reply r = Reply.error(status, getMessage());
        return allow == null ? r : r.withHeader("Allow", allow);
    }
}
