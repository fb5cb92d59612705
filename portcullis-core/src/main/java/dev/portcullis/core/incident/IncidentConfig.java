package dev.portcullis.core.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident policy (a config file's {@code incidents:} section), validated when built; an error
 * names the key, the value and what is allowed.
 *
 * @param lockdownSuggestionThreshold suggest a lockdown once an incident has this many compromised accounts
 * @param hold                        how a compromised account is held until its password is reset
 * @param dpoContact                  the data protection officer or contact point, for the Article 33(3) record
 * @param dataCategories              categories of personal data in a mailbox, for the Article 33(3) record
 * @param blockHours                  how long the attacker's addresses are blocked (0: not blocked by the incident)
 */
public record IncidentConfig(int lockdownSuggestionThreshold, Hold hold, String dpoContact, List<String> dataCategories,
                             int blockHours) {

    /**
     * {@code ALL}: every login outside the internal networks is refused (the gate never refuses the
     * internal networks, so the owner can still reset from the office); {@code UNFAMILIAR}: only logins
     * from addresses the account never used; {@code NONE}: no hold.
     */
    public enum Hold {
        ALL, UNFAMILIAR, NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final IncidentConfig DEFAULTS = new IncidentConfig(10, Hold.ALL, "",
            List.of("e-mail content and attachments", "contact details (address books)", "calendar entries"), 24);

    public static final Set<String> KEYS = Set.of("lockdown_suggestion_threshold", "hold", "dpo_contact", "data_categories",
            "block_hours");

    public IncidentConfig {
        if (lockdownSuggestionThreshold < 1 || lockdownSuggestionThreshold > 1_000_000) {
            throw new IllegalArgumentException("incidents.lockdown_suggestion_threshold = " + lockdownSuggestionThreshold
                    + " is out of range 1..1000000");
        }
        if (hold == null) {
            throw new IllegalArgumentException("incidents.hold is missing (all, unfamiliar or none)");
        }
        if (blockHours < 0 || blockHours > 8760) {
            throw new IllegalArgumentException("incidents.block_hours = " + blockHours + " is out of range 0..8760");
        }
        dpoContact = dpoContact == null ? "" : dpoContact.strip();
        dataCategories = List.copyOf(dataCategories);
    }

    /** From a config section's dotted keys; unknown keys and bad values are errors naming the key. */
    public static IncidentConfig fromMap(Map<String, ?> values) {
        List<String> errors = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!KEYS.contains(k)) {
                errors.add("unknown key 'incidents." + k + "' (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        int threshold = integer(values, "lockdown_suggestion_threshold", DEFAULTS.lockdownSuggestionThreshold, errors);
        int blockHours = integer(values, "block_hours", DEFAULTS.blockHours, errors);
        Hold hold = DEFAULTS.hold;
        Object h = values.get("hold");
        if (h != null) {
            try {
                hold = Hold.valueOf(String.valueOf(h).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("incidents.hold = '" + h + "' is not one of all, unfamiliar, none");
            }
        }
        Object dpo = values.get("dpo_contact");
        List<String> categories = DEFAULTS.dataCategories;
        Object c = values.get("data_categories");
        if (c instanceof List<?> l) {
            categories = l.stream().map(String::valueOf).toList();
        } else if (c != null) {
            errors.add("incidents.data_categories must be a list of strings");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid incidents config: " + String.join("; ", errors));
        }
        return new IncidentConfig(threshold, hold, dpo == null ? "" : String.valueOf(dpo), categories, blockHours);
    }

    private static int integer(Map<String, ?> values, String key, int fallback, List<String> errors) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            errors.add("incidents." + key + " = '" + v + "' is not a whole number");
            return fallback;
        }
    }
}
