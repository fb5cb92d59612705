package dev.portcullis.core.incident;

import dev.portcullis.core.config.Section;
import dev.portcullis.core.config.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The incident policy (a config file's {@code incidents:} section), validated when built; an error
 * names the key, the value and what is allowed ({@link Validator}'s wording).
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

    /** The config file's section, the first part of every key path in messages. */
    public static final String SECTION = "incidents";

    public IncidentConfig {
        Validator v = new Validator(SECTION);
        v.range("lockdown_suggestion_threshold", lockdownSuggestionThreshold, 1, 1_000_000);
        v.check(hold != null, "hold", null, "is missing; allowed all, unfamiliar, none");
        v.range("block_hours", blockHours, 0, 8760);
        v.throwIfAny();
        dpoContact = dpoContact == null ? "" : dpoContact.strip();
        dataCategories = List.copyOf(dataCategories);
    }

    /** From a config section's dotted keys; unknown keys and bad values are all reported at once, naming the key. */
    public static IncidentConfig fromMap(Map<String, ?> values) {
        Section s = new Section(SECTION, values, KEYS);
        IncidentConfig d = DEFAULTS;
        int threshold = s.integer("lockdown_suggestion_threshold", d.lockdownSuggestionThreshold);
        int blockHours = s.integer("block_hours", d.blockHours);
        Hold hold = s.word("hold", d.hold);
        String dpo = s.text("dpo_contact", "");
        List<String> categories = s.list("data_categories", d.dataCategories);
        return s.build(() -> new IncidentConfig(threshold, hold, dpo, categories, blockHours));
    }
}
