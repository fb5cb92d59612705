package dev.portcullis.server.console;

import dev.portcullis.core.config.Validator;

/**
 * Where the web console listens and how its sessions behave: the {@code server.console_*} keys,
 * validated at start like the other {@code server} keys ({@link Validator}'s wording).
 *
 * @param enabled       false when {@code console_listen: off}: no console listener at all
 * @param host          address to listen on (default 127.0.0.1: the management network, not the mail one)
 * @param port          port (default 8081; 0 picks a free one, for tests)
 * @param idleMinutes   a session unused this long ends (default 15; 1..480, never past the 8-hour limit)
 * @param secureCookie  mark the session cookie Secure even over plain HTTP, for a console behind a TLS
 *                      proxy (a console served over TLS marks it Secure anyway)
 */
public record ConsoleConfig(boolean enabled, String host, int port, int idleMinutes, boolean secureCookie) {

    /** The defaults of {@code portcullis serve}: 127.0.0.1:8081, 15 idle minutes. */
    public static final ConsoleConfig DEFAULTS = new ConsoleConfig(true, "127.0.0.1", 8081, 15, false);
    /** No console (what code that builds a {@code ServerConfig} by hand gets, e.g. tests of the gate alone). */
    public static final ConsoleConfig OFF = new ConsoleConfig(false, "127.0.0.1", 8081, 15, false);
    /** The hard limit of a session's life, whatever its use (a stolen cookie does not live for ever). */
    public static final int ABSOLUTE_HOURS = 8;

    public ConsoleConfig {
        Validator v = new Validator("server");
        v.check(host != null && !host.isBlank(), "console_listen", null, "has an empty host");
        v.range("console_listen port", port, 0, 65535);
        v.range("console_idle_minutes", idleMinutes, 1, ABSOLUTE_HOURS * 60L, "at most the 8-hour session limit");
        v.throwIfAny();
    }

    /** The same, listening on {@code host:port}. */
    public ConsoleConfig withListen(String host, int port) {
        return new ConsoleConfig(true, host, port, idleMinutes, secureCookie);
    }

    /**
     * {@code off}, or "HOST:PORT", "[v6]:PORT", ":PORT" (loopback); {@code key} names the setting in
     * messages ({@code --console-listen} or {@code server.console_listen}).
     */
    public ConsoleConfig withListen(String listen, String key) {
        String t = listen == null ? "" : listen.strip();
        // YAML 1.1 reads an unquoted off as the boolean false
        if (t.equalsIgnoreCase("off") || t.equals("false")) {
            return new ConsoleConfig(false, host, port, idleMinutes, secureCookie);
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(key + ": " + Validator.quote(listen) + " is not HOST:PORT or off");
        }
        String h = t.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.isEmpty()) h = "127.0.0.1";
        int p;
        try {
            p = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": " + Validator.quote(listen) + " has a port that is not a whole number");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(key + ": " + Validator.quote(listen) + " has port " + p + "; allowed 0..65535");
        }
        return withListen(h, p);
    }

    public ConsoleConfig withIdleMinutes(int minutes) {
        return new ConsoleConfig(enabled, host, port, minutes, secureCookie);
    }

    public ConsoleConfig withSecureCookie(boolean secure) {
        return new ConsoleConfig(enabled, host, port, idleMinutes, secure);
    }
}
