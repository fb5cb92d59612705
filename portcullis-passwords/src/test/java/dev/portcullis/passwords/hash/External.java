package dev.portcullis.passwords.hash;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Hashes computed by programs independent of ours (openssl, Python's hashlib and crypt), so tests
 * compare against answers our code did not produce. Passwords go through standard input.
 *
 * <p>The answers are recorded in {@link #ANSWERS} (keyed by command and input), so the tests need
 * neither Python (whose {@code crypt} module is gone since 3.13) nor openssl: a fresh clone on a
 * machine with only a JDK tests itself. A command not recorded yet is run; with
 * {@code -Dportcullis.external.record=true} its answer is added to the file (commit it). An answer with
 * a random salt is recorded once and then fixed, which is all the tests need.
 */
public final class External {
    /** Module-relative, where Maven runs the tests. Records: "key TAB line-count", then the lines. */
    static final Path ANSWERS = Path.of("src", "test", "resources", "dev", "portcullis", "passwords", "hash",
            "external-answers.txt.gz");
    private static final boolean RECORD = Boolean.getBoolean("portcullis.external.record");
    private static Map<String, String> answers;

    private External() {
    }

    /** Runs a command with {@code stdin} (or replays its recorded answer); returns its standard output, trimmed. */
    public static String run(String stdin, String... cmd) {
        String key = key(stdin, cmd);
        synchronized (External.class) {
            String recorded = answers().get(key);
            if (recorded != null) {
                return recorded;
            }
        }
        String out = runNow(stdin, cmd);
        if (RECORD) {
            synchronized (External.class) {
                answers().put(key, out);
                save();
            }
        }
        return out;
    }

    /** Python 3 (crypt and hashlib), warnings off; the script reads stdin. */
    public static String python(String script, String stdin) {
        return run(stdin, "python3", "-W", "ignore", "-c", script);
    }

    public static String openssl(String password, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "openssl";
        cmd[1] = "passwd";
        System.arraycopy(args, 0, cmd, 2, args.length);
        cmd[cmd.length - 1] = "-stdin";
        return run(password + "\n", cmd);
    }

    private static String runNow(String stdin, String... cmd) {
        String what = String.join(" ", cmd);
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("no recorded answer for '" + abbreviate(what) + "' in " + ANSWERS
                    + ", and it cannot run here (" + e.getMessage() + "); record it where the tool is installed with "
                    + "-Dportcullis.external.record=true", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key(String stdin, String... cmd) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String c : cmd) {
                d.update(c.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            d.update(stdin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> answers() {
        if (answers == null) {
            answers = new TreeMap<>();
            if (Files.exists(ANSWERS)) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(ANSWERS)), StandardCharsets.UTF_8))) {
                    for (String head; (head = r.readLine()) != null; ) {
                        String[] f = head.split("\t");
                        StringBuilder out = new StringBuilder();
                        for (int i = Integer.parseInt(f[1]); i > 0; i--) {
                            out.append(r.readLine()).append(i > 1 ? "\n" : "");
                        }
                        answers.put(f[0], out.toString());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + ANSWERS, e);
                }
            }
        }
        return answers;
    }

    private static void save() {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(ANSWERS)), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, String> a : answers.entrySet()) {
                List<String> lines = a.getValue().lines().toList();
                w.write(a.getKey() + "\t" + lines.size() + "\n");
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ANSWERS, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
