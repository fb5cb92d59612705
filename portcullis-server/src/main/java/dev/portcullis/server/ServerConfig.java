package dev.portcullis.server;

import dev.portcullis.core.config.ConfigException;
import dev.portcullis.core.config.Section;
import dev.portcullis.core.config.Validator;
import dev.portcullis.server.console.ConsoleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the server listens and authenticates: one immutable object validated at start; errors name the
 * key, the value and what is allowed ({@link Validator}'s wording).
 *
 * @param host          address to listen on (default 127.0.0.1)
 * @param port          port (default 8080; 0 picks a free one, for tests)
 * @param policySecret  shared secret of the login front ends (Dovecot's {@code auth_policy_server_api_header}
 *                      value or the password of Basic auth in {@code auth_policy_server_url}); null: the
 *                      policy endpoints are open (listen on loopback then), and wforce's list commands
 *                      need an admin token
 * @param apiHeader     the header that carries the secret (default X-API-Key); Basic auth always works
 * @param maxBodyBytes  larger request bodies are refused with 413 (default 64 KiB)
 * @param flushMillis   write-behind interval of the gate's state (default 50 ms)
 * @param console       the web console's listener and sessions ({@code console_*} keys; default
 *                      127.0.0.1:8081); the six-argument constructor leaves it {@link ConsoleConfig#OFF}
 */
public record ServerConfig(String host, int port, String policySecret, String apiHeader, int maxBodyBytes,
                           long flushMillis, ConsoleConfig console) {

    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080, null, "X-API-Key", 64 * 1024, 50,
            ConsoleConfig.DEFAULTS);

    public static final Map<String, String> KEYS = Map.of(
            "policy_secret", "shared secret of Dovecot / wforce clients (text, 16+ characters)",
            "api_header", "header carrying that secret (default X-API-Key)",
            "max_body_bytes", "largest request body (1024..16777216)",
            "flush_millis", "write-behind interval of the gate's state in milliseconds (1..10000)",
            "console_listen", "the web console's HOST:PORT (default 127.0.0.1:8081), or off",
            "console_idle_minutes", "a console session unused this long ends (1..480, default 15)",
            "console_secure_cookie", "mark the console's session cookie Secure over plain HTTP, behind a TLS proxy (true/false)");

    /** The config file's section, the first part of every key path in messages. */
    public static final String SECTION = "server";

    public ServerConfig {
        Validator v = new Validator(SECTION);
        v.check(host != null && !host.isBlank(), "--listen", null, "has an empty host");
        v.range("--listen port", port, 0, 65535);
        // the secret's value is never shown
        v.check(policySecret == null || policySecret.length() >= 16, "policy_secret", null,
                "is shorter than 16 characters; allowed 16 or more");
        v.check(apiHeader != null && apiHeader.matches("[A-Za-z0-9-]{1,64}"), "api_header", Validator.quote(apiHeader),
                "is not a header name; allowed 1..64 letters, digits and -");
        v.range("max_body_bytes", maxBodyBytes, 1024, 16 << 20);
        v.range("flush_millis", flushMillis, 1, 10_000);
        v.check(console != null, "console_listen", null, "is missing");
        v.throwIfAny();
    }

    /** Without a console (tests of the gate alone, embedding): {@link ConsoleConfig#OFF}. */
    public ServerConfig(String host, int port, String policySecret, String apiHeader, int maxBodyBytes, long flushMillis) {
        this(host, port, policySecret, apiHeader, maxBodyBytes, flushMillis, ConsoleConfig.OFF);
    }

    public ServerConfig withListen(String host, int port) {
        return new ServerConfig(host, port, policySecret, apiHeader, maxBodyBytes, flushMillis, console);
    }

    public ServerConfig withConsole(ConsoleConfig c) {
        return new ServerConfig(host, port, policySecret, apiHeader, maxBodyBytes, flushMillis, c);
    }

    /** {@code --console-listen HOST:PORT} or {@code off}; errors name the option and the value. */
    public ServerConfig withConsoleListen(String listen) {
        return withConsole(console.withListen(listen, "--console-listen"));
    }

    /** Parses "HOST:PORT", "[v6]:PORT" or ":PORT"; errors name the value. */
    public ServerConfig withListen(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen: " + Validator.quote(listen) + " is not HOST:PORT");
        }
        String h = listen.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.isEmpty()) h = "127.0.0.1";
        try {
            return withListen(h, Integer.parseInt(listen.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen: " + Validator.quote(listen) + " has a port that is not a whole number");
        }
    }

    /** From a config file's {@code server:} section; every problem is reported at once. */
    public static ServerConfig fromMap(Map<String, ?> m) {
        Section s = new Section(SECTION, m, KEYS.keySet());
        ServerConfig d = DEFAULTS;
        // a secret is taken as given: not trimmed, and a blank one is refused rather than read as "none"
        String secret = s.has("policy_secret") ? String.valueOf(s.raw("policy_secret")) : d.policySecret;
        String header = s.text("api_header", d.apiHeader);
        int body = s.integer("max_body_bytes", d.maxBodyBytes);
        long flush = s.longInteger("flush_millis", d.flushMillis);
        int idle = s.integer("console_idle_minutes", d.console.idleMinutes());
        boolean secure = s.bool("console_secure_cookie", d.console.secureCookie());
        ConsoleConfig listen = d.console;
        if (s.has("console_listen")) {
            String raw = String.valueOf(s.raw("console_listen"));
            try {
                listen = listen.withListen(raw, SECTION + ".console_listen");
            } catch (IllegalArgumentException e) {
                s.refuse("console_listen", Validator.quote(raw) + " is not HOST:PORT (port 0..65535) or off");
            }
        }
        ConsoleConfig l = listen;
        return s.build(() -> {
            // the console's problems and the server's together, in one message
            List<String> problems = new ArrayList<>();
            ConsoleConfig console = ConsoleConfig.DEFAULTS;
            try {
                console = new ConsoleConfig(l.enabled(), l.host(), l.port(), idle, secure);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            try {
                ServerConfig made = new ServerConfig(d.host, d.port, secret, header, body, flush, console);
                if (problems.isEmpty()) return made;
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            throw new ConfigException(problems);
        });
    }
}
