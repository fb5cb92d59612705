package dev.portcullis.ingest.format;

/**
 * Splits one CSV line (RFC 4180 quoting: {@code "a ""quoted"" field"}) into field offsets without
 * copying, for Exchange's protocol logs. Reused per parser; not thread-safe. Never throws.
 */
final class Csv {
    private final int max;
    final int[] starts;
    final int[] ends;

    Csv(int max) {
        this.max = max;
        this.starts = new int[max];
        this.ends = new int[max];
    }

    /**
     * Splits {@code line}; returns the field count, or -1 when the line has more than {@code max}
     * fields or an unterminated quote. A line ending in ',' has a last, empty field.
     */
    int split(String line) {
        int len = line.length();
        int n = 0;
        int i = 0;
        while (n < max) {
            starts[n] = i;
            if (i < len && line.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    int q = line.indexOf('"', j);
                    if (q < 0) {
                        return -1;
                    }
                    if (q + 1 < len && line.charAt(q + 1) == '"') {
                        j = q + 2;
                        continue;
                    }
                    i = q + 1;
                    break;
                }
            }
            int comma = line.indexOf(',', i);
            if (comma < 0) {
                ends[n] = len;
                return n + 1;
            }
            ends[n] = comma;
            i = comma + 1;
            n++;
        }
        return -1;
    }

    /** Field {@code k} unquoted ({@code ""} → {@code "}); "" when empty. */
    String value(String line, int k) {
        int s = starts[k];
        int e = ends[k];
        if (e - s >= 2 && line.charAt(s) == '"' && line.charAt(e - 1) == '"') {
            String inner = line.substring(s + 1, e - 1);
            return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
        }
        return line.substring(s, e);
    }

    /** True when field {@code k} is empty. */
    boolean empty(int k) {
        return ends[k] == starts[k];
    }
}
