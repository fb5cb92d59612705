package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.text.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run read: lines, events by format / service / result, the time span, and the lines nobody
 * could read, with a few redacted samples (file and line included). Single-threaded.
 */
public final class ParseStats {
    /** Samples kept, so an operator can see what was not understood. */
    public static final int MAX_SAMPLES = 10;
    private static final int SAMPLE_CHARS = 300;

    /** Programs listed by name in {@link #programsNotRead()}; the rest are summed. */
    public static final int TOP_PROGRAMS = 10;
    /** Distinct programs counted by name; lines of further ones go to the others (names come from the log). */
    public static final int MAX_PROGRAMS = 1024;
    /** Longest program name shown; longer ones are cut and marked. */
    public static final int PROGRAM_CHARS = 32;

    /** One unparsed line, redacted and clipped. */
    public record Sample(String file, long line, String text) {
    }

    /**
     * Lines of programs no parser reads: the {@link #TOP_PROGRAMS} programs with most lines (most first,
     * names printable ASCII and at most {@link #PROGRAM_CHARS} characters), and the lines of all others.
     */
    public record NotRead(List<Map.Entry<String, Long>> top, long others) {
    }

    /** Client addresses and domain controllers kept per AS-REP roastable account (the rest are not listed). */
    public static final int MAX_NO_PREAUTH_NAMES = 8;

    /**
     * An account given Kerberos tickets without pre-authentication (4768 {@code PreAuthType} 0): how many
     * such tickets, when the first and last were issued, the clients that asked for them (addresses or
     * {@code host:NAME} sources, at most {@link #MAX_NO_PREAUTH_NAMES}, in order of appearance) and the
     * domain controllers that issued them (the events' computers, when the encoding carries them).
     */
    public record NoPreauth(String account, long count, Instant first, Instant last, List<String> sources,
                            List<String> issuers) {
    }

    private static final class NoPreauthCell {
        long count;
        Instant first;
        Instant last;
        final Set<String> sources = new LinkedHashSet<>();
        final Set<String> issuers = new LinkedHashSet<>();
    }

    private long lines;
    private long events;
    private long attempts;
    private long failures;
    private long successes;
    private long ignored;
    private long notRead;
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
    // lines of programs nobody reads, by the program's raw name (bounded), and those past the bound
    private final Map<String, long[]> notReadByProgram = new HashMap<>();
    private long notReadOverflow;
    private static final int MAX_KEYS = 1024; // keys come from logs: bound the tables
    private final List<Sample> samples = new ArrayList<>();
    // accounts given a Kerberos ticket without pre-authentication (AS-REP roastable), bounded
    private final Map<String, NoPreauthCell> noPreauth = new TreeMap<>();
    // inputs whose times had no zone, with the zone they were read in
    private final Map<String, String> localTimes = new TreeMap<>();

    void line(Status s, String text, InputContext ctx) {
        lines++;
        if (ctx.hasLocalTime() && localTimes.size() < MAX_KEYS) {
            localTimes.putIfAbsent(ctx.file(), ctx.zone().getId());
        }
        String program = ctx.takeNotRead();
        if (s == Status.IGNORED) {
            if (program != null) {
                notRead++;
                countProgram(program);
            } else {
                ignored++;
            }
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
            if (e.reason() == Reason.NO_PREAUTH && e.account() != null) {
                noPreauth(e);
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

    private void noPreauth(AuthEvent e) {
        NoPreauthCell c = noPreauth.get(e.account());
        if (c == null) {
            if (noPreauth.size() >= MAX_KEYS) {
                return;
            }
            c = new NoPreauthCell();
            noPreauth.put(e.account(), c);
        }
        c.count++;
        if (c.first == null || e.time().isBefore(c.first)) c.first = e.time();
        if (c.last == null || e.time().isAfter(c.last)) c.last = e.time();
        if (e.source() != null && c.sources.size() < MAX_NO_PREAUTH_NAMES) {
            c.sources.add(e.source());
        }
    }

    /** The domain controller that issued the last {@link Reason#NO_PREAUTH} ticket of {@code account}. */
    void noPreauthIssuer(String account, String computer) {
        NoPreauthCell c = account == null ? null : noPreauth.get(account);
        if (c != null && computer != null && c.issuers.size() < MAX_NO_PREAUTH_NAMES) {
            String name = printable(computer.trim());
            if (!name.isEmpty()) {
                c.issuers.add(Text.clip(name, 64));
            }
        }
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

    private void countProgram(String program) {
        // a raw name is the key (no copy on the hot path) unless it is long: then its cleaned form
        String key = program.length() > 2 * PROGRAM_CHARS ? programName(program) : program;
        long[] cell = notReadByProgram.get(key);
        if (cell == null) {
            if (notReadByProgram.size() >= MAX_PROGRAMS) {
                notReadOverflow++;
                return;
            }
            cell = new long[1];
            notReadByProgram.put(key, cell);
        }
        cell[0]++;
    }

    /** A program name from the log as shown: printable ASCII ('?' for anything else), cut to {@link #PROGRAM_CHARS}. */
    static String programName(String raw) {
        int n = Math.min(raw.length(), PROGRAM_CHARS);
        StringBuilder b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            b.append(c > ' ' && c < 0x7f ? c : '?');
        }
        if (raw.length() > PROGRAM_CHARS) {
            b.append("...");
        }
        return b.length() == 0 ? "?" : b.toString();
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
    /** Lines of programs Portcullis reads that say nothing about logins (and other formats' such records). */
    public long ignored() { return ignored; }
    /** Lines of syslog programs no parser reads ({@code smb}, {@code sudo}…): neither ignored nor unparsed. */
    public long notRead() { return notRead; }

    /** The programs behind {@link #notRead()}, the most frequent first. */
    public NotRead programsNotRead() {
        Map<String, Long> merged = new HashMap<>();
        notReadByProgram.forEach((k, v) -> merged.merge(programName(k), v[0], Long::sum));
        List<Map.Entry<String, Long>> all = new ArrayList<>(merged.entrySet());
        all.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        long others = notReadOverflow;
        for (int i = 0; i < all.size(); i++) {
            if (i < TOP_PROGRAMS) {
                top.add(Map.entry(all.get(i).getKey(), all.get(i).getValue()));
            } else {
                others += all.get(i).getValue();
            }
        }
        return new NotRead(Collections.unmodifiableList(top), others);
    }
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
    public Set<String> noPreauthAccounts() { return Collections.unmodifiableSet(noPreauth.keySet()); }

    /** The same accounts with their tickets' count, times, clients and issuing controllers, by account. */
    public List<NoPreauth> noPreauth() {
        List<NoPreauth> out = new ArrayList<>(noPreauth.size());
        noPreauth.forEach((k, c) -> out.add(new NoPreauth(k, c.count, c.first, c.last, List.copyOf(c.sources),
                List.copyOf(c.issuers))));
        return Collections.unmodifiableList(out);
    }
    /** Inputs with times that carried no zone (host-local clocks), and the zone they were read in. */
    public Map<String, String> localTimes() { return Collections.unmodifiableMap(localTimes); }
}
