package dev.portcullis.passwords.check;

import dev.portcullis.passwords.corpus.CorpusIndex;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The password check (NIST SP 800-63B-4): is this password acceptable for this account? Rules, in
 * order, all evaluated so the answer lists every reason: empty; length (min_length, or min_length_mfa
 * with a second factor; max_length); the whole password in the breached corpus (when an index is
 * configured); within one edit of the built-in common-password list after folding look-alikes;
 * the same as the account name; predictable — mostly banned terms (context words, the user's name and
 * account, seasons, months, years, very common words) by Entra-style points; weak — the nbvcxz
 * (zxcvbn-port) score below min_score. No composition rules.
 *
 * <p><b>Secrets.</b> Nothing is logged or stored; internal char copies are zeroed. The caller owns the
 * {@code password} array and should zero it afterwards. Two copies cannot be zeroed and are left to the
 * garbage collector: the String nbvcxz needs, and the folded String of the common-list lookup.
 *
 * <p><b>Thread-safety.</b> Immutable after construction; one instance serves concurrent checks (the
 * server's route calls {@link #check} directly). The corpus index is memory-mapped once here.
 */
public final class PasswordCheck {
    private final PasswordPolicy policy;
    private final CorpusIndex corpus;
    private final CommonPasswords common;
    private final BannedTerms terms;
    private final Nbvcxz nbvcxz;

    public PasswordCheck(PasswordPolicy policy) {
        this(policy, openCorpus(policy), CommonPasswords.builtIn());
    }

    public PasswordCheck(PasswordPolicy policy, CorpusIndex corpus, CommonPasswords common) {
        this.policy = policy;
        this.corpus = corpus;
        this.common = common;
        this.terms = new BannedTerms(BannedTerms.base(policy.contextWords()));
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        if (!policy.contextWords().isEmpty()) {
            DictionaryBuilder b = new DictionaryBuilder().setDictionaryName("context").setExclusion(true);
            for (String w : policy.contextWords()) {
                b.addWord(w.toLowerCase(Locale.ROOT), 0);
            }
            dictionaries.add(b.createDictionary());
        }
        this.nbvcxz = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .setMaxLength(Math.min(policy.maxLength(), 256)).createConfiguration());
    }

    private static CorpusIndex openCorpus(PasswordPolicy policy) {
        if (policy.corpus() == null) {
            return null;
        }
        try {
            return CorpusIndex.open(policy.corpus());
        } catch (IOException e) {
            throw new UncheckedIOException("passwords.corpus = " + policy.corpus() + ": " + e.getMessage(), e);
        }
    }

    public PasswordPolicy policy() {
        return policy;
    }

    /** Whether a corpus index is in use (otherwise only the built-in list). */
    public boolean hasCorpus() {
        return corpus != null;
    }

    /** Checks a password for an account; never throws for any input. */
    public CheckResult check(char[] password, CheckContext ctx) {
        List<Finding> reasons = new ArrayList<>();
        if (password.length == 0) {
            reasons.add(new Finding("empty", "The password is empty."));
            return new CheckResult(false, reasons, 0, new CheckResult.Feedback(null, List.of()));
        }
        int length = Character.codePointCount(password, 0, password.length);
        int min = ctx.mfa() ? policy.minLengthMfa() : policy.minLength();
        if (length < min) {
            reasons.add(new Finding("too_short", "It is too short: use at least " + min + " characters"
                    + (ctx.mfa() ? "" : " (" + policy.minLengthMfa() + " with a second factor)")
                    + ". A few unrelated words make a long password that is easy to remember."));
        }
        if (length > policy.maxLength()) {
            reasons.add(new Finding("too_long", "It is longer than the " + policy.maxLength() + " characters allowed."));
            return new CheckResult(false, reasons, 0, new CheckResult.Feedback(null, List.of()));
        }
        if (corpus != null && corpus.contains(password)) {
            reasons.add(new Finding("breached", "It appears in a list of passwords exposed in data breaches,"
                    + " which attackers try first. Choose one you have never used anywhere."));
        }
        char[] folded = Normaliser.fold(password);
        try {
            String f = new String(folded);
            if (common.matches(f)) {
                reasons.add(new Finding("common", "It is one of the most common passwords (or a small variation"
                        + " of one), which attackers try first."));
            }
            if (sameAsAccount(f, ctx)) {
                reasons.add(new Finding("same_as_account", "It is the same as the account name."));
            }
        } finally {
            Arrays.fill(folded, '\0');
        }
        BannedTerms personal = terms.with(BannedTerms.personal(ctx));
        BannedTerms.Score s = personal.score(password);
        if (s.points() < policy.minPoints()) {
            if (s.kinds().isEmpty()) {
                reasons.add(new Finding("predictable", "It is too predictable: repeated characters or simple"
                        + " sequences are guessed quickly."));
            }
            for (BannedTerms.Kind k : s.kinds()) {
                if (reasons.stream().noneMatch(r -> r.code().equals(k.code))) {
                    reasons.add(new Finding(k.code, "It is too predictable: " + k.message + "."));
                }
            }
        }
        String asString = new String(password);
        Result r = nbvcxz.estimate(asString);
        int score = r.getBasicScore();
        CheckResult.Feedback feedback = new CheckResult.Feedback(r.getFeedback().getWarning(),
                r.getFeedback().getSuggestion());
        if (score < policy.minScore()) {
            reasons.add(new Finding("weak", "It is too easy to guess (strength " + score + " of 4, at least "
                    + policy.minScore() + " needed)" + (feedback.warning() == null ? "." : ": " + feedback.warning())));
        }
        return new CheckResult(reasons.isEmpty(), reasons, score, feedback);
    }

    private static boolean sameAsAccount(String folded, CheckContext ctx) {
        if (ctx.account() == null || ctx.account().isBlank()) {
            return false;
        }
        String a = ctx.account().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        String local = at > 0 ? a.substring(0, at) : a;
        String stripped = folded.replaceAll("[^\\p{L}\\p{N}]", "");
        for (String cand : List.of(a, local, local.replaceAll("[^\\p{L}\\p{N}]", ""))) {
            String fc = Normaliser.fold(cand);
            if (fc.length() >= 3 && (Normaliser.withinOneEdit(folded, fc) || stripped.equals(fc.replaceAll("[^\\p{L}\\p{N}]", "")))) {
                return true;
            }
        }
        return false;
    }
}
