package dev.portcullis.ingest.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: cells separated by commas, a cell in double quotes may hold commas, line breaks and
 * quotes (doubled: {@code ""}). Lenient where exports are sloppy: text after a closing quote is kept, a
 * quote inside an unquoted cell is literal. Never throws.
 */
public final class Csv {
    /** Cells beyond this many are dropped: a row is read, not stored, so the bound only caps work. */
    public static final int MAX_CELLS = 512;

    private Csv() {
    }

    /**
     * The cells of one record, or null when a quoted cell is still open at the end of {@code s} (the
     * record continues on the next line).
     */
    public static List<String> split(CharSequence s) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
            }
            while (i < n && s.charAt(i) != ',') {
                cell.append(s.charAt(i++));
            }
            if (cells.size() < MAX_CELLS) {
                cells.add(cell.toString());
            }
            if (i >= n) {
                return cells;
            }
            i++; // the comma
        }
    }
}
