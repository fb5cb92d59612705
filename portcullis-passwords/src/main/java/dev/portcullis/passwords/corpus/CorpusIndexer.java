package dev.portcullis.passwords.corpus;

import dev.portcullis.passwords.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a corpus into index files: Have I Been Pwned's downloads ({@code HASH:COUNT} lines, 40 hex
 * digits for SHA-1 or 32 for NTLM, sorted by hash, CRLF or LF) or a plain list of passwords (one a line,
 * UTF-8), hashed here with SHA-1 and/or NTLM.
 *
 * <p>Reads in 1 MiB blocks with its own line splitting (a billion lines must not cost a billion
 * Strings); {@link #bytesRead()} feeds a progress bar from another thread. HIBP input streams in
 * constant memory ({@link IndexWriter} sorted mode); a plain list is held as 8-byte keys until the end.
 * Password lines are decoded into a reused char buffer that is zeroed after each line.
 *
 * <p>One indexer runs one input on one thread; {@link #bytesRead()} may be read from any thread.
 */
public final class CorpusIndexer {
    private static final int BLOCK = 1 << 20;
    private static final int MAX_LINE = 4096;

    private final AtomicLong bytesRead = new AtomicLong();

    /** What an index run did. */
    public record Stats(HashType type, long lines, long keys) {
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Indexes a HIBP file; the hash type is taken from the first line's length (40 SHA-1, 32 NTLM). */
    public Stats indexHibp(InputStream in, String name, Path out) throws IOException, InputException {
        HibpLines sink = new HibpLines(name, out);
        try {
            long lines = forEachLine(in, name, false, sink);
            if (sink.writer == null) {
                throw new InputException(name, 0, "no hashes found (empty input)");
            }
            sink.writer.finish();
            return new Stats(sink.type, lines, sink.writer.keys());
        } finally {
            if (sink.writer != null) {
                sink.writer.close();
            }
        }
    }

    /** HIBP lines ({@code HASH:COUNT}) into one sorted-mode writer opened at the first line. */
    private static final class HibpLines implements LineHandler {
        private final String name;
        private final Path out;
        HashType type;
        IndexWriter writer;

        HibpLines(String name, Path out) {
            this.name = name;
            this.out = out;
        }

        @Override
        public void line(byte[] block, int start, int end, long line) throws IOException, InputException {
            int colon = start;
            while (colon < end && block[colon] != ':') {
                colon++;
            }
            int len = colon - start;
            if (type == null) {
                type = len == 40 ? HashType.SHA1 : len == 32 ? HashType.NTLM : null;
                if (type == null) {
                    throw new InputException(name, line, "expected HASH:COUNT with a 40-digit SHA-1 or a"
                            + " 32-digit NTLM hash (Have I Been Pwned's format); for a plain list of"
                            + " passwords use --plain");
                }
                writer = new IndexWriter(out, type, true);
            }
            if (len != type.hexLength) {
                throw new InputException(name, line, "expected a " + type.hexLength + "-digit " + type
                        + " hash before ':' like the first line, found " + len + " characters");
            }
            long key = 0;
            for (int k = start; k < start + len; k++) {
                int d = Character.digit(block[k], 16);
                if (d < 0) {
                    throw new InputException(name, line, "expected hexadecimal digits in the hash");
                }
                if (k < start + 16) {
                    key = (key << 4) | d;
                }
            }
            try {
                writer.add(key);
            } catch (NotSortedException ex) {
                throw new InputException(name, line, "the file is not sorted by hash (" + ex.getMessage()
                        + "); HIBP's downloads are sorted: sort it first (LC_ALL=C sort)");
            }
        }
    }

    /** Indexes a plain list of passwords (UTF-8, one a line) into one index per requested hash type. */
    public Map<HashType, Stats> indexPlain(InputStream in, String name, Map<HashType, Path> outs)
            throws IOException, InputException {
        Map<HashType, IndexWriter> writers = new EnumMap<>(HashType.class);
        char[] chars = new char[MAX_LINE];
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            for (Map.Entry<HashType, Path> e : outs.entrySet()) {
                writers.put(e.getKey(), new IndexWriter(e.getValue(), e.getKey(), false));
            }
            long lines = forEachLine(in, name, true, (block, start, end, line) -> {
                CharBuffer cb = CharBuffer.wrap(chars);
                dec.reset();
                dec.decode(ByteBuffer.wrap(block, start, end - start), cb, true);
                char[] pw = Arrays.copyOf(chars, cb.position());
                for (Map.Entry<HashType, IndexWriter> w : writers.entrySet()) {
                    try {
                        w.getValue().add(w.getKey().key(pw));
                    } catch (NotSortedException ex) {
                        throw new IllegalStateException("unsorted writer refused a key", ex);
                    }
                }
                Arrays.fill(pw, '\0');
                Arrays.fill(chars, 0, cb.position(), '\0');
            });
            Map<HashType, Stats> stats = new EnumMap<>(HashType.class);
            for (Map.Entry<HashType, IndexWriter> w : writers.entrySet()) {
                w.getValue().finish();
                stats.put(w.getKey(), new Stats(w.getKey(), lines, w.getValue().keys()));
            }
            return stats;
        } finally {
            for (IndexWriter w : writers.values()) {
                w.close();
            }
        }
    }

    /** One non-empty line, without its LF or CRLF, as {@code block[start, end)}. */
    @FunctionalInterface
    private interface LineHandler {
        void line(byte[] block, int start, int end, long lineNumber) throws IOException, InputException;
    }

    /**
     * Splits the stream into lines in 1 MiB blocks (LF or CRLF; a last line without a newline counts),
     * hands the non-empty ones to {@code h}, and returns how many lines there were. With {@code wipe}
     * (passwords) every byte is zeroed once consumed. A line over {@value #MAX_LINE} bytes is an error.
     */
    private long forEachLine(InputStream in, String name, boolean wipe, LineHandler h) throws IOException, InputException {
        byte[] block = new byte[BLOCK + MAX_LINE];
        long line = 0;
        int carry = 0;
        try {
            while (true) {
                int r = in.read(block, carry, BLOCK);
                boolean eof = r < 0;
                int end = carry + Math.max(r, 0);
                if (r > 0) {
                    bytesRead.addAndGet(r);
                }
                int start = 0;
                for (int i = 0; i < end || (eof && start < end); i++) {
                    if (i < end && block[i] != '\n') {
                        continue;
                    }
                    line++;
                    int e = i;
                    if (e > start && block[e - 1] == '\r') {
                        e--;
                    }
                    if (e > start) {
                        h.line(block, start, e, line);
                    }
                    start = i + 1;
                    if (i >= end) {
                        break;
                    }
                }
                if (wipe) {
                    Arrays.fill(block, 0, Math.min(start, end), (byte) 0);
                }
                if (eof) {
                    break;
                }
                carry = end - start;
                if (carry > MAX_LINE) {
                    throw new InputException(name, line + 1, "line longer than " + MAX_LINE + " bytes");
                }
                System.arraycopy(block, start, block, 0, carry);
                if (wipe) {
                    Arrays.fill(block, carry, end, (byte) 0);
                }
            }
        } finally {
            if (wipe) {
                Arrays.fill(block, (byte) 0);
            }
        }
        return line;
    }
}
