package dev.portcullis.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.ingest.json.JsonFormat;
import dev.portcullis.ingest.read.Input;
import dev.portcullis.ingest.read.LineReader;
import dev.portcullis.ingest.read.Prefetch;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipException;

/**
 * Reads inputs into normalised events: bytes → lines → {@link Sniffer} → format parsers → sink,
 * counting everything in {@link ParseStats}. Bad bytes never stop a run; an input that cannot be
 * opened or fails mid-way is reported through {@link #read}'s exception with its name, after the
 * events read so far have been delivered. One instance per run; not thread-safe.
 */
public final class Ingest {
    private final Formats formats;
    private final int year;
    private final ZoneId zone;
    private final ParseStats stats = new ParseStats();
    private final boolean strict;
    private final AtomicLong bytesRead = new AtomicLong();

    /**
     * @param year fixed year for stamps without one (0 = infer from each file's mtime)
     * @param zone zone for stamps without an offset (null = UTC)
     */
    public Ingest(int year, ZoneId zone) {
        this(year, zone, false);
    }

    /** @param strict let parser exceptions escape instead of counting the line unparsed (fuzz tests only) */
    public Ingest(int year, ZoneId zone, boolean strict) {
        if (year != 0 && (year < 1970 || year > 9999)) {
            throw new IllegalArgumentException("year must be between 1970 and 9999, was " + year);
        }
        this.formats = new Formats(strict);
        this.year = year;
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.strict = strict;
    }

    public Ingest() {
        this(0, ZoneOffset.UTC);
    }

    public ParseStats stats() {
        return stats;
    }

    /** Raw bytes read from all inputs so far; safe to read from another thread (progress display). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Reads one input to its end, delivering events to {@code sink} in input order. */
    public void read(Input input, EventSink sink) throws IOException {
        InputContext ctx = new InputContext(input.name(), input.reference(), year, zone);
        ctx.stats(stats);
        EventSink counting = e -> {
            stats.event(e);
            sink.accept(e);
        };
        try {
            readLines(input, ctx, counting);
        } catch (ZipException | EOFException e) {
            // a damaged or cut-off gzip file: keep what was read, report where it broke
            ctx.line(ctx.line() + 1);
            stats.line(Status.UNPARSED, "damaged compressed input (" + e.getMessage() + "); the rest of "
                    + input.name() + " was not read", ctx);
        }
    }

    private void readLines(Input input, InputContext ctx, EventSink counting) throws IOException {
        try (InputStream raw = input.open(bytesRead)) {
            BufferedInputStream in = raw instanceof BufferedInputStream bis ? bis : new BufferedInputStream(raw, 1 << 16);
            if (startsWithJsonArray(in)) {
                readJsonDocument(in, ctx, counting);
                return;
            }
            long n = 0;
            try (Prefetch lines = new Prefetch(new LineReader(in), 8, "portcullis-reader")) {
                Prefetch.Batch b;
                while ((b = lines.next()) != null) {
                    for (int i = 0; i < b.size; i++) {
                        ctx.line(++n);
                        if (b.truncated[i]) {
                            stats.truncated();
                        }
                        String line = b.lines[i];
                        Status s = formats.sniffer().parse(line, ctx, counting);
                        stats.line(s, line, ctx);
                    }
                    lines.throwPending();
                }
            }
            formats.sniffer().finish(ctx, counting); // joins still holding a guess
            if (ctx.pending() != null) {
                // a multi-line record (an XML event, a quoted CSV cell) the input ended inside of
                stats.line(Status.UNPARSED, "unfinished " + ctx.pending().name() + " record at the end of "
                        + input.name(), ctx);
                ctx.pending(null);
            }
        }
    }

    /**
     * Orders files by the time of their first event, so rotated logs given in any order (a directory
     * lists {@code mail.log} before {@code mail.log.1}) reach the engine oldest first. Reads at most a
     * few hundred lines of each file with a throwaway parser set; streams and files without events keep
     * their place after the dated ones. The engine tolerates the small reorderings left where files
     * overlap (several hosts' logs).
     */
    public List<Input> inTimeOrder(List<Input> inputs) {
        Map<Input, Instant> first = new HashMap<>();
        for (Input in : inputs) {
            if (in.path() == null) {
                continue;
            }
            Instant[] t = new Instant[1];
            Ingest probe = new Ingest(year, zone);
            InputContext ctx = new InputContext(in.name(), in.reference(), year, zone);
            try (InputStream raw = in.open(); LineReader r = new LineReader(raw)) {
                String line;
                for (int n = 1; n <= 500 && t[0] == null && (line = r.next()) != null; n++) {
                    ctx.line(n);
                    probe.formats.sniffer().parse(line, ctx, e -> {
                        if (t[0] == null) t[0] = e.time();
                    });
                }
            } catch (IOException | RuntimeException e) {
                // unreadable here: read() will report it in its turn
            }
            if (t[0] != null) {
                first.put(in, t[0]);
            }
        }
        List<Input> dated = new ArrayList<>();
        List<Input> rest = new ArrayList<>();
        for (Input in : inputs) {
            (first.containsKey(in) ? dated : rest).add(in);
        }
        dated.sort(Comparator.comparing(first::get));
        dated.addAll(rest);
        return dated;
    }

    /** Parses one line of an input (the follow mode and tests feed lines one by one). */
    public Status line(String line, InputContext ctx, EventSink sink) {
        ctx.stats(stats);
        Status s = formats.sniffer().parse(line, ctx, e -> {
            stats.event(e);
            sink.accept(e);
        });
        stats.line(s, line, ctx);
        return s;
    }

    public InputContext context(String name) {
        return new InputContext(name, Instant.now(), year, zone);
    }

    /**
     * True when the input opens with '[' and then '{' or ']' (blanks between): a JSON array of records.
     * A '[' alone is not enough: Roundcube and other logs open each line with "[date]".
     */
    private static boolean startsWithJsonArray(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            boolean open = false;
            for (int i = 0; i < 4096; i++) {
                int c = in.read();
                if (c < 0) return false;
                if (!open && (c == 0xEF || c == 0xBB || c == 0xBF)) continue; // UTF-8 BOM
                if (c <= ' ') continue;
                if (open) return c == '{' || c == ']';
                if (c != '[') return false;
                open = true;
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /** A whole JSON document holding an array of records (Entra ID and M365 portal exports). */
    private void readJsonDocument(InputStream in, InputContext ctx, EventSink sink) {
        long n = 0;
        try (JsonParser p = JsonFormat.MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                ctx.line(++n);
                JsonNode node = JsonFormat.MAPPER.readTree(p);
                Status s = formats.json().parseRecord(node, ctx, sink);
                stats.line(s, node.toString(), ctx);
            }
        } catch (SinkFailedException e) {
            throw e; // the consumer failed, not the document
        } catch (IOException | RuntimeException e) {
            if (strict && !(e instanceof IOException)) {
                throw (RuntimeException) e;
            }
            ctx.line(n + 1);
            stats.line(Status.UNPARSED, "invalid JSON document: " + e.getMessage(), ctx);
        }
    }

    /** Exposed for the events' consumers that need to know which formats exist (help, docs). */
    public Formats formats() {
        return formats;
    }
}
