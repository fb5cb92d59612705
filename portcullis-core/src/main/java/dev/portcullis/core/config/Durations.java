package dev.portcullis.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a config file writes them: {@code 250ms}, {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");
    private static final long DAY = 86_400_000L, HOUR = 3_600_000L, MINUTE = 60_000L, SECOND = 1_000L;

    private Durations() {
    }

    /**
     * Parses a whole number with a unit ({@code ms s m h d}, a space before it allowed) or an ISO-8601
     * duration ({@code PT1H}). Throws {@link IllegalArgumentException} for anything else (no sign, no
     * fraction, no unit-less number: a bare {@code 30} would be ambiguous).
     */
    public static Duration parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // fall through to the one message
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a duration (like 90s, 15m, 1h, 7d)");
    }

    /** The duration in the largest of those units that holds it exactly ({@code 1h}, {@code 90s}); ISO-8601 otherwise. */
    public static String words(Duration d) {
        if (d.isNegative() || d.getNano() % 1_000_000 != 0 || d.getSeconds() > Long.MAX_VALUE / 1000 - 1) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        if (ms % DAY == 0) return ms / DAY + "d";
        if (ms % HOUR == 0) return ms / HOUR + "h";
        if (ms % MINUTE == 0) return ms / MINUTE + "m";
        if (ms % SECOND == 0) return ms / SECOND + "s";
        return ms + "ms";
    }
}
