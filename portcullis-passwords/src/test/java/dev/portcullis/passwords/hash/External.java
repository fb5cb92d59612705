package dev.portcullis.passwords.hash;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hashes computed by programs independent of ours (openssl, Python's hashlib and crypt), so tests
 * compare against answers our code did not produce. Passwords go through standard input.
 */
public final class External {
    private External() {
    }

    /** Runs a command with {@code stdin}; returns its standard output, trimmed; fails on a non-zero exit. */
    public static String run(String stdin, String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
