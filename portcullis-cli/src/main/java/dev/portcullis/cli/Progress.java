package dev.portcullis.cli;

import dev.portcullis.ingest.Ingest;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error, only when standard error is a terminal (never in pipes, files or
 * CI logs): bytes read of the inputs' total (or items done of a count), redrawn four times a second by
 * a daemon thread.
 */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private final PrintWriter err;
    private volatile boolean done;

    private Progress(LongSupplier doneSoFar, long total, boolean bytes, PrintWriter err) {
        this.err = err;
        long start = System.nanoTime();
        this.thread = new Thread(() -> {
            while (!done) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                long read = doneSoFar.getAsLong();
                double f = total > 0 ? Math.min(1.0, (double) read / total) : 0;
                int width = 30;
                int filled = (int) (f * width);
                double secs = (System.nanoTime() - start) / 1e9;
                if (bytes) {
                    err.printf("\r[%s%s] %3.0f%%  %,.0f MB  %,.0f MB/s ", "#".repeat(filled), " ".repeat(width - filled),
                            f * 100, read / 1e6, read / 1e6 / Math.max(secs, 1e-3));
                } else {
                    err.printf("\r[%s%s] %3.0f%%  %,d of %,d  %,.0f/s ", "#".repeat(filled), " ".repeat(width - filled),
                            f * 100, read, total, read / Math.max(secs, 1e-3));
                }
                err.flush();
            }
        }, "portcullis-progress");
        thread.setDaemon(true);
    }

    /** Starts a bar when stderr is a terminal; otherwise returns a no-op. */
    static Progress start(Ingest ingest, long totalBytes, PrintWriter err) {
        return start(ingest::bytesRead, totalBytes, true, err);
    }

    /** A bar over any counter: bytes ({@code bytes} true, shown in MB) or items of {@code total}. */
    static Progress start(LongSupplier doneSoFar, long total, boolean bytes, PrintWriter err) {
        Progress p = new Progress(doneSoFar, total, bytes, err);
        if (stderrIsTerminal()) {
            p.thread.start();
        }
        return p;
    }

    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false; // not Linux, or no /proc: no bar
        }
    }

    @Override
    public void close() {
        done = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }
}
