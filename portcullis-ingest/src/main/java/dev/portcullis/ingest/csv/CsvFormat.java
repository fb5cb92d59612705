package dev.portcullis.ingest.csv;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.SinkFailedException;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.text.Csv;

import java.util.List;

/**
 * CSV exports with a header row, read line by line: the header names a {@link CsvTable}, whose column
 * positions are kept in the input's {@link InputContext} state; every following row goes to that table
 * until another recognised header appears. A record whose quoted cell spans lines is assembled through
 * {@link InputContext#pending}, up to {@link #MAX_RECORD_CHARS} characters and {@link #MAX_RECORD_LINES}
 * lines (then dropped as unparsed). Lines of an input without a recognised header are not this format's.
 */
public final class CsvFormat implements LineFormat {
    static final int MAX_RECORD_CHARS = 1 << 20;
    static final int MAX_RECORD_LINES = 1000;
    private static final Object KEY = new Object();

    private final List<CsvTable> tables;
    private final boolean strict;
    private final Csv csv = new Csv(Csv.MAX_CELLS);

    /** Per input: the current table, its columns, and a record being assembled. */
    private static final class State {
        CsvTable table;
        int[] columns;
        StringBuilder partial;
        int partialLines;
    }

    /** @param strict let a table's exception escape (fuzz tests) instead of counting the row unparsed */
    public CsvFormat(List<CsvTable> tables, boolean strict) {
        this.tables = List.copyOf(tables);
        this.strict = strict;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        State st = ctx.stateOrNull(KEY);
        if (st != null && st.partial != null) {
            return continueRecord(st, line, ctx, out);
        }
        if (header(line, ctx)) {
            return Status.IGNORED;
        }
        if (st == null || st.table == null) {
            return Status.UNRECOGNISED;
        }
        List<String> cells = csv.cells(line);
        if (cells == null) {
            st.partial = new StringBuilder(line);
            st.partialLines = 1;
            ctx.pending(this);
            return Status.IGNORED; // counted when the record is complete
        }
        return row(st, cells, ctx, out);
    }

    private Status continueRecord(State st, String line, InputContext ctx, EventSink out) {
        st.partial.append('\n').append(line);
        st.partialLines++;
        List<String> cells = csv.cells(st.partial);
        if (cells == null) {
            if (st.partial.length() > MAX_RECORD_CHARS || st.partialLines >= MAX_RECORD_LINES) {
                st.partial = null;
                ctx.pending(null);
                return Status.UNPARSED; // an unterminated quote: give up on this record
            }
            return Status.IGNORED;
        }
        st.partial = null;
        ctx.pending(null);
        return row(st, cells, ctx, out);
    }

    /** True when the line is a header of one of the tables; the input's state then points at it. */
    private boolean header(String line, InputContext ctx) {
        CsvTable match = null;
        for (CsvTable t : tables) {
            if (line.contains(t.headerHint())) {
                match = t;
                break;
            }
        }
        if (match == null) {
            return false;
        }
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        List<String> names = csv.cells(text);
        if (names == null) {
            return false;
        }
        for (CsvTable t : tables) {
            int[] columns = t.header(names);
            if (columns != null) {
                State st = ctx.state(KEY, State::new);
                st.table = t;
                st.columns = columns;
                st.partial = null;
                return true;
            }
        }
        return false;
    }

    private Status row(State st, List<String> cells, InputContext ctx, EventSink out) {
        try {
            return st.table.row(st.columns, cells, ctx, out);
        } catch (SinkFailedException e) {
            throw e; // the consumer failed, not the table
        } catch (RuntimeException e) {
            if (strict) {
                throw e;
            }
            return Status.UNPARSED; // a table bug must not stop the run
        }
    }
}
