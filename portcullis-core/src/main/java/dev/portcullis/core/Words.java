package dev.portcullis.core;

import java.util.Locale;

/**
 * Numbers in English for reports and evidence: "1 failure", "2 failures", "no accounts", "37%".
 * Readers trust text that gets these right. Stateless, thread-safe.
 */
public final class Words {
    private Words() {
    }

    /** "1 account", "0 accounts", "3 accounts": the noun's plural is the noun plus "s". */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 address", "2 addresses". */
    public static String count(long n, String noun, String plural) {
        return n + " " + (n == 1 ? noun : plural);
    }

    /** The noun alone, singular for one: "failure" / "failures". */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }

    /** The noun alone, singular for one: "address" / "addresses". */
    public static String noun(long n, String noun, String plural) {
        return n == 1 ? noun : plural;
    }

    /** A share 0..1 as a whole percentage ("37%"); "under 1%" and "over 99%" rather than 0% or 100% for shares strictly between. */
    public static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "under 1%";
        }
        if (share < 1 && share > 0.995) {
            return "over 99%";
        }
        double v = share * 100;
        if (v >= 0.5 && v < 1e9 && !nearTie(v)) {
            return Math.round(v) + "%"; // what the format below prints, without a Formatter (issue 11)
        }
        return String.format(Locale.ROOT, "%.0f%%", v);
    }

    /**
     * Whether v lies within a hair of a rounding tie (x.5): only there can rounding v's binary value
     * ({@link Math#round}) differ from rounding its shortest decimal form half-up, as {@code %.Nf} does.
     */
    private static boolean nearTie(double v) {
        return Math.abs(v - Math.floor(v) - 0.5) < 1e-6;
    }

    /** "1.5" style: one decimal, root locale (no decimal comma in a report). */
    public static String decimal(double v) {
        double t = v * 10;
        if (t >= 0 && t < 1e9 && !nearTie(t)) {
            long r = Math.round(t); // as "%.1f" prints it, without a Formatter (issue 11)
            return (r / 10) + "." + (r % 10);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * A span of seconds in the largest whole unit that fits: "45 s", "12 min", "17 h", "3 days"
     * (rounded down; negative spans read as their length).
     */
    public static String duration(long seconds) {
        long s = Math.abs(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86_400) {
            return s / 3600 + " h";
        }
        return count(s / 86_400, "day");
    }
}
