package dev.portcullis.passwords.audit;

import dev.portcullis.passwords.check.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The guesses an audit tries for one account, each with the rule it stands for, in the order a
 * password sprayer would try them. Five classes — empty, the account name and variants, season + year,
 * the organisation's words + year, the common-password list in popularity order — are interleaved
 * round-robin, so a small budget still tries the likeliest guess of every class. Stateless.
 */
final class Candidates {
    record Candidate(String guess, Finding finding) {
    }

    private static final String[] SEASONS = {"Winter", "Spring", "Summer", "Autumn"};

    private Candidates() {
    }

    static List<Candidate> forAccount(Credential c, AuditConfig cfg, List<String> common, int budget) {
        List<List<Candidate>> classes = new ArrayList<>();
        classes.add(List.of(new Candidate("", new Finding("empty", "The password is empty."))));
        classes.add(accountGuesses(c.canonical()));
        classes.add(seasonGuesses(cfg.today()));
        classes.add(contextGuesses(cfg.contextWords(), cfg.today().getYear()));
        List<Candidate> top = new ArrayList<>();
        Finding inList = new Finding("common", "It is in the common-password list.");
        for (int i = 0; i < common.size() && i < budget; i++) {
            top.add(new Candidate(common.get(i), inList));
        }
        classes.add(top);
        List<Candidate> out = new ArrayList<>(budget);
        Set<String> seen = new LinkedHashSet<>();
        List<Iterator<Candidate>> its = new ArrayList<>();
        classes.forEach(l -> its.add(l.iterator()));
        boolean more = true;
        while (out.size() < budget && more) {
            more = false;
            for (Iterator<Candidate> it : its) {
                if (it.hasNext() && out.size() < budget) {
                    more = true;
                    Candidate k = it.next();
                    if (seen.add(k.guess())) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    static List<Candidate> accountGuesses(String canonical) {
        String local = canonical;
        int at = local.indexOf('@');
        if (at > 0) {
            local = local.substring(0, at);
        }
        List<Candidate> out = new ArrayList<>();
        if (local.isEmpty()) {
            return out;
        }
        Finding same = new Finding("same_as_account", "It is the same as the account name.");
        Finding variant = new Finding("same_as_account", "It is the account name with a number or a capital added.");
        out.add(new Candidate(local, same));
        out.add(new Candidate(cap(local), variant));
        out.add(new Candidate(local + "1", variant));
        out.add(new Candidate(local + "123", variant));
        String[] parts = local.split("[._-]");
        if (parts.length > 1) {
            Finding name = new Finding("personal", "It is built from the account holder's name.");
            for (String p : parts) {
                if (p.length() >= 3) {
                    out.add(new Candidate(p, name));
                    out.add(new Candidate(cap(p) + "1", name));
                }
            }
        }
        if (!canonical.equals(local)) {
            out.add(new Candidate(canonical, same));
        }
        return out;
    }

    static List<Candidate> seasonGuesses(LocalDate today) {
        Finding f = new Finding("season_year", "It is a season and a year, the first thing password sprayers try.");
        List<Candidate> out = new ArrayList<>();
        for (int back = 0; back < 8; back++) {
            LocalDate d = today.minusMonths(3L * back);
            int s = (d.getMonthValue() % 12) / 3; // Dec–Feb winter, Mar–May spring, …
            int y = d.getYear();
            String w = SEASONS[s];
            out.add(new Candidate(w + y, f));
            out.add(new Candidate(w + y + "!", f));
            out.add(new Candidate(w.toLowerCase(Locale.ROOT) + y, f));
            out.add(new Candidate(w + (y % 100), f));
        }
        return out;
    }

    static List<Candidate> contextGuesses(List<String> words, int year) {
        Finding f = new Finding("context", "It is built from the organisation's name with a number or year.");
        List<Candidate> out = new ArrayList<>();
        for (int y : new int[] {year, year - 1}) {
            for (String w : words) {
                String word = w.strip().replace(" ", "");
                out.add(new Candidate(cap(word) + y, f));
                out.add(new Candidate(cap(word) + y + "!", f));
                out.add(new Candidate(word.toLowerCase(Locale.ROOT) + y, f));
            }
        }
        for (String w : words) {
            String word = w.strip().replace(" ", "");
            out.add(new Candidate(cap(word) + "123", f));
            out.add(new Candidate(cap(word) + "1", f));
            out.add(new Candidate(word.toLowerCase(Locale.ROOT), f));
            out.add(new Candidate(cap(word) + "!", f));
        }
        return out;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
