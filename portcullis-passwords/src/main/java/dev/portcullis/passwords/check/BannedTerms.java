package dev.portcullis.passwords.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entra-style scoring of a password against banned terms. The password is folded ({@link Normaliser});
 * banned terms found in it (longest first, no overlaps) count one point each, whatever their length;
 * years (1950–2039) count one point; the remaining characters count one point each, except separators
 * (space - _ . ,), which count nothing, and a run of one repeated character or of consecutive digits
 * (1234), which counts once; a term or year repeated counts once. A password below the policy's {@code min_points} is predictable: it is
 * mostly words a guesser tries first. Which kinds of term were found says why.
 *
 * <p>Immutable, thread-safe. Per check it allocates a few small arrays, zeroed before returning.
 */
final class BannedTerms {
    /** Kinds of banned term, each with the message a user reads when it made a password predictable. */
    enum Kind {
        CONTEXT("context", "it is built from the name of the organisation or its services"),
        PERSONAL("personal", "it is built from your name or account name"),
        SEASON("season_year", "it is built from a season, month or day and a year, which attackers try first"),
        YEAR("season_year", "it is built around a year, which attackers try first"),
        COMMON("common_word", "it is built from a very common word that attackers try first");

        final String code;
        final String message;

        Kind(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    record Term(String folded, Kind kind) {
    }

    record Score(int points, Set<Kind> kinds) {
    }

    static final List<String> SEASONS = List.of("spring", "summer", "autumn", "fall", "winter",
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    static final List<String> COMMON = List.of("password", "passwort", "welcome", "letmein", "qwerty",
            "qwertz", "azerty", "asdf", "zxcv", "admin", "login", "secret", "changeme", "iloveyou", "monkey",
            "dragon", "master", "shadow", "sunshine", "princess", "football", "baseball", "soccer", "hello",
            "love", "abc", "test", "default", "user", "guest", "access");

    private final List<Term> terms;

    BannedTerms(List<Term> terms) {
        List<Term> t = new ArrayList<>(terms);
        t.sort(Comparator.comparingInt((Term x) -> -x.folded().length()));
        this.terms = List.copyOf(t);
    }

    /** The global terms (seasons, very common words) plus the organisation's context words. */
    static List<Term> base(List<String> contextWords) {
        List<Term> t = new ArrayList<>();
        SEASONS.forEach(s -> t.add(new Term(Normaliser.fold(s), Kind.SEASON)));
        COMMON.forEach(s -> t.add(new Term(Normaliser.fold(s), Kind.COMMON)));
        for (String w : contextWords) {
            for (String part : parts(w)) {
                t.add(new Term(Normaliser.fold(part), Kind.CONTEXT));
            }
        }
        return t;
    }

    /** Terms from a user's name and account: the whole account, its local part, and each name part. */
    static List<Term> personal(CheckContext ctx) {
        List<Term> t = new ArrayList<>();
        List<String> words = new ArrayList<>(ctx.words());
        if (ctx.name() != null) {
            words.add(ctx.name());
        }
        if (ctx.account() != null) {
            String a = ctx.account().toLowerCase(Locale.ROOT);
            int at = a.indexOf('@');
            String local = at > 0 ? a.substring(0, at) : a;
            words.add(local.replaceAll("[^\\p{L}\\p{N}]", ""));
            words.add(local);
            if (at > 0) {
                String domain = a.substring(at + 1);
                int dot = domain.indexOf('.');
                words.add(dot > 0 ? domain.substring(0, dot) : domain);
            }
        }
        for (String w : words) {
            for (String part : parts(w)) {
                t.add(new Term(Normaliser.fold(part), Kind.PERSONAL));
            }
            String joined = w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (joined.length() >= 3) {
                t.add(new Term(Normaliser.fold(joined), Kind.PERSONAL));
            }
        }
        return t;
    }

    /** A word split at non-letters-or-digits, parts of at least 3 characters, lower case. */
    static List<String> parts(String w) {
        List<String> out = new ArrayList<>();
        for (String p : w.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (p.length() >= 3) {
                out.add(p);
            }
        }
        return out;
    }

    BannedTerms with(List<Term> more) {
        List<Term> all = new ArrayList<>(terms);
        all.addAll(more);
        return new BannedTerms(all);
    }

    /** Scores a password (original characters; folded here). */
    Score score(char[] password) {
        int n = password.length;
        char[] f = Normaliser.fold(password);
        char[] lower = new char[n];
        for (int i = 0; i < n; i++) {
            lower[i] = Character.toLowerCase(password[i]);
        }
        boolean[] used = new boolean[n];
        int points = 0;
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        try {
            // years first, on the unfolded digits (folding turns 2024 into "2o2a"); a repeated year or
            // term counts once: repeating a guessable chunk adds little
            Set<String> seen = new HashSet<>();
            for (int i = 0; i + 4 <= n; i++) {
                if (isYear(lower, i) && !any(used, i, 4)) {
                    mark(used, i, 4);
                    points += seen.add(new String(lower, i, 4)) ? 1 : 0;
                    kinds.add(Kind.YEAR);
                    i += 3;
                }
            }
            for (Term t : terms) {
                char[] w = t.folded().toCharArray();
                for (int i = 0; i + w.length <= n; i++) {
                    if (!any(used, i, w.length) && regionEquals(f, i, w)) {
                        mark(used, i, w.length);
                        points += seen.add(t.folded()) ? 1 : 0;
                        kinds.add(t.kind());
                        i += w.length - 1;
                    }
                }
            }
            char prev = 0;
            boolean prevCounted = false;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    prevCounted = false;
                    continue;
                }
                char c = lower[i];
                if (c == ' ' || c == '-' || c == '_' || c == '.' || c == ',') {
                    prevCounted = false;
                    continue;
                }
                boolean continuesRun = prevCounted && (c == prev
                        || Character.isDigit(c) && Character.isDigit(prev) && (c == prev + 1 || c == prev - 1));
                if (!continuesRun) {
                    points++;
                }
                prev = c;
                prevCounted = true;
            }
            if (kinds.contains(Kind.SEASON)) {
                kinds.remove(Kind.YEAR); // one message for "Summer2024"
            }
            return new Score(points, kinds);
        } finally {
            Arrays.fill(f, '\0');
            Arrays.fill(lower, '\0');
        }
    }

    private static boolean isYear(char[] s, int i) {
        for (int k = 0; k < 4; k++) {
            if (!Character.isDigit(s[i + k]) || s[i + k] > '9') {
                return false;
            }
        }
        int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        return y >= 1950 && y <= 2039;
    }

    private static boolean regionEquals(char[] s, int at, char[] w) {
        for (int k = 0; k < w.length; k++) {
            if (s[at + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(boolean[] used, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }

    private static void mark(boolean[] used, int from, int len) {
        for (int k = from; k < from + len; k++) {
            used[k] = true;
        }
    }
}
