package dev.portcullis.cli;

import dev.portcullis.core.investigate.AccountInvestigation;
import dev.portcullis.core.investigate.AttackerSession;
import dev.portcullis.core.investigate.Forwarding;
import dev.portcullis.core.investigate.TimelineEntry;
import dev.portcullis.core.investigate.Totals;
import dev.portcullis.ingest.ParseStats;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The investigate terminal report: per account its verdict, what the attacker took and changed, the
 * forwarding set, the sessions and the start of the timeline. Log-derived text passes through
 * {@link Terminal#safe}.
 */
final class InvestigationText {
    private static final int SESSIONS = 20;
    private static final int TIMELINE = 60;

    static void write(ParseStats stats, List<AccountInvestigation> results, PrintWriter out) {
        out.println("PORTCULLIS INVESTIGATION — was data lost?");
        out.printf("%,d events, %s to %s%n%n", stats.events(), time(stats.first()), time(stats.last()));
        if (results.isEmpty()) {
            out.println("No compromised account found, and none named with --account.");
        }
        for (AccountInvestigation a : results) {
            out.printf("ACCOUNT %s — %s%s%n", Terminal.safe(a.account()), a.verdict().label().toUpperCase(Locale.ROOT),
                    a.verdictWithLikely() != a.verdict() ? " (" + a.verdictWithLikely().label() + " counting likely attacker sessions)" : "");
            out.printf("  compromised at %s from %s; %,d failed guesses from the attacker's addresses%n",
                    time(a.compromisedAt()), a.attackerSources().isEmpty() ? "-" : String.join(", ",
                            a.attackerSources().subList(0, Math.min(5, a.attackerSources().size())))
                            + (a.attackerSources().size() > 5 ? " +" + (a.attackerSources().size() - 5) + " more" : ""),
                    a.failedGuesses());
            totals(out, "attacker", a.attacker());
            if (a.likely().sessions() > 0) {
                totals(out, "likely attacker", a.likely());
            }
            for (Forwarding f : a.forwardings()) {
                out.printf("  FORWARDING to %s at %s (%s) from %s — %s%n", Terminal.safe(f.target()), time(f.time()),
                        Terminal.safe(f.how()), f.source() == null ? "-" : f.source(), f.attribution().label());
            }
            if (!a.sessions().isEmpty()) {
                out.println("  sessions:");
                for (AttackerSession s : a.sessions().subList(0, Math.min(SESSIONS, a.sessions().size()))) {
                    Totals t = s.totals();
                    out.printf("    %s to %s  %-6s %-39s %,7d msgs %,14d bytes %,4d changes  %s%n", time(s.start()),
                            time(s.end()), s.service() == null ? "-" : Terminal.safe(s.service()),
                            s.source() == null ? "-" : s.source(), t.messages() + t.itemsRead(), t.messageBytes(),
                            t.mailboxChanges(), s.attribution().label());
                }
                if (a.sessions().size() > SESSIONS) {
                    out.printf("    … %d more (see --format json)%n", a.sessions().size() - SESSIONS);
                }
            }
            out.println("  timeline:");
            for (TimelineEntry t : a.timeline().subList(0, Math.min(TIMELINE, a.timeline().size()))) {
                out.printf("    %s  %-39s %s  [%s]%n", time(t.time()), t.source() == null ? "-" : t.source(),
                        Terminal.safe(t.what()), Terminal.safe(t.where()));
            }
            if (a.timeline().size() > TIMELINE) {
                out.printf("    … %d more entries (see --format json)%n", a.timeline().size() - TIMELINE);
            }
            for (String n : a.notes()) {
                out.printf("  note: %s%n", Terminal.safe(n));
            }
            out.println();
        }
    }

    private static void totals(PrintWriter out, String who, Totals t) {
        out.printf("  %s: %,d sessions; downloaded %,d messages (%,d bytes of bodies, %,d bytes sent in all)", who,
                t.sessions(), t.messages(), t.messageBytes(), t.bytesOut());
        if (t.itemsRead() > 0 || t.foldersSynced() > 0) {
            out.printf("; M365: %,d items read, %,d folders synchronised whole", t.itemsRead(), t.foldersSynced());
        }
        out.printf("; mailbox changes %,d (copies %,d, deletes %,d, expunges %,d, saves %,d, flags %,d, folders %,d)%n",
                t.mailboxChanges(), t.copies(), t.deletes(), t.expunges(), t.saves(), t.flagChanges(), t.folderChanges());
    }

    static String time(Instant t) {
        return t == null ? "-" : t.toString().replace('T', ' ').replaceAll("(\\.\\d+)?Z$", "Z");
    }
}
