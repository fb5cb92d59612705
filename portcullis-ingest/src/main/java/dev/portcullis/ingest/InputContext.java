package dev.portcullis.ingest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What parsers know about the input a line comes from: its name, the current line number, how to
 * complete timestamps that lack a year or a zone, and per-input state (a W3C {@code #Fields} header,
 * a CSV header, a multi-line record being assembled). One per input; not thread-safe.
 */
public final class InputContext {
    private final String file;
    private final Instant reference;
    private final int year;
    private final ZoneId zone;
    private boolean localTime;
    private final Map<Object, Object> state = new HashMap<>();
    private long line;
    private LineFormat pending;
    private LineFormat lastFormat;
    private ParseStats stats;
    private String notRead;

    /**
     * @param file      name shown in events and samples ("-" for standard input)
     * @param reference when the input was last written (file mtime, or now for a stream): timestamps
     *                  without a year are placed in the year that puts them at or before this instant
     * @param year      a fixed year for timestamps without one (0 = infer from {@code reference})
     * @param zone      zone for timestamps without an offset
     */
    public InputContext(String file, Instant reference, int year, ZoneId zone) {
        this.file = file;
        this.reference = reference;
        this.year = year;
        this.zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static InputContext of(String file) {
        return new InputContext(file, Instant.now(), 0, ZoneOffset.UTC);
    }

    public String file() { return file; }
    public Instant reference() { return reference; }
    public int year() { return year; }
    public ZoneId zone() { return zone; }
    public long line() { return line; }
    public void line(long n) { line = n; }

    /** Per-input state kept by a parser under its own key. */
    @SuppressWarnings("unchecked")
    public <T> T state(Object key, Supplier<T> create) {
        return (T) state.computeIfAbsent(key, k -> create.get());
    }

    @SuppressWarnings("unchecked")
    public <T> T stateOrNull(Object key) {
        return (T) state.get(key);
    }

    public void putState(Object key, Object value) {
        if (value == null) {
            state.remove(key);
        } else {
            state.put(key, value);
        }
    }

    /** Where {@link #suspect} lines are counted (set by {@link Ingest}). */
    void stats(ParseStats s) { stats = s; }

    /**
     * A line whose structure an attacker may have forged (two sshd address anchors naming different
     * addresses): read without a source, counted and sampled in {@link ParseStats#suspects()}.
     */
    public void suspect(String text) {
        if (stats != null) {
            stats.suspect(text, this);
        }
    }

    /**
     * The domain controller ({@code computer}, the log's text) that issued the Kerberos ticket without
     * pre-authentication just delivered for {@code account}: listed with the account in
     * {@link ParseStats#noPreauth()}.
     */
    public void noPreauthIssuer(String account, String computer) {
        if (stats != null) {
            stats.noPreauthIssuer(account, computer);
        }
    }

    /**
     * The current line is a record of a program no parser reads ({@code smb}, {@code sudo}): counted
     * by program in {@link ParseStats#notRead()} instead of as ignored. {@code program} is the log's
     * text, untrusted; {@link ParseStats} bounds and cleans it.
     */
    public void notRead(String program) { notRead = program; }

    /** The program {@link #notRead(String)} named for the current line, once; then null. */
    String takeNotRead() {
        String p = notRead;
        notRead = null;
        return p;
    }

    /** Set by a parser that read a time with no zone or offset in {@link #zone()} (reported in the summary). */
    public void localTime() { localTime = true; }
    public boolean hasLocalTime() { return localTime; }

    public LineFormat pending() { return pending; }
    public void pending(LineFormat f) { pending = f; }

    /** The format that recognised the previous line: tried first for the next one. */
    public LineFormat lastFormat() { return lastFormat; }
    public void lastFormat(LineFormat f) { lastFormat = f; }
}
