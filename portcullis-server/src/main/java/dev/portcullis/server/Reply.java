package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.respond.Json;
import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, body bytes and content type. */
record Reply(int status, byte[] body, String contentType) {
    static final String JSON = "application/json";

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
        return json(status, Json.object().put("status", "failure").put("reason", reason));
    }

    static Reply text(String s) {
        return new Reply(200, s.getBytes(StandardCharsets.UTF_8), "text/plain; version=0.0.4; charset=utf-8");
    }
}
