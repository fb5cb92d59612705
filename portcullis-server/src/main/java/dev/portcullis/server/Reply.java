package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.respond.RecordJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, body bytes, content type and any further headers (e.g. 405's Allow). */
record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {
    static final String JSON = "application/json";

    Reply {
        headers = Map.copyOf(headers);
    }

    Reply(int status, byte[] body, String contentType) {
        this(status, body, contentType, Map.of());
    }

    static Reply json(int status, JsonNode node) {
        return new Reply(status, node.toString().getBytes(StandardCharsets.UTF_8), JSON);
    }

    static Reply json(JsonNode node) {
        return json(200, node);
    }

    static Reply raw(int status, String json) {
        return new Reply(status, json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    static Reply error(int status, String reason) {
        return json(status, RecordJson.object().put("status", "failure").put("reason", reason));
    }

    static Reply text(String s) {
        return new Reply(200, s.getBytes(StandardCharsets.UTF_8), "text/plain; version=0.0.4; charset=utf-8");
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, body, contentType, h);
    }
}
