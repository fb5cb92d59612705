package dev.portcullis.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.portcullis.core.Accounts;
import dev.portcullis.core.Addresses;
import dev.portcullis.core.Untrusted;
import dev.portcullis.core.gate.Login;
import java.io.IOException;
import java.util.Locale;

/**
 * A Dovecot auth-policy / wforce / generic login request, decoded from untrusted JSON with a
 * streaming parser (no tree, no reflection). Values may arrive as JSON strings ("true", "1") as
 * Dovecot sends them; unknown fields are ignored (wforce clients send {@code attrs}); nested values
 * are skipped. Errors are {@link BadRequest}s naming the field and what was expected.
 *
 * <p>Fields: {@code login}, {@code remote} (required, an IP address), {@code pwhash},
 * {@code protocol}, {@code session_id}, {@code device_id}, {@code tls}; on report also
 * {@code success} (required) and {@code policy_reject}; {@code fail_type} is read and ignored.
 */
record PolicyRequest(Login login, Boolean success, boolean policyReject) {
    static final int MAX_FIELD = 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                    .maxStringLength(64 * 1024).maxNumberLength(32).build())
            .build();

    /** Decodes a body; {@code report} requires {@code success}. */
    static PolicyRequest decode(byte[] body, boolean report) {
        if (body == null || body.length == 0) {
            throw new BadRequest("the request body is empty; expected a JSON object with at least 'remote'");
        }
        String login = null, remote = null, pwhash = null, protocol = null, session = null, device = null;
        Boolean tls = null, success = null, policyReject = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequest("the request body is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "login" -> login = text(p, v, name);
                    case "remote" -> remote = text(p, v, name);
                    case "pwhash" -> pwhash = text(p, v, name);
                    case "protocol" -> protocol = text(p, v, name);
                    case "session_id" -> session = text(p, v, name);
                    case "device_id" -> device = text(p, v, name);
                    case "tls" -> tls = bool(p, v, name);
                    case "success" -> success = bool(p, v, name);
                    case "policy_reject" -> policyReject = bool(p, v, name);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadRequest("the request body is not a complete JSON object");
            }
            if (p.nextToken() != null) {
                throw new BadRequest("the request body has content after the JSON object");
            }
        } catch (IOException e) {
            throw new BadRequest("the request body is not valid JSON: " + Untrusted.text(firstLine(e.getMessage())));
        }
        if (remote == null || remote.isEmpty()) {
            throw new BadRequest("'remote' is missing; expected the client's IP address");
        }
        String source = Addresses.canonical(remote);
        if (source == null) {
            throw new BadRequest("'remote' is not an IP address: '" + Untrusted.text(remote) + "'");
        }
        if (report && success == null) {
            throw new BadRequest("'success' is missing; a report needs true or false");
        }
        String account = login == null || login.isEmpty() ? null : Accounts.canonical(login);
        if (pwhash != null && !isHex(pwhash)) {
            throw new BadRequest("'pwhash' is not a hex string");
        }
        Login l = new Login(account, source, pwhash == null || pwhash.isEmpty() ? null : pwhash,
                service(protocol), session == null ? null : Untrusted.text(session),
                device == null ? null : Untrusted.text(device), tls != null && tls);
        return new PolicyRequest(l, success, policyReject != null && policyReject);
    }

    private static String text(JsonParser p, JsonToken v, String name) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT
                || v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
            String s = p.getText();
            if (s.length() > MAX_FIELD) {
                throw new BadRequest("'" + name + "' is longer than " + MAX_FIELD + " characters");
            }
            return s;
        }
        throw new BadRequest("'" + name + "' must be a string, not " + kind(v));
    }

    private static Boolean bool(JsonParser p, JsonToken v, String name) throws IOException {
        switch (v) {
            case VALUE_TRUE: return true;
            case VALUE_FALSE: return false;
            case VALUE_NULL: return null;
            case VALUE_NUMBER_INT: {
                String s = p.getText();
                if (s.equals("1")) return true;
                if (s.equals("0")) return false;
                break;
            }
            case VALUE_STRING: {
                String s = p.getText();
                if (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes")) return true;
                if (s.equalsIgnoreCase("false") || s.equals("0") || s.equalsIgnoreCase("no") || s.isEmpty()) return false;
                break;
            }
            default:
                throw new BadRequest("'" + name + "' must be true or false, not " + kind(v));
        }
        throw new BadRequest("'" + name + "' must be true or false, not '" + Untrusted.text(p.getText()) + "'");
    }

    private static String kind(JsonToken v) {
        return switch (v) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "a " + v.asString();
        };
    }

    private static boolean isHex(String s) {
        if (s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Dovecot's protocol names as the engine's service names; anything odd becomes "other". */
    private static String service(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            return null;
        }
        String p = protocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "imap", "pop3", "smtp", "submission", "lmtp", "sieve", "managesieve", "http", "https", "ssh",
                    "vpn", "web", "mobileapi", "ldap", "radius", "sso" -> p;
            case "pop" -> "pop3";
            default -> "other";
        };
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
