package dev.portcullis.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-safe accessors over Jackson trees for parsers of untrusted JSON. */
public final class Json {
    private Json() {
    }

    /** Text of a field (numbers and booleans as text), or null when missing, null or a container. */
    public static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return v.asText();
    }

    /** Text at a path of field names, or null. */
    public static String path(JsonNode node, String... fields) {
        JsonNode v = node;
        for (int i = 0; i < fields.length - 1; i++) {
            if (v == null) return null;
            v = v.get(fields[i]);
        }
        return text(v, fields[fields.length - 1]);
    }

    /** The object at a path, or null. */
    public static JsonNode object(JsonNode node, String... fields) {
        JsonNode v = node;
        for (String f : fields) {
            if (v == null) return null;
            v = v.get(f);
        }
        return v != null && v.isObject() ? v : null;
    }
}
