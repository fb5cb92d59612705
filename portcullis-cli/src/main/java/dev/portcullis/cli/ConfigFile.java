package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portcullis.core.engine.EngineConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The YAML config file. Today it holds the {@code detection:} section (EngineConfig keys, nested or
 * dotted); later issues add {@code gate:}, {@code store:}… Unknown sections are errors too: a typo must
 * not silently leave a security threshold at its default.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static EngineConfig detection(Path file) throws UsageException {
        if (file == null) {
            return EngineConfig.DEFAULTS;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the config: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EngineConfig.DEFAULTS;
        }
        if (!root.isObject()) {
            throw new UsageException(file + ": expected a mapping with a 'detection:' section");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("detection")) {
                throw new UsageException(file + ": unknown section '" + n + "' (known: detection)");
            }
        }
        Map<String, String> flat = new LinkedHashMap<>();
        JsonNode d = root.get("detection");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                throw new UsageException(file + ": 'detection' must be a mapping of keys to values");
            }
            flatten("", d, flat);
        }
        try {
            return EngineConfig.fromMap(flat);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue().asText());
            }
        }
    }
}
