package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.respond.notify.NotifyConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The YAML config file: sections {@code detection:} (EngineConfig keys), {@code gate:} (GateConfig),
 * {@code server:} (ServerConfig), {@code store:} ({@code url}), {@code incidents:} (IncidentConfig) and
 * {@code notify:} (NotifyConfig; secrets by environment variable name), keys nested or dotted. Unknown sections are errors too: a typo must
 * not silently leave a security threshold at its default.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /** Everything a config file sets; sections left out keep their defaults. */
    record Settings(EngineConfig detection, GateConfig gate, ServerConfig server, String storeUrl,
                    IncidentConfig incidents, NotifyConfig notifications) {
        static final Settings DEFAULTS = new Settings(EngineConfig.DEFAULTS, GateConfig.DEFAULTS, ServerConfig.DEFAULTS, null,
                IncidentConfig.DEFAULTS, NotifyConfig.DISABLED);
    }

    private static final java.util.Set<String> SECTIONS = java.util.Set.of("detection", "gate", "server", "store",
            "incidents", "notify");

    static EngineConfig detection(Path file) throws UsageException {
        return load(file).detection();
    }

    static Settings load(Path file) throws UsageException {
        if (file == null) {
            return Settings.DEFAULTS;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the config: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Settings.DEFAULTS;
        }
        if (!root.isObject()) {
            throw new UsageException(file + ": expected a mapping with sections " + String.join(", ", new java.util.TreeSet<>(SECTIONS)));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!SECTIONS.contains(n)) {
                throw new UsageException(file + ": unknown section '" + n + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(SECTIONS)) + ")");
            }
        }
        try {
            Map<String, String> flat = new LinkedHashMap<>();
            section(file, root, "detection").forEach((k, v) -> flat.put(k, String.valueOf(v)));
            EngineConfig detection = EngineConfig.fromMap(flat);
            GateConfig gate = GateConfig.fromMap(section(file, root, "gate"));
            ServerConfig server = ServerConfig.fromMap(section(file, root, "server"));
            Map<String, Object> store = section(file, root, "store");
            for (String k : store.keySet()) {
                if (!k.equals("url")) {
                    throw new UsageException(file + ": unknown key 'store." + k + "' (known: store.url)");
                }
            }
            IncidentConfig incidents = IncidentConfig.fromMap(section(file, root, "incidents"));
            NotifyConfig notify = NotifyConfig.fromMap(section(file, root, "notify"), System::getenv);
            return new Settings(detection, gate, server, store.containsKey("url") ? String.valueOf(store.get("url")) : null,
                    incidents, notify);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    /** A section as dotted keys; lists stay lists of strings. */
    private static Map<String, Object> section(Path file, JsonNode root, String name) throws UsageException {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode d = root.get(name);
        if (d == null || d.isNull()) {
            return out;
        }
        if (!d.isObject()) {
            throw new UsageException(file + ": '" + name + "' must be a mapping of keys to values");
        }
        flatten("", d, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else if (e.getValue().isArray()) {
                java.util.List<String> list = new java.util.ArrayList<>();
                e.getValue().forEach(x -> list.add(x.asText()));
                out.put(key, list);
            } else {
                out.put(key, e.getValue().asText());
            }
        }
    }
}
