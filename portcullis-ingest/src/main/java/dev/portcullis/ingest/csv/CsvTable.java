package dev.portcullis.ingest.csv;

import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;

import java.util.List;

/**
 * A log export in CSV with a header row (the Microsoft 365 audit log search, Entra ID's sign-in
 * download). {@link CsvFormat} splits each record once, finds the table whose header it is, keeps the
 * column positions for the rest of that input, and hands every following row to the table.
 * Implementations must never throw.
 */
public interface CsvTable {
    /** Short name, for events' {@code format}. */
    String name();

    /**
     * Text every header of this table contains (a column name no other export uses): a cheap test run
     * before a line is split as a possible header.
     */
    String headerHint();

    /**
     * The positions of the columns this table reads, in an order of its choosing, or null when
     * {@code names} (one header row, unquoted) is not this table's header.
     */
    int[] header(List<String> names);

    /**
     * Reads one row. {@code cells} may be shorter than the header (a cell past the end reads as null).
     *
     * @return {@link Status#EVENT}, {@link Status#IGNORED} (a row about something else),
     *     {@link Status#UNPARSED} (a login row that could not be read)
     */
    Status row(int[] columns, List<String> cells, InputContext ctx, EventSink out);

    /** The cell at a header position, or null when the row is shorter or the column absent (-1). */
    static String cell(List<String> cells, int column) {
        return column < 0 || column >= cells.size() ? null : cells.get(column);
    }
}
