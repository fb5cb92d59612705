package dev.portcullis.cli;

import dev.portcullis.core.EventJson;
import dev.portcullis.ingest.ParseStats;

import java.io.PrintWriter;
import java.util.Map;

/** The parse summary: what was read, by format, service and outcome, and what was not understood. */
final class Summary {
    private Summary() {
    }

    static void text(ParseStats s, PrintWriter out) {
        if (s.notRead() > 0) {
            out.printf("Read %,d lines: %,d events, %,d ignored (not about logins), %,d of programs not read, %,d unparsed%n",
                    s.lines(), s.events(), s.ignored(), s.notRead(), s.unparsed());
            out.printf("Lines of programs not read: %s%n", notRead(s.programsNotRead()));
        } else {
            out.printf("Read %,d lines: %,d events, %,d ignored (not about logins), %,d unparsed%n",
                    s.lines(), s.events(), s.ignored(), s.unparsed());
        }
        if (s.first() != null) {
            out.printf("Time span: %s to %s%n", s.first(), s.last());
        }
        s.localTimes().forEach((file, zone) -> out.printf("Times in %s carry no zone (a host's local clock): "
                + "read as %s; give --timezone ZONE if that host's clock was another%n", Terminal.safe(file), zone));
        // failures are guesses (a line with N attempts counts N); successes are successful logins by any
        // method (password, key, Kerberos ticket), one per event: not "guesses that succeeded"
        out.printf("Failed password guesses: %,d; successful logins (any method): %,d%n", s.failures(), s.successes());
        table(out, "Events by format", s.byFormat());
        table(out, "Login events by service (failed and successful)", s.byService());
        table(out, "Events by kind", s.byKind());
        if (s.unparsed() > 0) {
            out.printf("%nUnparsed lines: %,d (samples, secrets redacted):%n", s.unparsed());
            for (ParseStats.Sample x : s.samples()) {
                out.printf("  %s:%d: %s%n", Terminal.safe(x.file()), x.line(), Terminal.safe(x.text()));
            }
        }
        if (s.suspects() > 0) {
            out.printf("%nSuspect lines: %,d (two address anchors, a forged user name: read without a source, guess counted):%n",
                    s.suspects());
            for (ParseStats.Sample x : s.suspectSamples()) {
                out.printf("  %s:%d: %s%n", Terminal.safe(x.file()), x.line(), Terminal.safe(x.text()));
            }
        }
        if (s.truncatedLines() > 0) {
            out.printf("Lines longer than 64 KiB, cut: %,d%n", s.truncatedLines());
        }
    }

    /** "smb 6, sudo 3, others 4": the programs' names are the log's, already cleaned by ParseStats. */
    static String notRead(ParseStats.NotRead n) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : n.top()) {
            if (b.length() > 0) b.append(", ");
            b.append(Terminal.safe(e.getKey())).append(' ').append(String.format("%,d", e.getValue()));
        }
        if (n.others() > 0) {
            b.append(b.length() > 0 ? ", " : "").append(String.format("others %,d", n.others()));
        }
        return b.toString();
    }

    private static void table(PrintWriter out, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.printf("%n%s:%n", title);
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.printf("  %-14s %,12d%n", Terminal.safe(e.getKey()), e.getValue()));
    }

    /** The "summary" object of the analyze JSON report (DESIGN.md contract), without a trailing newline. */
    static void json(ParseStats s, StringBuilder sb) {
        EventJson time = new EventJson();
        sb.append("{\"events\":").append(s.events())
                .append(",\"attempts\":").append(s.attempts())
                .append(",\"failures\":").append(s.failures())
                .append(",\"successes\":").append(s.successes())
                .append(",\"first\":");
        if (s.first() == null) {
            sb.append("null");
        } else {
            sb.append('"');
            time.time(s.first(), sb);
            sb.append('"');
        }
        sb.append(",\"last\":");
        if (s.last() == null) {
            sb.append("null");
        } else {
            sb.append('"');
            time.time(s.last(), sb);
            sb.append('"');
        }
        sb.append(",\"lines\":").append(s.lines())
                .append(",\"ignored_lines\":").append(s.ignored())
                .append(",\"not_read_lines\":").append(s.notRead())
                .append(",\"unparsed_lines\":").append(s.unparsed())
                .append(",\"suspect_lines\":").append(s.suspects());
        ParseStats.NotRead notRead = s.programsNotRead();
        sb.append(",\"programs_not_read\":{");
        boolean firstProgram = true;
        for (Map.Entry<String, Long> e : notRead.top()) {
            if (!firstProgram) sb.append(',');
            firstProgram = false;
            EventJson.string(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        sb.append("},\"programs_not_read_others\":").append(notRead.others());
        map(sb, "formats", s.byFormat());
        map(sb, "services", s.byService());
        sb.append(",\"unparsed_samples\":[");
        boolean first = true;
        for (ParseStats.Sample x : s.samples()) {
            if (!first) sb.append(',');
            first = false;
            sb.append("{\"file\":");
            EventJson.string(sb, x.file());
            sb.append(",\"line\":").append(x.line()).append(",\"text\":");
            EventJson.string(sb, x.text());
            sb.append('}');
        }
        sb.append("]}");
    }

    private static void map(StringBuilder sb, String name, Map<String, Long> m) {
        sb.append(",\"").append(name).append("\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            EventJson.string(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        sb.append('}');
    }

    /** After `parse`: one line on stderr when something was not understood, one when lines looked forged. */
    static void unparsedNote(ParseStats s, PrintWriter err) {
        if (s.suspects() > 0) {
            ParseStats.Sample x = s.suspectSamples().get(0);
            err.printf("portcullis: %,d suspect %s (forged address anchor: no source taken); first: %s:%d: %s%n",
                    s.suspects(), s.suspects() == 1 ? "line" : "lines", Terminal.safe(x.file()), x.line(),
                    Terminal.safe(x.text()));
            err.flush();
        }
        if (s.unparsed() == 0) {
            return;
        }
        err.printf("portcullis: %,d of %,d lines not understood; first: %s:%d: %s%n", s.unparsed(), s.lines(),
                Terminal.safe(s.samples().get(0).file()), s.samples().get(0).line(),
                Terminal.safe(s.samples().get(0).text()));
        err.flush();
    }
}
