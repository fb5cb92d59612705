package dev.portcullis.cli;

import java.io.IOException;
import java.util.Locale;

/**
 * Recognises standard output closed by its reader ({@code portcullis parse BIG | head}). The JVM
 * ignores SIGPIPE, so a write to a closed pipe throws an {@link IOException} ("Broken pipe" on Linux
 * and macOS, "The pipe is being closed" / "The pipe has been ended" on Windows) instead of ending the
 * process as it would a C tool. The reader has all it wanted: that is a quiet, successful end.
 */
final class BrokenPipe {
    private BrokenPipe() {
    }

    /** True when {@code t} or one of its causes is a write to a pipe whose reader went away. */
    static boolean is(Throwable t) {
        for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended")) {
                    return true;
                }
            }
        }
        return false;
    }
}
