package dev.portcullis.ingest.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV splitter of ingest: RFC 4180 records, cells separated by commas, a cell in double quotes
 * may hold commas, line breaks and quotes (doubled: {@code ""}). Lenient where exports are sloppy: text
 * after a closing quote is kept, a quote inside an unquoted cell is literal. Never throws.
 *
 * <p>{@link #scan} records cell offsets without copying (Exchange's protocol logs, read per line);
 * {@link #cells} and {@link #split} copy the cells out (exports with a header, read per record). An
 * instance is reused per parser and is not thread-safe.
 */
public final class Csv {
    /** Cells beyond this many are dropped by {@link #split}: a row is read, not stored, so the bound only caps work. */
    public static final int MAX_CELLS = 512;

    private final int max;
    /** Where cell {@code k} (below the instance's bound) starts and ends in the last scanned record. */
    public final int[] starts;
    public final int[] ends;

    /** @param max how many cells' offsets {@link #scan} records */
    public Csv(int max) {
        this.max = max;
        this.starts = new int[max];
        this.ends = new int[max];
    }

    /**
     * Scans one record: returns how many cells it has (offsets kept for the first {@code max}), or -1
     * when a quoted cell is still open at the end (the record continues on the next line). A record
     * ending in ',' has a last, empty cell.
     */
    public int scan(CharSequence s) {
        int len = s.length();
        int n = 0;
        int i = 0;
        while (true) {
            int start = i;
            if (i < len && s.charAt(i) == '"') {
                i = closingQuote(s, i + 1, len);
                if (i < 0) {
                    return -1;
                }
                i++;
            }
            while (i < len && s.charAt(i) != ',') {
                i++;
            }
            if (n < max) {
                starts[n] = start;
                ends[n] = i;
            }
            n++;
            if (i >= len) {
                return n;
            }
            i++; // the comma
        }
    }

    /** Index of the quote closing a quoted cell whose text starts at {@code i}, or -1. */
    private static int closingQuote(CharSequence s, int i, int len) {
        while (i < len) {
            if (s.charAt(i) == '"') {
                if (i + 1 < len && s.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Cell {@code k} of the last scanned record, unquoted ({@code ""} → {@code "}); "" when empty. */
    public String value(CharSequence s, int k) {
        int from = starts[k];
        int to = ends[k];
        if (from == to || s.charAt(from) != '"') {
            return s.subSequence(from, to).toString();
        }
        StringBuilder cell = new StringBuilder(to - from);
        int i = from + 1;
        while (i < to) {
            char c = s.charAt(i++);
            if (c != '"') {
                cell.append(c);
            } else if (i < to && s.charAt(i) == '"') {
                cell.append('"');
                i++;
            } else {
                break; // the closing quote; text after it is kept
            }
        }
        return cell.append(s, i, to).toString();
    }

    /** True when cell {@code k} of the last scanned record is empty. */
    public boolean empty(int k) {
        return ends[k] == starts[k];
    }

    /**
     * The cells of one record (at most {@code max}), or null when a quoted cell is still open at the end
     * of {@code s}.
     */
    public List<String> cells(CharSequence s) {
        int n = scan(s);
        if (n < 0) {
            return null;
        }
        n = Math.min(n, max);
        List<String> cells = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            cells.add(value(s, k));
        }
        return cells;
    }

    /** {@link #cells} with a fresh splitter of {@link #MAX_CELLS} cells. */
    public static List<String> split(CharSequence s) {
        return new Csv(MAX_CELLS).cells(s);
    }
}
