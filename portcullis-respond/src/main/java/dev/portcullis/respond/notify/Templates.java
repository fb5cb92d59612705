package dev.portcullis.respond.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mail templates: plain text, a {@code Subject:} line, a blank line, then the body, with
 * {@code {{placeholders}}}. Built in: {@code owner.txt} (to each account owner) and {@code security.txt}
 * (the summary to the security team); an organisation rewords them by putting files of the same
 * names in the directory {@code notify.templates}.
 *
 * <p>Design note: templates are loaded and checked once, at start: an unknown placeholder (a typo
 * that would otherwise mail "{{acount}}" to every victim) or a missing subject is an error naming the
 * file. Values are inserted as they are (plain text; no HTML, so nothing to escape); a value never
 * contains a secret, the callers see to that. Immutable and thread-safe.
 */
public final class Templates {
    public static final Set<String> OWNER_FIELDS = Set.of("account", "when", "sources", "incident", "organisation",
            "helpdesk");
    public static final Set<String> SECURITY_FIELDS = Set.of("incident", "kind", "opened", "count", "accounts",
            "sources", "sources_count", "hold", "lockdown_advice", "deadline", "deadline_basis", "organisation");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** A parsed template. */
    public record Template(String name, String subject, String body) {
        public String subject(Map<String, String> values) {
            return fill(subject, values).replaceAll("[\\r\\n]+", " ");
        }

        public String body(Map<String, String> values) {
            return fill(body, values);
        }
    }

    private final Template owner;
    private final Template security;

    private Templates(Template owner, Template security) {
        this.owner = owner;
        this.security = security;
    }

    /** The built-in templates, each replaced by a file of the same name in {@code dir} when present. */
    public static Templates load(Path dir) {
        return new Templates(load(dir, "owner.txt", OWNER_FIELDS), load(dir, "security.txt", SECURITY_FIELDS));
    }

    public Template owner() {
        return owner;
    }

    public Template security() {
        return security;
    }

    private static Template load(Path dir, String name, Set<String> fields) {
        String text;
        String where;
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) {
                where = dir.resolve(name).toString();
                text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            } else {
                where = "built-in " + name;
                try (InputStream in = Templates.class.getResourceAsStream(name)) {
                    if (in == null) throw new IllegalStateException("the built-in template " + name + " is missing");
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("notify.templates: cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
        return parse(where, text, fields);
    }

    static Template parse(String where, String text, Set<String> fields) {
        String t = text.replace("\r\n", "\n");
        int nl = t.indexOf('\n');
        String first = nl < 0 ? t : t.substring(0, nl);
        if (!first.regionMatches(true, 0, "Subject:", 0, 8) || first.substring(8).isBlank()) {
            throw new IllegalArgumentException(where + ": the first line must be 'Subject: …'");
        }
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            if (!fields.contains(m.group(1))) {
                unknown.add("{{" + m.group(1) + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown placeholder(s) " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new TreeSet<>(fields)) + ")");
        }
        String body = nl < 0 ? "" : t.substring(nl + 1).replaceFirst("^\n", "");
        return new Template(where, first.substring(8).strip(), body);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
