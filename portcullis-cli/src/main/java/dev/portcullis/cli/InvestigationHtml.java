package dev.portcullis.cli;

import dev.portcullis.core.investigate.AccountInvestigation;
import dev.portcullis.core.investigate.AttackerSession;
import dev.portcullis.core.investigate.Forwarding;
import dev.portcullis.core.investigate.TimelineEntry;
import dev.portcullis.core.investigate.Totals;
import dev.portcullis.core.investigate.Verdict;
import dev.portcullis.ingest.ParseStats;

import java.util.List;

/**
 * The investigate report as one self-contained HTML file (inline CSS, no scripts, no external
 * resources: it opens offline and can be mailed). Every value from a log is escaped through
 * {@link ReportHtml#esc}.
 */
final class InvestigationHtml {
    private static final int ROWS = 2_000;

    static String write(ParseStats stats, List<AccountInvestigation> results) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portcullis investigation</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{margin:0 0 .2em}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:left;vertical-align:top}th{background:#f3f3f3}.num{text-align:right}"
                        + ".small{color:#555;font-size:12px}.v{display:inline-block;padding:2px 8px;border-radius:3px;color:#fff}"
                        + ".no_access{background:#2e7d32}.accessed{background:#f9a825}.downloaded{background:#ef6c00}"
                        + ".altered{background:#c62828}.forwarding{background:#6a1b9a}section{border-top:2px solid #ddd;padding-top:.5em}")
                .append("</style></head><body><h1>Portcullis investigation — was data lost?</h1><p class=\"small\">")
                .append(String.format("%,d events", stats.events())).append(", ").append(esc(String.valueOf(stats.first())))
                .append(" to ").append(esc(String.valueOf(stats.last()))).append("</p>");
        h.append("<table><tr><th>account</th><th>verdict</th><th>compromised at</th><th>messages</th><th>bytes</th>"
                + "<th>mailbox changes</th><th>forwarding</th></tr>");
        for (AccountInvestigation a : results) {
            h.append("<tr><td><a href=\"#").append(esc(a.account())).append("\">").append(esc(a.account()))
                    .append("</a></td><td>").append(badge(a.verdict())).append("</td><td>")
                    .append(esc(InvestigationText.time(a.compromisedAt()))).append("</td><td class=\"num\">")
                    .append(a.attacker().messages() + a.attacker().itemsRead()).append("</td><td class=\"num\">")
                    .append(String.format("%,d", a.attacker().messageBytes())).append("</td><td class=\"num\">")
                    .append(a.attacker().mailboxChanges()).append("</td><td>")
                    .append(esc(String.join(", ", a.forwardings().stream().map(Forwarding::target).distinct().toList())))
                    .append("</td></tr>");
        }
        h.append("</table>");
        for (AccountInvestigation a : results) {
            account(h, a);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void account(StringBuilder h, AccountInvestigation a) {
        h.append("<section id=\"").append(esc(a.account())).append("\"><h2>").append(esc(a.account())).append(' ')
                .append(badge(a.verdict())).append("</h2><p>Compromised at ").append(esc(InvestigationText.time(a.compromisedAt())))
                .append(" from ").append(esc(String.join(", ", a.attackerSources()))).append("; ")
                .append(a.failedGuesses()).append(" failed guesses from the attacker's addresses.");
        if (a.verdictWithLikely() != a.verdict()) {
            h.append(" Counting likely attacker sessions: ").append(badge(a.verdictWithLikely()));
        }
        h.append("</p><table><tr><th></th><th>sessions</th><th>messages</th><th>body bytes</th><th>bytes sent</th>"
                + "<th>M365 items read</th><th>folders synced</th><th>copies</th><th>deletes</th><th>expunges</th>"
                + "<th>saves</th><th>flags</th><th>folders</th></tr>");
        totals(h, "attacker", a.attacker());
        totals(h, "likely attacker", a.likely());
        h.append("</table>");
        if (!a.forwardings().isEmpty()) {
            h.append("<h3>Forwarding</h3><table><tr><th>time</th><th>to</th><th>how</th><th>from</th><th>by</th><th>where</th></tr>");
            for (Forwarding f : a.forwardings()) {
                h.append("<tr><td>").append(esc(InvestigationText.time(f.time()))).append("</td><td>").append(esc(f.target()))
                        .append("</td><td>").append(esc(f.how())).append("</td><td>").append(esc(f.source())).append("</td><td>")
                        .append(esc(f.attribution().label())).append("</td><td class=\"small\">")
                        .append(esc(f.file() == null ? "" : f.file() + ":" + f.line())).append("</td></tr>");
            }
            h.append("</table>");
        }
        if (!a.sessions().isEmpty()) {
            h.append("<h3>Sessions</h3><table><tr><th>start</th><th>end</th><th>service</th><th>address</th><th>messages</th>"
                    + "<th>body bytes</th><th>changes</th><th>attribution</th></tr>");
            for (AttackerSession s : a.sessions().subList(0, Math.min(ROWS, a.sessions().size()))) {
                h.append("<tr><td>").append(esc(InvestigationText.time(s.start()))).append("</td><td>")
                        .append(esc(InvestigationText.time(s.end()))).append("</td><td>").append(esc(s.service()))
                        .append("</td><td>").append(esc(s.source())).append("</td><td class=\"num\">")
                        .append(s.totals().messages() + s.totals().itemsRead()).append("</td><td class=\"num\">")
                        .append(String.format("%,d", s.totals().messageBytes())).append("</td><td class=\"num\">")
                        .append(s.totals().mailboxChanges()).append("</td><td class=\"small\">")
                        .append(esc(s.attribution().label() + ": " + s.why())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h3>Timeline</h3><table><tr><th>time</th><th>address</th><th>what</th><th>where</th></tr>");
        for (TimelineEntry t : a.timeline().subList(0, Math.min(ROWS, a.timeline().size()))) {
            h.append("<tr><td>").append(esc(InvestigationText.time(t.time()))).append("</td><td>").append(esc(t.source()))
                    .append("</td><td>").append(esc(t.what())).append("</td><td class=\"small\">").append(esc(t.where()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        for (String n : a.notes()) {
            h.append("<p class=\"small\">Note: ").append(esc(n)).append("</p>");
        }
        h.append("</section>");
    }

    private static void totals(StringBuilder h, String who, Totals t) {
        h.append("<tr><th>").append(who).append("</th>");
        for (long v : new long[] {t.sessions(), t.messages(), t.messageBytes(), t.bytesOut(), t.itemsRead(), t.foldersSynced(),
            t.copies(), t.deletes(), t.expunges(), t.saves(), t.flagChanges(), t.folderChanges()}) {
            h.append("<td class=\"num\">").append(String.format("%,d", v)).append("</td>");
        }
        h.append("</tr>");
    }

    private static String badge(Verdict v) {
        return "<span class=\"v " + v.label() + "\">" + v.label().replace('_', ' ') + "</span>";
    }

    private static String esc(String s) {
        return ReportHtml.esc(s);
    }
}
