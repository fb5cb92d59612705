package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private long suspects;
    private final List<Sample> suspectSamples = new ArrayList<>();
    private Instant first;
    private Instant last;
    // counted in hash maps of mutable cells (hot path); sorted copies are made for readers
    private final Map<String, long[]> byFormat = new HashMap<>();
    private final Map<String, long[]> byService = new HashMap<>();
    private final Map<String, long[]> byKind = new HashMap<>();
    private static final int MAX_KEYS = 1024; // keys come from logs: bound the tables
    private final List<Sample> samples = new ArrayList<>();
    // accounts given a Kerberos ticket without pre-authentication (AS-REP roastable), bounded
    private final Set<String> noPreauth = new TreeSet<>();
    // inputs whose times had no zone, with the zone they were read in
    private final Map<String, String> localTimes = new TreeMap<>();

    void line(Status s, String text, InputContext ctx) {
        lines++;
        if (ctx.hasLocalTime() && localTimes.size() < MAX_KEYS) {
            localTimes.putIfAbsent(ctx.file(), ctx.zone().getId());
        }
        if (s == Status.IGNORED) {
            ignored++;
        } else if (s == Status.UNPARSED || s == Status.UNRECOGNISED) {
            unparsed++;
            if (samples.size() < MAX_SAMPLES) {
                samples.add(new Sample(ctx.file(), ctx.line(), Text.clip(Redactor.redact(printable(text)), SAMPLE_CHARS)));
            }
        }
    }

    void suspect(String text, InputContext ctx) {
        suspects++;
        if (suspectSamples.size() < MAX_SAMPLES) {
            suspectSamples.add(new Sample(ctx.file(), ctx.line(), Text.clip(Redactor.redact(printable(text)), SAMPLE_CHARS)));
        }
    }

    void truncated() {
        truncatedLines++;
    }

    void event(AuthEvent e) {
        events++;
        count(byFormat, e.format());
        count(byKind, e.kind().label());
        if (e.kind() == EventKind.AUTH) {
            attempts += e.attempts();
            if (e.reason() == Reason.NO_PREAUTH && e.account() != null && noPreauth.size() < MAX_KEYS) {
                noPreauth.add(e.account());
            }
            if (e.isFailure()) {
                failures += e.attempts();
            } else {
                successes++;
            }
            count(byService, e.service() == null ? "unknown" : e.service());
        }
        if (first == null || e.time().isBefore(first)) first = e.time();
        if (last == null || e.time().isAfter(last)) last = e.time();
    }

    private static void count(Map<String, long[]> m, String key) {
        long[] cell = m.get(key);
        if (cell == null) {
            if (m.size() >= MAX_KEYS) {
                key = "(other)";
                cell = m.get(key);
            }
            if (cell == null) {
                cell = new long[1];
                m.put(key, cell);
            }
        }
        cell[0]++;
    }

    private static Map<String, Long> sorted(Map<String, long[]> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v[0]));
        return Collections.unmodifiableMap(out);
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
    public Map<String, Long> byFormat() { return sorted(byFormat); }
    public Map<String, Long> byService() { return sorted(byService); }
    public Map<String, Long> byKind() { return sorted(byKind); }
    public List<Sample> samples() { return Collections.unmodifiableList(samples); }
    /** Lines whose address anchor looked forged (read without a source, their guess still counted). */
    public long suspects() { return suspects; }
    public List<Sample> suspectSamples() { return Collections.unmodifiableList(suspectSamples); }
    /** Accounts a Kerberos ticket was issued to without pre-authentication (4768 PreAuthType 0), sorted. */
    public Set<String> noPreauthAccounts() { return Collections.unmodifiableSet(noPreauth); }
    /** Inputs with times that carried no zone (host-local clocks), and the zone they were read in. */
    public Map<String, String> localTimes() { return Collections.unmodifiableMap(localTimes); }
}
