package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run read: lines, events by format / service / result, the time span, and the lines nobody
 * could read, with a few redacted samples (file and line included). Single-threaded.
 */
public final class ParseStats {
    /** Samples kept, so an operator can see what was not understood. */
    public static final int MAX_SAMPLES = 10;
    private static final int SAMPLE_CHARS = 300;

    /** One unparsed line, redacted and clipped. */
    public record Sample(String file, long line, String text) {
    }

    private long lines;
    private long events;
    private long attempts;
    private long failures;
    private long successes;
    private long ignored;
    private long unparsed;
    private long truncatedLines;
    private Instant first;
    private Instant last;
    private final Map<String, Long> byFormat = new TreeMap<>();
    private final Map<String, Long> byService = new TreeMap<>();
    private final Map<String, Long> byKind = new TreeMap<>();
    private final List<Sample> samples = new ArrayList<>();

    void line(Status s, String text, InputContext ctx) {
        lines++;
        if (s == Status.IGNORED) {
            ignored++;
        } else if (s == Status.UNPARSED || s == Status.UNRECOGNISED) {
            unparsed++;
            if (samples.size() < MAX_SAMPLES) {
                samples.add(new Sample(ctx.file(), ctx.line(), Text.clip(Redactor.redact(printable(text)), SAMPLE_CHARS)));
            }
        }
    }

    void truncated() {
        truncatedLines++;
    }

    void event(AuthEvent e) {
        events++;
        byFormat.merge(e.format(), 1L, Long::sum);
        byKind.merge(e.kind().label(), 1L, Long::sum);
        if (e.kind() == EventKind.AUTH) {
            attempts += e.attempts();
            if (e.isFailure()) {
                failures += e.attempts();
            } else {
                successes++;
            }
            byService.merge(e.service() == null ? "unknown" : e.service(), 1L, Long::sum);
        }
        if (first == null || e.time().isBefore(first)) first = e.time();
        if (last == null || e.time().isAfter(last)) last = e.time();
    }

    private static String printable(String s) {
        StringBuilder b = null;
        int n = Math.min(s.length(), SAMPLE_CHARS + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t') {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append(String.format("\\x%02x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s.substring(0, n) : b.toString();
    }

    public long lines() { return lines; }
    public long events() { return events; }
    /** Password guesses (a line with N attempts counts N; joined lines once). */
    public long attempts() { return attempts; }
    public long failures() { return failures; }
    public long successes() { return successes; }
    public long ignored() { return ignored; }
    public long unparsed() { return unparsed; }
    public long truncatedLines() { return truncatedLines; }
    public Instant first() { return first; }
    public Instant last() { return last; }
    public Map<String, Long> byFormat() { return Collections.unmodifiableMap(byFormat); }
    public Map<String, Long> byService() { return Collections.unmodifiableMap(byService); }
    public Map<String, Long> byKind() { return Collections.unmodifiableMap(byKind); }
    public List<Sample> samples() { return Collections.unmodifiableList(samples); }
}
