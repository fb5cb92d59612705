package dev.portcullis.cli;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.Words;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.engine.SourceVerdict;
import dev.portcullis.ingest.ParseStats;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * The morning-after terminal report: compromised accounts first, then attacks, then the top attacking
 * addresses, then accounts with stale passwords, then the parse summary. All log-derived text passes
 * through {@link Terminal#safe}.
 */
final class ReportText {
    private static final int TOP = 20;

    static void write(ParseStats stats, Findings f, PrintWriter out) {
        List<AccountVerdict> comp = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED).toList();
        out.println("PORTCULLIS REPORT");
        out.printf("%,d authentication events, %s to %s%n%n", stats.events(), time(stats.first()), time(stats.last()));
        if (comp.isEmpty()) {
            out.println("Compromised accounts: none found.");
        } else {
            out.printf("COMPROMISED ACCOUNTS: %d — reset their passwords, end their sessions, check what was read.%n", comp.size());
            for (AccountVerdict a : comp) {
                out.printf("  %-36s since %s  from %s%n", Terminal.safe(a.account()), time(a.compromisedAt()),
                        String.join(", ", a.attackerSources().subList(0, Math.min(4, a.attackerSources().size())))
                                + (a.attackerSources().size() > 4 ? " +" + (a.attackerSources().size() - 4) + " more" : ""));
                for (String ev : a.evidence().subList(0, Math.min(2, a.evidence().size()))) {
                    out.printf("      %s%n", Terminal.safe(ev));
                }
            }
        }
        out.println();
        if (f.attacks().isEmpty()) {
            out.println("Attacks: none found.");
        } else {
            out.printf("ATTACKS: %d%n", f.attacks().size());
            out.printf("  %-4s %-20s %-20s %-20s %9s %9s %9s %5s%n", "id", "kind", "start", "end", "addresses",
                    "accounts", "guesses", "broke");
            for (Detection d : f.attacks()) {
                out.printf("  %-4s %-20s %-20s %-20s %,9d %9s %,9d %5d%n", d.id(), d.kind().label(), time(d.start()),
                        time(d.end()), d.sources().size(), accounts(d.accountsTargeted(), d.attempts()), d.attempts(),
                        d.compromised().size());
            }
            for (Detection d : f.attacks()) {
                for (String ev : d.evidence()) {
                    out.printf("  %s: %s%n", d.id(), Terminal.safe(ev));
                }
            }
        }
        List<SourceVerdict> attackers = f.sources().stream()
                .filter(s -> s.verdict() == SourceVerdict.Kind.ATTACKER && !Addresses.isHost(s.ip())).toList();
        if (!attackers.isEmpty()) {
            out.printf("%nTOP ATTACKING ADDRESSES (%,d in all; block them):%n", attackers.size());
            attackerRows(out, attackers);
        }
        List<SourceVerdict> hosts = f.sources().stream()
                .filter(s -> s.verdict() == SourceVerdict.Kind.ATTACKER && Addresses.isHost(s.ip())).toList();
        if (!hosts.isEmpty()) {
            out.printf("%nATTACKING COMPUTERS (%,d; named by the log, no client address: a workstation, or a host name"
                    + " from reverse DNS, which the attacker can choose; not IPs, nothing to block; investigate them):%n", hosts.size());
            attackerRows(out, hosts);
        }
        long suspicious = f.sources().stream().filter(s -> s.verdict() == SourceVerdict.Kind.SUSPICIOUS).count();
        if (suspicious > 0) {
            out.printf("  and %,d suspicious %s (see --format json)%n", suspicious, Words.noun(suspicious, "address", "addresses"));
        }
        long probing = f.sources().stream().filter(s -> s.verdict() == SourceVerdict.Kind.PROBING).count();
        if (probing > 0) {
            out.printf("  and %,d %s probing for account names that do not exist, no guesses (see --format json)%n", probing,
                    Words.noun(probing, "address", "addresses"));
        }
        List<AccountVerdict> stale = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.STALE_CREDENTIALS).toList();
        if (!stale.isEmpty()) {
            out.printf("%nSTALE PASSWORDS ON DEVICES (help-desk work, not attacks): %d%n", stale.size());
            stale.stream().limit(TOP).forEach(a -> out.printf("  %-36s %s%n", Terminal.safe(a.account()),
                    Terminal.safe(a.evidence().isEmpty() ? "" : a.evidence().get(0))));
        }
        long targeted = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.TARGETED).count();
        if (targeted > 0) {
            out.printf("%nAccounts targeted by attackers but not broken into: %,d (see --format json)%n", targeted);
        }
        if (!stats.noPreauthAccounts().isEmpty()) {
            List<String> names = List.copyOf(stats.noPreauthAccounts());
            out.printf("%nACCOUNTS WITHOUT KERBEROS PRE-AUTHENTICATION (AS-REP roastable, not logins): %,d — "
                    + "require pre-authentication on them:%n  %s%s%n", names.size(),
                    Terminal.safe(String.join(", ", names.subList(0, Math.min(TOP, names.size())))),
                    names.size() > TOP ? " +" + (names.size() - TOP) + " more" : "");
        }
        out.println();
        Summary.text(stats, out);
    }

    /** An account count, or "none" when guesses named no account (Postfix SASL): not a count of zero accounts. */
    static String accounts(long accounts, long guesses) {
        return accounts == 0 && guesses > 0 ? "none" : String.format("%,d", accounts);
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString().replace('T', ' ').replaceAll("(\\.\\d+)?Z$", "Z");
    }

    private static void attackerRows(PrintWriter out, List<SourceVerdict> rows) {
        rows.stream().sorted((a, b) -> Long.compare(b.failures(), a.failures())).limit(TOP)
                .forEach(s -> out.printf("  %-40s %,8d %-9s %6s %-9s %s%n", Terminal.safe(s.ip()), s.failures(),
                        Words.noun(s.failures(), "failure"), accounts(s.accounts(), s.failures()),
                        s.accounts() == 0 && s.failures() > 0 ? "named" : Words.noun(s.accounts(), "account"),
                        String.join(",", s.attacks())));
    }
}
