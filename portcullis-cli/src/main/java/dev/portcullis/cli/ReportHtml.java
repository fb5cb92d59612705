package dev.portcullis.cli;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.engine.SourceVerdict;
import dev.portcullis.ingest.ParseStats;

import java.time.Instant;
import java.util.List;

/**
 * The analyze report as one self-contained HTML file (no scripts, no external resources: it opens
 * offline and can be mailed): a timeline of guesses per interval by outcome (inline SVG), then the same
 * sections as the text report, with the suspicious and probing sources in tables of their own, apart
 * from the addresses to block, and named computers ({@code host:}) marked as not addresses. Every value
 * from a log is HTML-escaped.
 */
final class ReportHtml {
    private static final int TABLE_ROWS = 200;

    static String write(ParseStats stats, Findings f, Timeline timeline) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portcullis report</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{margin:0 0 .2em}"
                        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:left;vertical-align:top}th{background:#f3f3f3}.bad{color:#b00020;font-weight:600}.ok{color:#2e7d32}"
                        + ".num{text-align:right}.small{color:#555;font-size:12px}svg{border:1px solid #ddd}")
                .append("</style></head><body>");
        h.append("<h1>Portcullis report</h1><p class=\"small\">").append(String.format("%,d", stats.events()))
                .append(" authentication events, ").append(esc(String.valueOf(stats.first()))).append(" to ")
                .append(esc(String.valueOf(stats.last()))).append("</p>");
        chart(h, timeline);
        List<AccountVerdict> comp = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED).toList();
        // alarm red only when there is something to act on
        h.append(comp.isEmpty() ? "<h2 class=\"ok\">Compromised accounts: none found</h2>"
                : "<h2 class=\"bad\">Compromised accounts: " + comp.size() + "</h2>");
        if (!comp.isEmpty()) {
            h.append("<table><tr><th>account</th><th>since</th><th>attacker addresses</th><th>evidence</th></tr>");
            for (AccountVerdict a : comp) {
                h.append("<tr><td>").append(esc(a.account())).append("</td><td>").append(esc(String.valueOf(a.compromisedAt())))
                        .append("</td><td>").append(esc(String.join(", ", a.attackerSources()))).append("</td><td>")
                        .append(esc(String.join(" · ", a.evidence()))).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>Attacks: ").append(f.attacks().size()).append("</h2>");
        if (!f.attacks().isEmpty()) {
            h.append("<table><tr><th>id</th><th>kind</th><th>start</th><th>end</th><th>addresses</th><th>accounts</th>"
                    + "<th>guesses</th><th>compromised</th><th>evidence</th></tr>");
            for (Detection d : f.attacks()) {
                h.append("<tr><td>").append(esc(d.id())).append("</td><td>").append(esc(d.kind().label())).append("</td><td>")
                        .append(d.start()).append("</td><td>").append(d.end()).append("</td><td class=\"num\">")
                        .append(d.sources().size()).append("</td><td class=\"num\">").append(ReportText.accounts(d.accountsTargeted(), d.attempts()))
                        .append("</td><td class=\"num\">").append(d.attempts()).append("</td><td>")
                        .append(esc(String.join(", ", d.compromised()))).append("</td><td>")
                        .append(esc(String.join(" · ", d.evidence()))).append("</td></tr>");
            }
            h.append("</table>");
        }
        // as the text report: addresses to block, then named computers (not addresses), then the small
        // guessers and the probes, each apart from the block list
        List<SourceVerdict> attackers = sources(f, SourceVerdict.Kind.ATTACKER, false);
        h.append("<h2>Attacking addresses: ").append(attackers.size()).append("</h2>");
        if (!attackers.isEmpty()) {
            h.append("<p class=\"small\">Part of the attacks above: block these.</p>");
            sourceTable(h, attackers, true, true);
        }
        List<SourceVerdict> computers = sources(f, SourceVerdict.Kind.ATTACKER, true);
        if (!computers.isEmpty()) {
            h.append("<h2>Attacking computers: ").append(computers.size()).append("</h2><p class=\"small\">Computers ")
                    .append(NAMED).append(" Investigate them.</p>");
            sourceTable(h, computers, true, true);
        }
        List<SourceVerdict> suspicious = sources(f, SourceVerdict.Kind.SUSPICIOUS, null);
        if (!suspicious.isEmpty()) {
            h.append("<h2>Suspicious sources: ").append(suspicious.size()).append("</h2><p class=\"small\">Not part of an "
                    + "attack and not on the block list: guessing too little for an attack but more than a user's typos (two "
                    + "accounts or more, or half a brute force within its window), never getting in. Watch them.")
                    .append(namedNote(suspicious)).append("</p>");
            sourceTable(h, suspicious, false, true);
        }
        List<SourceVerdict> probing = sources(f, SourceVerdict.Kind.PROBING, null);
        if (!probing.isEmpty()) {
            h.append("<h2>Probing sources: ").append(probing.size()).append("</h2><p class=\"small\">Not part of an "
                    + "attack and not on the block list: asked for account names that do not exist (<code>Invalid user</code>), "
                    + "with no password or fewer guesses than a suspicious source, never logging in.")
                    .append(namedNote(probing)).append("</p>");
            sourceTable(h, probing, false, false);
        }
        List<AccountVerdict> stale = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.STALE_CREDENTIALS).toList();
        h.append("<h2>Stale passwords on devices: ").append(stale.size()).append("</h2>");
        if (!stale.isEmpty()) {
            h.append("<table><tr><th>account</th><th>evidence</th></tr>");
            for (AccountVerdict a : stale) {
                h.append("<tr><td>").append(esc(a.account())).append("</td><td>").append(esc(String.join(" · ", a.evidence())))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        List<ParseStats.NoPreauth> roastable = stats.noPreauth();
        if (!roastable.isEmpty()) {
            h.append("<h2>Accounts without Kerberos pre-authentication: ").append(roastable.size())
                    .append("</h2><p class=\"small\">Tickets issued with PreAuthType 0 (Windows 4768): no password was "
                            + "checked, so these are not logins; anyone can ask for such a ticket and crack it offline "
                            + "(AS-REP roasting). Require pre-authentication on these accounts.</p>")
                    .append("<table><tr><th>account</th><th>tickets</th><th>first seen</th><th>last seen</th>"
                            + "<th>requested from</th><th>issued by</th></tr>");
            for (ParseStats.NoPreauth n : roastable.subList(0, Math.min(TABLE_ROWS, roastable.size()))) {
                h.append("<tr><td>").append(esc(n.account())).append("</td><td class=\"num\">").append(n.count())
                        .append("</td><td>").append(esc(String.valueOf(n.first()))).append("</td><td>")
                        .append(esc(String.valueOf(n.last()))).append("</td><td>").append(esc(String.join(", ", n.sources())))
                        .append("</td><td>").append(esc(String.join(", ", n.issuers()))).append("</td></tr>");
            }
            h.append("</table>");
            if (roastable.size() > TABLE_ROWS) {
                h.append("<p class=\"small\">… and ").append(roastable.size() - TABLE_ROWS)
                        .append(" more in the JSON report.</p>");
            }
        }
        h.append("<h2>What was read</h2><p>").append(String.format("%,d lines: %,d events, %,d not about logins, %,d unparsed.",
                stats.lines(), stats.events(), stats.ignored(), stats.unparsed()));
        if (stats.notRead() > 0) {
            h.append(String.format(" %,d lines of programs not read: ", stats.notRead()))
                    .append(esc(Summary.notRead(stats.programsNotRead()))).append('.');
        }
        h.append("</p><table><tr><th>format</th><th>events</th></tr>");
        stats.byFormat().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td class=\"num\">").append(v).append("</td></tr>"));
        h.append("</table></body></html>\n");
        return h.toString();
    }

    private static final String NAMED = "named by the log, which gives no client address: a workstation, or a host name from "
            + "reverse DNS, which the attacker can choose. Not IP addresses, nothing to block.";

    /** The sources with this verdict, most failures first; {@code named}: only host: sources, only addresses, or both (null). */
    private static List<SourceVerdict> sources(Findings f, SourceVerdict.Kind kind, Boolean named) {
        return f.sources().stream().filter(s -> s.verdict() == kind && (named == null || Addresses.isHost(s.ip()) == named))
                .sorted((a, b) -> Long.compare(b.failures(), a.failures())).toList();
    }

    private static String namedNote(List<SourceVerdict> rows) {
        return rows.stream().anyMatch(s -> Addresses.isHost(s.ip()))
                ? " Sources marked <em>not an address</em> are computers " + NAMED : "";
    }

    /**
     * One row per source; {@code accounts}: an accounts column, else a probes column (for probes, whose
     * names asked for are no failed accounts).
     */
    private static void sourceTable(StringBuilder h, List<SourceVerdict> rows, boolean attacks, boolean accounts) {
        h.append("<table><tr><th>source</th><th>failures</th>").append(accounts ? "<th>accounts</th>" : "<th>probes</th>")
                .append(attacks ? "<th>attacks</th>" : "").append("<th>why</th></tr>");
        for (SourceVerdict s : rows.subList(0, Math.min(TABLE_ROWS, rows.size()))) {
            h.append("<tr><td>").append(esc(s.ip()));
            if (Addresses.isHost(s.ip())) {
                h.append(" <span class=\"small\">(not an address)</span>");
            }
            h.append("</td><td class=\"num\">").append(s.failures()).append("</td>");
            if (accounts) {
                h.append("<td class=\"num\">").append(ReportText.accounts(s.accounts(), s.failures())).append("</td>");
            } else {
                h.append("<td class=\"num\">").append(s.probes()).append("</td>");
            }
            if (attacks) {
                h.append("<td>").append(esc(String.join(",", s.attacks()))).append("</td>");
            }
            h.append("<td class=\"small\">").append(esc(s.why())).append("</td></tr>");
        }
        h.append("</table>");
        if (rows.size() > TABLE_ROWS) {
            h.append("<p class=\"small\">… and ").append(rows.size() - TABLE_ROWS).append(" more in the JSON report.</p>");
        }
    }

    /** Stacked bars: failed guesses (red) over successes (green), per interval. */
    private static void chart(StringBuilder h, Timeline timeline) {
        long[][] bins = timeline.bins(480);
        if (bins.length == 0) {
            return;
        }
        int w = 960;
        int ht = 220;
        long max = 1;
        for (long[] b : bins) max = Math.max(max, b[1] + b[2]);
        double bw = (double) w / bins.length;
        long minutesPerBin = bins.length > 1 ? bins[1][0] - bins[0][0] : 1;
        h.append("<h2>Guesses per ").append(minutesPerBin == 1 ? "minute" : minutesPerBin + " minutes")
                .append("</h2><svg width=\"").append(w).append("\" height=\"").append(ht + 20)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(ht + 20).append("\" role=\"img\" aria-label=\"timeline\">");
        for (int i = 0; i < bins.length; i++) {
            double x = i * bw;
            double fh = (double) bins[i][1] / max * ht;
            double sh = (double) bins[i][2] / max * ht;
            if (sh > 0) {
                h.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"#2e7d32\"/>", x, ht - sh, bw, sh));
            }
            if (fh > 0) {
                h.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"#c62828\"/>", x,
                        ht - sh - fh, bw, fh));
            }
        }
        h.append(String.format("<text x=\"2\" y=\"%d\" font-size=\"11\">%s</text>", ht + 15, Instant.ofEpochSecond(bins[0][0] * 60)));
        h.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>", w - 2, ht + 15,
                Instant.ofEpochSecond(bins[bins.length - 1][0] * 60)));
        h.append(String.format("<text x=\"4\" y=\"12\" font-size=\"11\">max %,d per bin · red: failed guesses · green: logins</text>", max));
        h.append("</svg>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c < 0x20 ? '?' : c);
            }
        }
        return b.toString();
    }
}
