package dev.portcullis.core.engine;

import dev.portcullis.core.Words;

import java.util.List;

/**
 * Which kind of attack one address that fails on several accounts is making, from what the log says
 * (docs/detection.md, "Which kind"). Whether the address is an attacker at all is {@link Judge}'s
 * call; this only names it, with the reason in words:
 * <ol>
 *   <li>one account took the bulk of the guesses (at least {@code brute_force.failures}, and a third
 *       of all) → {@code brute_force}: a dictionary against it, other names on the side;</li>
 *   <li>password fingerprints show one password (or a few) over many accounts → {@code password_spray}
 *       whatever the names;</li>
 *   <li>at least {@code stuffing.unknown_share} (a quarter, by default) of the guesses on accounts that
 *       do not exist, as the log's reasons say — or, in a log long and busy enough for real users to
 *       show up, as their never logging in says (a script's pace over names that never log in makes an
 *       address an attacker, {@link #absenceCounts}, but does not name the kind):
 *       <ul>
 *         <li>more than {@link #PAIRS_MAX_PER_ACCOUNT} guesses per name → {@code brute_force} (a
 *             dictionary: several passwords per name);</li>
 *         <li>names that are mostly not e-mail addresses: {@code password_spray} when each name was
 *             tried once and at least two of them exist (a wrong password on each: one password over a
 *             list of names, kerbrute's); else {@code brute_force} (a dictionary of user names: root,
 *             admin, oracle…) when more than {@link #MOST} of the guesses are on names that do not exist;
 *             else {@code password_spray} (the organisation's user names, most of which exist, a guess
 *             or two each — not a dictionary);</li>
 *         <li>else → {@code credential_stuffing} (a leaked list: people's addresses, one or two
 *             guesses each, many of them gone or never here);</li>
 *       </ul></li>
 *   <li>otherwise → {@code password_spray} (guesses over real accounts, or nothing says they are not).</li>
 * </ol>
 */
final class Kinds {
    /** A list of pairs tries each name once, or twice (a variant); a dictionary tries several passwords. */
    static final double PAIRS_MAX_PER_ACCOUNT = 2.0;
    /**
     * "Most": more than half. A dictionary of default user names (root, admin, oracle, test) mostly
     * misses; a run over bare names most of which exist is a list of the organisation's users.
     */
    static final double MOST = 0.5;
    /**
     * Never logging in says an account does not exist only in a log that spans most of a day (phones
     * and mail clients log in many times a day) ...
     */
    static final long ABSENCE_MIN_SPAN = 20 * 3600;
    /** ... and in which this many accounts log in (an organisation, not a few test lines). */
    static final long ABSENCE_MIN_LOGGED_IN = 100;
    /** ... or, in a shorter log, this many names that never log in, guessed at a script's pace. */
    static final int PACE_MIN_NEVER = 4;

    /** A kind and why, in words for the evidence. */
    record Call(AttackKind kind, String why) {
    }

    private final Engine en;
    private final EngineConfig c;

    Kinds(Engine en) {
        this.en = en;
        this.c = en.config;
    }

    /** True when the input is long and busy enough that an account's never logging in means something. */
    boolean absenceIsEvidence() {
        return en.lastTime - en.firstTime >= ABSENCE_MIN_SPAN && en.loggedIn >= ABSENCE_MIN_LOGGED_IN;
    }

    /** How many of these accounts never logged in during the input. */
    int neverLoggedIn(List<String> named) {
        int never = 0;
        for (String acc : named) {
            AccountState a = en.accounts.get(acc);
            if (a == null || a.successes == 0) never++;
        }
        return never;
    }

    /**
     * True when {@code never} of the accounts {@code s} failed on never logging in says they do not
     * exist: in a log long and busy enough ({@link #absenceIsEvidence}), or, in a short one, when at
     * least {@link #PACE_MIN_NEVER} such names were guessed at a script's pace ({@link Pace#scripted}):
     * a person mistyping does not try four names in two minutes; an admin's test log has few logins.
     */
    boolean absenceCounts(SourceState s, int never) {
        return absenceIsEvidence() || (never >= PACE_MIN_NEVER && Pace.scripted(s));
    }

    /** The kind of a multi-account attack by {@code s} (an address already judged an attacker). */
    Call of(SourceState s) {
        int accounts = Math.max(1, s.failedAccounts.count());
        Guesses g = s.guesses;
        if (g == null) {
            return new Call(AttackKind.PASSWORD_SPRAY, null);
        }
        if (g.votes >= c.bruteForceFailures() && 3L * g.votes >= s.namedFailures) {
            return new Call(AttackKind.BRUTE_FORCE, "at least " + g.votes + " of its " + s.namedFailures
                    + " guesses on " + g.top() + ": a dictionary against one account");
        }
        if (g.passwords != null && 2L * g.fingerprinted >= g.named && 4L * g.passwords.count() <= accounts) {
            int p = g.passwords.count();
            return new Call(AttackKind.PASSWORD_SPRAY, Words.count(p, "password") + " tried over "
                    + Words.count(accounts, "account") + " (by the password fingerprints)");
        }
        double perAccount = (double) s.namedFailures / accounts;
        Share share = share(s, g);
        if (share == null || share.unknown < c.stuffingUnknownShare()) {
            return new Call(AttackKind.PASSWORD_SPRAY, share == null ? null : share.describe(true));
        }
        String unknown = share.describe(false);
        if (perAccount > PAIRS_MAX_PER_ACCOUNT) {
            return new Call(AttackKind.BRUTE_FORCE, unknown + ", " + Words.decimal(perAccount)
                    + " guesses per name: a dictionary, not a list of pairs");
        }
        if (!mostlyAddresses(s.failedAccounts.known())) {
            if (share.unknown <= MOST) {
                return new Call(AttackKind.PASSWORD_SPRAY, share.describe(true) + "; " + Words.count(accounts, "name")
                        + " without a domain, " + Words.decimal(perAccount) + " guesses each: a list of user names, not a dictionary");
            }
            if (s.namedFailures <= accounts && g.existing >= 2) {
                // each name tried once, and several of them exist (a wrong password on each): one password
                // sprayed over a list of names, some guessed or stale (kerbrute; EVTX-ATTACK-SAMPLES'
                // kerberos_pwd_spray_4771) — a dictionary tries several passwords per name, or misses them all
                return new Call(AttackKind.PASSWORD_SPRAY, unknown + ", " + Words.count(g.existing, "guess", "guesses")
                        + " on accounts that exist; " + Words.count(accounts, "name") + " without a domain, one guess each:"
                        + " a password sprayed over a list of user names, not a dictionary");
            }
            return new Call(AttackKind.BRUTE_FORCE, unknown + "; " + Words.count(accounts, "name")
                    + " without a domain, " + Words.decimal(perAccount) + " guesses each: a dictionary of user names");
        }
        return new Call(AttackKind.CREDENTIAL_STUFFING, unknown + ", " + Words.decimal(perAccount)
                + " guesses per address: a list of leaked pairs");
    }

    /**
     * True when at least half of the names are e-mail addresses (user@domain): people's identities, as
     * leaked lists carry them. Bare names (root, admin, oracle, jsmith) are what a dictionary guesses.
     */
    static boolean mostlyAddresses(List<String> names) {
        int at = 0;
        for (String n : names) {
            int i = n.indexOf('@');
            if (i > 0 && i < n.length() - 1) at++;
        }
        return !names.isEmpty() && 2 * at >= names.size();
    }

    /** Share of unknown accounts (by guesses or by names), and what says so. */
    private record Share(double unknown, boolean byReason) {
        /** The share of unknown accounts in words, or (when {@code known}) of accounts that exist. */
        String describe(boolean known) {
            if (byReason) {
                return known ? Words.percent(1 - unknown) + " of the guesses on accounts that exist (the log's reasons)"
                        : Words.percent(unknown) + " of the guesses on accounts that do not exist (the log's reasons)";
            }
            return known ? Words.percent(1 - unknown) + " of the names log in during the input"
                    : Words.percent(unknown) + " of the names never log in during the input";
        }
    }

    /**
     * From the log's reasons when they explain at least half of the guesses; else from logins, in a log
     * where absence means something; else null (the log does not say).
     */
    private Share share(SourceState s, Guesses g) {
        int reasoned = g.unknown + g.existing;
        if (reasoned > 0 && 2L * reasoned >= g.named) {
            return new Share((double) g.unknown / reasoned, true);
        }
        List<String> named = s.failedAccounts.known();
        if (named.isEmpty()) {
            return null;
        }
        if (!absenceIsEvidence()) {
            return null; // a script's pace says "attacker" (Judge), not which kind: that needs the log's word
        }
        int never = neverLoggedIn(named);
        double u = (double) never / named.size();
        return new Share(u, false);
    }
}
