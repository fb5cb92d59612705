/**
 * The web console (issue 13): server-rendered pages (JTE, precompiled) with htmx, on a listener of its
 * own ({@code ConsoleServer}, Javalin on Jetty 12 with a small bounded thread pool).
 *
 * <p>The frame: {@code Guard} runs before every request (security headers, the session from
 * {@code Sessions}, and for a change the same-origin check, the CSRF token and the role);
 * {@code SignInPage} signs users in through the gate's own decision and {@code auth.SignIn}, and out;
 * {@code Nav} lists the pages, each a {@code Page} that declares its routes and answers through a
 * {@code View} (a page in {@code layout.jte}, an htmx fragment, a redirect). {@code Assets} names the
 * scripts and styles served from the classpath.
 *
 * <p>Rules — threads: console work runs on the console's own threads, never the gate's event loop;
 * reads of the gate go to its thread and changes to the admin thread through
 * {@code dev.portcullis.server.GateControl} (stored and audited first, as the admin API does). Every
 * change carries the session's CSRF token and passes the same-origin check; a viewer changes nothing;
 * every change and sign-in is in the audit trail. Everything shown is escaped by the templates; no
 * inline script or style (the Content-Security-Policy forbids them).
 */
package dev.portcullis.server.console;
