package dev.portcullis.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Follows a file as it grows, with {@code tail -F} semantics: when the file is renamed away and a new
 * one created (logrotate), the rest of the old file is read and then the new one from its start; when
 * it is truncated (copytruncate), reading restarts at its start; a missing file is waited for.
 * Only complete lines are delivered; a partial last line waits for its newline.
 *
 * <p>No threads and no sleeping here: the caller decides when to {@link #poll()} (the server on a
 * schedule, tests right after changing the file), so tests need no timing.
 */
public final class Follower implements AutoCloseable {
    /** Receives each complete line and its 1-based number within the current file. */
    @FunctionalInterface
    public interface LineHandler {
        void line(String line, long number);
    }

    private final Path path;
    private FileChannel channel;
    private Object fileKey;
    private long position;
    private long lineNumber;
    private final boolean fromStart;
    private boolean first = true;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** @param fromStart read what the file already holds (true) or only what is appended later (false) */
    public Follower(Path path, boolean fromStart) {
        this.path = path;
        this.fromStart = fromStart;
    }

    /** Reads what is new since the last call; returns how many lines were delivered. */
    public int poll(LineHandler handler) {
        try {
            int n = 0;
            if (channel == null && !open()) {
                return 0;
            }
            BasicFileAttributes now = attributes();
            if (now != null && fileKey != null && now.fileKey() != null && !now.fileKey().equals(fileKey)) {
                n += drain(handler); // rotated: finish the old file, then switch
                flushPartial(handler);
                reopen();
                return n + drain(handler);
            }
            if (channel.size() < position) { // truncated in place
                partial.reset();
                position = 0;
                lineNumber = 0;
                channel.position(0);
            }
            return n + drain(handler);
        } catch (IOException e) {
            closeQuietly();
            return 0;
        }
    }

    private boolean open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            first = false; // a file that appears later is read from its start
            return false;
        }
        BasicFileAttributes a = attributes();
        fileKey = a == null ? null : a.fileKey();
        position = (first && !fromStart) ? channel.size() : 0;
        first = false;
        lineNumber = 0;
        channel.position(position);
        return true;
    }

    private void reopen() throws IOException {
        closeQuietly();
        if (!open()) {
            channel = null;
        }
    }

    private BasicFileAttributes attributes() {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private int drain(LineHandler handler) throws IOException {
        if (channel == null) {
            return 0;
        }
        int lines = 0;
        while (true) {
            buffer.clear();
            int r = channel.read(buffer);
            if (r <= 0) {
                return lines;
            }
            position += r;
            byte[] a = buffer.array();
            int start = 0;
            for (int i = 0; i < r; i++) {
                if (a[i] == '\n') {
                    partial.write(a, start, i - start);
                    deliver(handler);
                    lines++;
                    start = i + 1;
                }
            }
            partial.write(a, start, r - start);
            if (partial.size() > LineReader.DEFAULT_MAX_LINE) {
                deliver(handler); // an endless line is cut, as LineReader does
                lines++;
            }
        }
    }

    private void flushPartial(LineHandler handler) throws IOException {
        if (partial.size() > 0) {
            deliver(handler);
        }
    }

    private void deliver(LineHandler handler) throws IOException {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        int len = Math.min(bytes.length, LineReader.DEFAULT_MAX_LINE);
        try (InputStream in = new ByteArrayInputStream(bytes, 0, len);
             LineReader r = new LineReader(in)) {
            String line = r.next();
            handler.line(line == null ? "" : line, ++lineNumber);
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only channel: nothing to recover
            }
        }
        channel = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
