package dev.portcullis.sim;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a scenario's log inside its window [start, end) (µs since the epoch), written in time
 * order with syslog stamps (classic or RFC 3339 with microseconds). Lines outside the window are
 * refused, and {@link #add} says so, so the truth counts only what the log holds.
 */
final class LogLines {
    private static final DateTimeFormatter CLASSIC = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);

    /** One log line and when it happened (µs since the epoch), for sorting. */
    private record Line(long micros, String text) {
    }

    private final long startMicros;
    private final long endMicros;
    private final List<Line> lines = new ArrayList<>();

    LogLines(long startMicros, long endMicros) {
        this.startMicros = startMicros;
        this.endMicros = endMicros;
    }

    /** Adds a line when it falls inside the window; says whether it did. */
    boolean add(long micros, String message) {
        if (micros >= startMicros && micros < endMicros) {
            lines.add(new Line(micros, message));
            return true;
        }
        return false;
    }

    void sort() {
        lines.sort((a, b) -> Long.compare(a.micros, b.micros));
    }

    int size() {
        return lines.size();
    }

    long write(Writer out, boolean rfc3339) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        for (Line l : lines) {
            sb.setLength(0);
            long sec = Math.floorDiv(l.micros, 1_000_000L);
            LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
            if (rfc3339) {
                String iso = t.toString().length() == 16 ? t + ":00" : t.toString();
                sb.append(iso).append('.').append(Long.toString(1_000_000 + Math.floorMod(l.micros, 1_000_000L)), 1, 7)
                        .append("+00:00");
            } else {
                sb.append(CLASSIC.format(t));
            }
            sb.append(" mx1 ").append(l.text).append('\n');
            out.append(sb);
        }
        return lines.size();
    }
}
