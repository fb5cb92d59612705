package dev.portcullis.core.config;

import java.util.List;

/**
 * Settings that cannot be used, with every problem found (not only the first), one a line in the
 * message, each worded as {@link Validator} describes. An {@link IllegalArgumentException}, so callers
 * that build a config from code see the usual type.
 */
public final class ConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, {@code <key path>: <what is wrong>[; allowed <what is allowed>]}. */
    public List<String> problems() {
        return problems;
    }
}
