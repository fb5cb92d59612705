package dev.portcullis.respond.notify;

import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.store.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fills the templates for an incident: the owner's letter and the security team's summary. Times
 * are shown in UTC in plain words ("2026-11-20 14:03 UTC"); address lists are cut to a few with a
 * count of the rest. Stateless and thread-safe.
 */
final class Letters {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NotifyConfig config;
    private final IncidentConfig incidents;
    private final Templates templates;

    Letters(NotifyConfig config, IncidentConfig incidents, Templates templates) {
        this.config = config;
        this.incidents = incidents;
        this.templates = templates;
    }

    Letter owner(Incident i, IncidentAccount a, DeliveryRecord d, Instant now) {
        Map<String, String> v = new HashMap<>();
        v.put("account", a.account());
        v.put("when", a.compromisedAt() == null ? "recently (the exact time is not known)" : "around " + when(a.compromisedAt()));
        v.put("sources", list(a.sources(), 5, "an address we could not identify"));
        v.put("incident", i.id());
        v.put("organisation", config.organisation());
        v.put("helpdesk", config.helpdesk());
        Templates.Template t = templates.owner();
        return new Letter(config.from(), d.recipient(), t.subject(v), t.body(v), messageId(d), now);
    }

    Letter security(Incident i, DeliveryRecord d, Instant now) {
        Map<String, String> v = new HashMap<>();
        v.put("incident", i.id());
        v.put("kind", i.kind().replace('_', ' '));
        v.put("opened", when(i.opened()));
        v.put("count", String.valueOf(i.accounts().size()));
        StringBuilder acc = new StringBuilder();
        for (IncidentAccount a : i.accounts()) {
            acc.append("  - ").append(a.account()).append(": first attacker login ")
                    .append(a.compromisedAt() == null ? "time unknown" : when(a.compromisedAt()))
                    .append(", from ").append(list(a.sources(), 3, "unknown")).append(", ").append(a.stage().label()).append('\n');
        }
        v.put("accounts", acc.toString().stripTrailing());
        v.put("sources", list(i.sources(), 20, "none identified"));
        v.put("sources_count", String.valueOf(i.sources().size()));
        v.put("hold", switch (incidents.hold()) {
            case ALL -> "logins from outside the internal networks refused";
            case UNFAMILIAR -> "logins from unfamiliar addresses refused";
            case NONE -> "no hold: holds are off in the config";
        });
        int threshold = incidents.lockdownSuggestionThreshold();
        v.put("lockdown_advice", i.accounts().size() >= threshold
                ? "\nThis incident reached " + i.accounts().size() + " compromised accounts (threshold " + threshold
                + "): consider locking down remote access until the passwords are reset:\n"
                + "  portcullis lockdown on --reason \"incident " + i.id() + "\"\n" : "");
        v.put("deadline", when(i.deadline()));
        v.put("deadline_basis", i.deadlineProvisional()
                ? "provisional, counted from the opening of the incident until someone acknowledges it"
                : "aware since " + when(i.becameAware()));
        v.put("organisation", config.organisation());
        Templates.Template t = templates.security();
        return new Letter(config.from(), d.recipient(), t.subject(v), t.body(v), messageId(d), now);
    }

    static String when(Instant t) {
        return WHEN.format(t);
    }

    private static String list(List<String> items, int max, String none) {
        if (items.isEmpty()) return none;
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    private String messageId(DeliveryRecord d) {
        String domain = config.from().contains("@") ? config.from().substring(config.from().indexOf('@') + 1).replace(">", "")
                : "portcullis.invalid";
        String who = d.account().isEmpty() ? "all" : d.account().replaceAll("[^A-Za-z0-9._-]", "_") + "." + digest(d.account());
        return d.incidentId() + "." + d.kind() + "." + who + "@" + domain;
    }

    /** Eight hex digits of SHA-256, so accounts that sanitise alike still get different ids. */
    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
