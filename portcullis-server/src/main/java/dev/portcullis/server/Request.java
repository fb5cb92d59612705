package dev.portcullis.server;

import java.util.List;
import java.util.Map;

/** An HTTP request copied off Netty's buffers, so it can cross threads. */
record Request(String method, String path, Map<String, List<String>> query, String authorization,
               String apiKey, byte[] body) {

    String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
