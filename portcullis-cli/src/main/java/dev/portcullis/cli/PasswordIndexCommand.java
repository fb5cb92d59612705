package dev.portcullis.cli;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.CorpusIndexer;
import dev.portcullis.passwords.corpus.HashType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {
            "Builds a compact breached-password index (binary fuse filters, about 18 bits per hash, false",
            "positives 1 in 65,536) from Have I Been Pwned's downloads (HASH:COUNT lines, SHA-1 or NTLM,",
            "sorted; streamed in constant memory) or from a plain list of passwords (--plain).",
            "Exit codes: 0 ok, 2 usage or input error."
        })
final class PasswordIndexCommand implements Callable<Integer> {
    enum Hash { sha1, ntlm, both }

    @Spec
    CommandSpec spec;

    @ParentCommand
    PasswordsCommand parent;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The index file to write (with --plain --hash both: FILE.sha1 and FILE.ntlm).")
    Path out;

    @Option(names = "--plain", description = "The input is a list of passwords, one a line (UTF-8).")
    boolean plain;

    @Option(names = "--hash", defaultValue = "sha1", paramLabel = "TYPE",
            description = "With --plain: sha1 (default), ntlm or both.")
    Hash hash;

    @Parameters(arity = "1", paramLabel = "INPUT", description = "The input file (.gz accepted), or - for standard input.")
    String input;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        String name = input.equals("-") ? "<stdin>" : input;
        long size = input.equals("-") ? -1 : sizeOf(Path.of(input));
        CorpusIndexer indexer = new CorpusIndexer();
        long t0 = System.nanoTime();
        try (InputStream raw = input.equals("-") ? parent.root.stdin : Files.newInputStream(Path.of(input));
             Progress bar = Progress.start(indexer::bytesRead, size, true, err)) {
            InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16));
            if (!plain) {
                CorpusIndexer.Stats s = indexer.indexHibp(in, name, out);
                report(o, s, out, t0);
            } else {
                Map<HashType, Path> outs = new EnumMap<>(HashType.class);
                if (hash == Hash.both) {
                    outs.put(HashType.SHA1, Path.of(out + ".sha1"));
                    outs.put(HashType.NTLM, Path.of(out + ".ntlm"));
                } else {
                    outs.put(hash == Hash.ntlm ? HashType.NTLM : HashType.SHA1, out);
                }
                Map<HashType, CorpusIndexer.Stats> st = indexer.indexPlain(in, name, outs);
                for (Map.Entry<HashType, CorpusIndexer.Stats> e : st.entrySet()) {
                    report(o, e.getValue(), outs.get(e.getKey()), t0);
                }
            }
        } catch (NoSuchFileException e) {
            err.println("portcullis: " + name + ": no such file");
            return 2;
        } catch (InputException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        o.flush();
        return 0;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1; // the open below reports the real problem
        }
    }

    static InputStream maybeGunzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static void report(PrintWriter o, CorpusIndexer.Stats s, Path file, long t0) throws IOException {
        CorpusIndex idx = CorpusIndex.open(file);
        o.printf("%s: %,d lines, %,d distinct %s hashes, %,d bytes (%.2f bits per hash), %.1f s%n", file, s.lines(),
                s.keys(), s.type(), idx.fileBytes(), idx.fileBytes() * 8.0 / Math.max(1, s.keys()),
                (System.nanoTime() - t0) / 1e9);
    }
}
