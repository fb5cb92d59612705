package dev.portcullis.core.config;

import dev.portcullis.core.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One section of a parsed config file, read as typed values. Keys are dotted ({@code lockout.window});
 * values are what the YAML parser gave: text, numbers, booleans, lists. A key the section does not know,
 * or a value that cannot be read, is a problem in the section's {@link Validator} (worded as it
 * describes); the read returns the default so that the rest can still be read, and {@link #build}
 * reports every problem at once, the config object's own range checks included when every value could
 * be read. A key that is absent keeps its default.
 *
 * <p>Not thread-safe: one per read.
 */
public final class Section {
    private final Map<String, ?> values;
    private final Validator problems;
    /** A value could not be read (its default stands in): the object is not built, lest rules between keys mislead. */
    private boolean unreadable;

    /**
     * @param name   the section's name in the file ("gate"), the first part of every key path
     * @param values the section's keys, dotted
     * @param known  the keys it takes; any other is an error, so a typo never leaves a threshold at its default
     */
    public Section(String name, Map<String, ?> values, Collection<String> known) {
        this.values = values;
        this.problems = new Validator(name);
        Set<String> sorted = new TreeSet<>(known);
        for (String key : new TreeSet<>(values.keySet())) {
            if (!sorted.contains(key)) {
                problems.problem(key, "unknown key; allowed " + String.join(", ", sorted));
            }
        }
    }

    /** Where problems of this section are collected; for checks of its own. */
    public Validator validator() {
        return problems;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The value as given (a secret must not be trimmed or reshaped), or null. */
    public Object raw(String key) {
        return values.get(key);
    }

    /** The value as text with spaces at the ends removed, or null when absent. */
    public String text(String key) {
        Object o = values.get(key);
        return o == null ? null : String.valueOf(o).strip();
    }

    public String text(String key, String dflt) {
        String t = text(key);
        return t == null ? dflt : t;
    }

    public int integer(String key, int dflt) {
        return parsed(key, dflt, Integer::parseInt, "is not a whole number");
    }

    public long longInteger(String key, long dflt) {
        return parsed(key, dflt, Long::parseLong, "is not a whole number");
    }

    public double number(String key, double dflt) {
        return parsed(key, dflt, Double::parseDouble, "is not a number");
    }

    /** true/yes/1 or false/no/0. */
    public boolean bool(String key, boolean dflt) {
        String t = text(key);
        if (t == null) return dflt;
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes") || t.equals("1")) return true;
        if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no") || t.equals("0")) return false;
        refuse(key, Validator.quote(t) + " is not true or false");
        return dflt;
    }

    /** As {@link Durations#parse}. */
    public Duration duration(String key, Duration dflt) {
        return parsed(key, dflt, Durations::parse, "is not a duration; allowed like 90s, 15m, 1h, 7d");
    }

    /** One of an enum's constants, written as its name in lower case ({@code tarpit}); case is ignored. */
    public <E extends Enum<E>> E word(String key, E dflt) {
        String t = text(key);
        if (t == null) return dflt;
        List<String> words = new ArrayList<>();
        for (E e : dflt.getDeclaringClass().getEnumConstants()) {
            String w = e.name().toLowerCase(Locale.ROOT);
            if (w.equals(t.toLowerCase(Locale.ROOT))) {
                return e;
            }
            words.add(w);
        }
        refuse(key, Validator.quote(t) + " is unknown; allowed " + String.join(", ", words));
        return dflt;
    }

    /** A list, or a text of comma-separated items; items trimmed, empty ones dropped. */
    public List<String> strings(String key, List<String> dflt) {
        Object o = values.get(key);
        if (o == null) return dflt;
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x).strip()));
        } else {
            for (String s : String.valueOf(o).split(",")) {
                if (!s.isBlank()) out.add(s.strip());
            }
        }
        return out;
    }

    /** A list only (its items may hold commas). */
    public List<String> list(String key, List<String> dflt) {
        Object o = values.get(key);
        if (o == null) return dflt;
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        refuse(key, Validator.quote(o) + " is not a list; allowed a list of texts");
        return dflt;
    }

    /** Networks in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single addresses, as {@link #strings}. */
    public List<Network> networks(String key, List<Network> dflt) {
        if (!has(key)) return dflt;
        List<Network> out = new ArrayList<>();
        for (String s : strings(key, List.of())) {
            try {
                out.add(Network.parse(s));
            } catch (IllegalArgumentException e) {
                refuse(key, e.getMessage());
            }
        }
        return out;
    }

    /** The value read by {@code parse}, or the default when absent or unreadable (then a problem: {@code '<text>' <wrong>}). */
    private <T> T parsed(String key, T dflt, Function<String, T> parse, String wrong) {
        String t = text(key);
        if (t == null) {
            return dflt;
        }
        try {
            return parse.apply(t);
        } catch (IllegalArgumentException e) {
            refuse(key, Validator.quote(t) + " " + wrong);
            return dflt;
        }
    }

    /**
     * Records a value that cannot be used ({@code <path>: <text>}); the config object will not be built,
     * so that its rules between keys do not complain about the defaults standing in.
     */
    public void refuse(String key, String text) {
        problems.problem(key, text);
        unreadable = true;
    }

    /**
     * Makes the config object from what was read, then throws a {@link ConfigException} with every
     * problem: unknown keys, unreadable values, and (when every value could be read) those of the
     * object's own validation, such as values out of range.
     */
    public <T> T build(Supplier<T> make) {
        T made = null;
        if (!unreadable) {
            try {
                made = make.get();
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return made;
    }
}
