package dev.portcullis.server.console;

/**
 * One console page: its nav entry and its routes. Construct with the {@link Backend}; register routes
 * through {@link Routes}, which applies the frame's rules (sign-in, CSRF and same-origin checks on
 * changes, the role a change needs, the audit of who did it is the page's own call).
 */
public interface Page {

    /** Declares the page's routes, e.g. {@code r.get(nav().path(), this::show)}. */
    void routes(Routes r);

    /** A page's request handler: reads the request and answers through the {@link View}. */
    @FunctionalInterface
    interface Handler {
        void handle(View v) throws Exception;
    }

    /** Where a page declares its routes. GET routes are for every signed-in user; POST ones for responders and admins unless said otherwise. */
    interface Routes {
        void get(String path, Handler h);

        /**
         * A GET that htmx polls (live figures): its requests do not count as use of the session, so an
         * open page alone does not keep a session past its idle limit.
         */
        void poll(String path, Handler h);

        void post(String path, Handler h);

        /** A change only {@code minimum}'s role and above may make (e.g. ADMIN for user management). */
        void post(String path, dev.portcullis.server.console.auth.Role minimum, Handler h);
    }
}
