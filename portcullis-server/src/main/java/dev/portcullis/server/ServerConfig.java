package dev.portcullis.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the server listens and authenticates: one immutable object validated at start.
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
 */
public record ServerConfig(String host, int port, String policySecret, String apiHeader, int maxBodyBytes,
                           long flushMillis) {

    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080, null, "X-API-Key", 64 * 1024, 50);

    public static final Map<String, String> KEYS = Map.of(
            "policy_secret", "shared secret of Dovecot / wforce clients (text, 16+ characters)",
            "api_header", "header carrying that secret (default X-API-Key)",
            "max_body_bytes", "largest request body (1024..16777216)",
            "flush_millis", "write-behind interval of the gate's state in milliseconds (1..10000)");

    public ServerConfig {
        List<String> errors = new ArrayList<>();
        if (host == null || host.isBlank()) errors.add("listen host is empty");
        if (port < 0 || port > 65535) errors.add("listen port " + port + " is out of range [0, 65535]");
        if (policySecret != null && policySecret.length() < 16) {
            errors.add("server.policy_secret is shorter than 16 characters");
        }
        if (apiHeader == null || !apiHeader.matches("[A-Za-z0-9-]{1,64}")) {
            errors.add("server.api_header = '" + apiHeader + "' is not a header name");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 << 20) {
            errors.add("server.max_body_bytes = " + maxBodyBytes + " is out of range [1024, 16777216]");
        }
        if (flushMillis < 1 || flushMillis > 10_000) {
            errors.add("server.flush_millis = " + flushMillis + " is out of range [1, 10000]");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid server config: " + String.join("; ", errors));
        }
    }

    public ServerConfig withListen(String host, int port) {
        return new ServerConfig(host, port, policySecret, apiHeader, maxBodyBytes, flushMillis);
    }

    /** Parses "HOST:PORT", "[v6]:PORT" or ":PORT"; errors name the value. */
    public ServerConfig withListen(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen '" + listen + "' is not HOST:PORT");
        }
        String h = listen.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.isEmpty()) h = "127.0.0.1";
        try {
            return withListen(h, Integer.parseInt(listen.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen '" + listen + "': the port is not a number");
        }
    }

    /** From a config file's {@code server:} section. */
    public static ServerConfig fromMap(Map<String, ?> m) {
        Map<String, Object> v = new LinkedHashMap<>(m);
        List<String> errors = new ArrayList<>();
        for (String k : v.keySet()) {
            if (!KEYS.containsKey(k)) errors.add("unknown key '" + k + "' (known: " + String.join(", ", KEYS.keySet()) + ")");
        }
        ServerConfig d = DEFAULTS;
        String secret = v.containsKey("policy_secret") ? String.valueOf(v.get("policy_secret")) : d.policySecret;
        String header = v.containsKey("api_header") ? String.valueOf(v.get("api_header")) : d.apiHeader;
        int body = d.maxBodyBytes;
        long flush = d.flushMillis;
        try {
            if (v.containsKey("max_body_bytes")) body = Integer.parseInt(String.valueOf(v.get("max_body_bytes")).trim());
        } catch (NumberFormatException e) {
            errors.add("server.max_body_bytes = '" + v.get("max_body_bytes") + "' is not a whole number");
        }
        try {
            if (v.containsKey("flush_millis")) flush = Long.parseLong(String.valueOf(v.get("flush_millis")).trim());
        } catch (NumberFormatException e) {
            errors.add("server.flush_millis = '" + v.get("flush_millis") + "' is not a whole number");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid server config: " + String.join("; ", errors));
        }
        return new ServerConfig(d.host, d.port, secret, header, body, flush);
    }
}
