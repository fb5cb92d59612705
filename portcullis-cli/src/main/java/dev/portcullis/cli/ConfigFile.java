package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portcullis.core.config.ConfigException;
import dev.portcullis.core.config.Section;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.respond.notify.NotifyConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The YAML config file: sections {@code detection:} (EngineConfig keys), {@code gate:} (GateConfig),
 * {@code server:} (ServerConfig), {@code store:} ({@code url}), {@code incidents:} (IncidentConfig) and
 * {@code notify:} (NotifyConfig; secrets by environment variable name), keys nested or dotted. Unknown
 * sections are errors too: a typo must not silently leave a security threshold at its default. Every
 * problem is one line, {@code FILE: key: value is out of range; allowed a..b} (see
 * {@link dev.portcullis.core.config.Validator}).
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

    private static final Set<String> SECTIONS = Set.of("detection", "gate", "server", "store",
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
            throw new UsageException(file + ": expected a mapping with sections " + String.join(", ", new TreeSet<>(SECTIONS)));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!SECTIONS.contains(n)) {
                throw new UsageException(file + ": " + n + ": unknown section; allowed "
                        + String.join(", ", new TreeSet<>(SECTIONS)));
            }
        }
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (String n : SECTIONS) {
            sections.put(n, section(file, root, n));
        }
        List<String> problems = new ArrayList<>();
        EngineConfig detection = read(() -> EngineConfig.fromMap(sections.get("detection")), problems);
        GateConfig gate = read(() -> GateConfig.fromMap(sections.get("gate")), problems);
        ServerConfig server = read(() -> ServerConfig.fromMap(sections.get("server")), problems);
        String storeUrl = read(() -> {
            Section store = new Section("store", sections.get("store"), Set.of("url"));
            return store.build(() -> store.text("url"));
        }, problems);
        IncidentConfig incidents = read(() -> IncidentConfig.fromMap(sections.get("incidents")), problems);
        NotifyConfig notify = read(() -> NotifyConfig.fromMap(sections.get("notify"), System::getenv), problems);
        if (!problems.isEmpty()) {
            // one line a problem, each naming the file: "FILE: gate.lockout.window: 0s is out of range; allowed 1m..7d"
            throw new UsageException(problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
        }
        return new Settings(detection, gate, server, storeUrl, incidents, notify);
    }

    /** Builds one section's config; its problems are added to {@code problems} (null is returned then). */
    private static <T> T read(Supplier<T> make, List<String> problems) {
        try {
            return make.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return null;
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
                List<String> list = new ArrayList<>();
                e.getValue().forEach(x -> list.add(x.asText()));
                out.put(key, list);
            } else {
                out.put(key, e.getValue().asText());
            }
        }
    }
}
