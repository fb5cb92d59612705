package dev.portcullis.ingest.text;

import dev.portcullis.ingest.Status;

import java.util.List;

/**
 * The directive lines of W3C extended logs ({@code #Fields:}, {@code #Software:}, {@code #Date:}, …) in
 * the two dialects ingest reads: IIS, whose {@code #Fields:} are separated by spaces, and Exchange's
 * protocol logs, separated by commas. A directive of the other dialect is UNRECOGNISED, so the sniffer
 * hands it to the other reader. Keeps the results of the last directive read: one instance per parser,
 * not thread-safe. Never throws.
 */
public final class W3cDirectives {
    private final boolean commas;
    private final int maxFields;
    private final List<String> ignored;

    /** The field names of the directive just read when it was this dialect's {@code #Fields:}, else null. */
    public String[] fields;
    /** The day ({@code yyyy-MM-dd}) of the directive just read when it was a dated {@code #Date:}, else null. */
    public String date;

    private W3cDirectives(boolean commas, int maxFields, List<String> ignored) {
        this.commas = commas;
        this.maxFields = maxFields;
        this.ignored = ignored;
    }

    /** IIS: space-separated fields; {@code #Software:} naming Exchange belongs to the other dialect. */
    public static W3cDirectives iis(int maxFields) {
        return new W3cDirectives(false, maxFields, List.of("#Version:", "#Remark:", "#Start-Date:", "#End-Date:"));
    }

    /** Exchange's protocol logs: comma-separated fields, {@code #Software:} naming Exchange. */
    public static W3cDirectives exchange(int maxFields) {
        return new W3cDirectives(true, maxFields, List.of("#Log-type:", "#Version:"));
    }

    /**
     * Reads a line starting with '#'. IGNORED for a directive of this dialect ({@link #fields} or
     * {@link #date} then set when it carried them), UNPARSED for a {@code #Fields:} naming more than the
     * bound, UNRECOGNISED for anything else.
     */
    public Status read(String line) {
        fields = null;
        date = null;
        if (line.startsWith("#Fields:")) {
            String rest = line.substring(8).trim();
            if (rest.isEmpty() || (rest.indexOf(',') >= 0) != commas) {
                return Status.UNRECOGNISED;
            }
            String[] names = rest.split(commas ? "," : " +", maxFields + 1); // once per file: not a hot path
            if (names.length > maxFields) {
                return Status.UNPARSED;
            }
            fields = names;
            return Status.IGNORED;
        }
        if (line.startsWith("#Software:")) {
            return line.contains("Exchange") == commas ? Status.IGNORED : Status.UNRECOGNISED;
        }
        if (line.startsWith("#Date:")) {
            String rest = line.substring(6).trim();
            if (dated(rest)) {
                date = rest.substring(0, 10);
            }
            return Status.IGNORED;
        }
        for (String d : ignored) {
            if (line.startsWith(d)) {
                return Status.IGNORED;
            }
        }
        return Status.UNRECOGNISED;
    }

    /** True when {@code s} starts with a W3C date, {@code yyyy-MM-dd}. */
    public static boolean dated(String s) {
        return s.length() >= 10 && Text.digits(s, 0, 4) >= 0 && s.charAt(4) == '-' && Text.digits(s, 5, 2) >= 0
                && s.charAt(7) == '-' && Text.digits(s, 8, 2) >= 0;
    }
}
