package dev.portcullis.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one component's settings and collects every problem before failing, so one start names all of
 * them. Every config object (detection, gate, incidents, server, notify, passwords) speaks through it,
 * in one voice:
 *
 * <pre>{@code <key path>: <value> <what is wrong>[; allowed <what is allowed>]}</pre>
 *
 * e.g. {@code gate.lockout.unfamiliar_failures: 0 is out of range; allowed 1..100}, which the CLI
 * prefixes with the config file's name. The key path is the config file's: section, then the dotted key
 * (a command-line option, starting with {@code --}, is named as typed). Ranges are inclusive and written
 * {@code a..b} ({@code a or more} when unbounded above), numbers without trailing zeros, durations in
 * the file's own units ({@code 1m..7d}); a value that could not be read is quoted ({@code 'soon'}); a
 * secret's value is never shown. A security threshold out of range is an error, never clamped.
 *
 * <p>Not thread-safe: one per validation.
 */
public final class Validator {
    private static final int SHOWN = 100;

    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    /** @param section the config file's section ("gate"), or "" when keys are full paths */
    public Validator(String section) {
        this.prefix = section == null || section.isEmpty() ? "" : section + ".";
    }

    /** The key's full path: the section's, unless it is a command-line option. */
    public String path(String key) {
        return key.startsWith("-") ? key : prefix + key;
    }

    public void range(String key, long v, long min, long max) {
        range(key, v, min, max, null);
    }

    /** @param why what the bounds come from (a standard, a scale), shown after them; null for none */
    public void range(String key, long v, long min, long max, String why) {
        if (v < min || v > max) {
            String allowed = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? min + " or more" : min + ".." + max;
            outOfRange(key, Long.toString(v), allowed + (why == null ? "" : " (" + why + ")"));
        }
    }

    public void range(String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            outOfRange(key, number(v), number(min) + ".." + number(max));
        }
    }

    /** @param max null: no upper bound */
    public void range(String key, Duration v, Duration min, Duration max) {
        String allowed = Durations.words(min) + (max == null ? " or more" : ".." + Durations.words(max));
        if (v == null) {
            problem(key, "is missing; allowed " + allowed);
        } else if (v.compareTo(min) < 0 || (max != null && v.compareTo(max) > 0)) {
            outOfRange(key, Durations.words(v), allowed);
        }
    }

    /** A text's length in characters, spaces at the ends not counted (the text is shown: not for secrets). */
    public void length(String key, String v, int min, int max) {
        int n = v == null ? 0 : v.strip().length();
        if (n < min || n > max) {
            problem(key, quote(v) + " has " + n + " characters; allowed " + min + ".." + max);
        }
    }

    /**
     * A rule of its own, e.g. between two keys: unless {@code ok}, the problem is
     * {@code <path>: <value> <wrong>}. {@code value} null leaves it out (secrets).
     */
    public void check(boolean ok, String key, String value, String wrong) {
        if (!ok) {
            problem(key, value == null ? wrong : value + " " + wrong);
        }
    }

    /** Records {@code <path>: <text>}. */
    public void problem(String key, String text) {
        problems.add(path(key) + ": " + text);
    }

    /** Takes over the problems of a config built inside this one's validation. */
    public void addAll(ConfigException e) {
        problems.addAll(e.problems());
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigException} with every problem found, if there is one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** A value as read, quoted and cut short: {@code 'soon'}. Not for secrets. */
    public static String quote(Object v) {
        String s = String.valueOf(v);
        return "'" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s) + "'";
    }

    private void outOfRange(String key, String value, String allowed) {
        problem(key, value + " is out of range; allowed " + allowed);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }
}
