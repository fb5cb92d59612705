package dev.portcullis.cli;

import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.server.GateServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.Tokens;
import dev.portcullis.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Runs the gate: Dovecot's auth policy server, wforce-compatible API, generic login API,",
            "admin API, /metrics, /healthz and /readyz; and the web console on its own listener. State (blocks, lockouts, lockdowns, allowlists,",
            "detections, audit trail) is kept under ./data (SQLite) or in PostgreSQL and restored at start.",
            "On first start an admin token is created and written to DATA/admin.token."
        })
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (sections detection, gate, server, store, incidents, notify).")
    Path config;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where to listen (default 127.0.0.1:8080).")
    String listen;

    @Option(names = "--console-listen", paramLabel = "HOST:PORT",
            description = "Where the web console listens (default 127.0.0.1:8081, config server.console_listen), or off.")
    String consoleListen;

    @Option(names = "--corpus", paramLabel = "INDEX",
            description = "Breached-password index ('portcullis passwords index') for POST /api/passwords/check.")
    Path corpus;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ConfigFile.Settings s = ConfigFile.load(config);
        ServerConfig sc = s.server();
        if (listen != null) {
            try {
                sc = sc.withListen(listen);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (consoleListen != null) {
            try {
                sc = sc.withConsoleListen(consoleListen);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Store st = store.open(s);
        GateServer server;
        try {
            firstToken(st, store.directory(s), err);
            PasswordPolicy.Builder pp = PasswordPolicy.builder();
            if (corpus != null) {
                pp.corpus(corpus);
            }
            server = GateServer.start(s.gate(), s.detection(), st, sc, Clock.systemUTC(), s.incidents(), s.notifications(),
                    new PasswordCheck(pp.build()));
        } catch (RuntimeException e) {
            st.close();
            throw new UsageException(e.getMessage());
        }
        err.printf("portcullis: gate listening on http://%s:%d (state in %s, %d records restored%s)%n", sc.host(),
                server.port(), st.describe(), server.restored(), s.gate().logOnly() ? ", LOG-ONLY mode" : "");
        if (server.console() != null) {
            err.printf("portcullis: console on http://%s:%d/%n", sc.console().host(), server.console().port());
        }
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            st.close();
            stopped.countDown();
        }, "portcullis-shutdown"));
        stopped.await();
        return 0;
    }

    /** With no token at all, makes an admin token so the CLI and API work without set-up. */
    private static void firstToken(Store st, Path dir, PrintWriter err) throws IOException {
        if (!st.tokens().isEmpty()) {
            return;
        }
        String secret = Tokens.create(st, "admin", "admin", Instant.now());
        if (dir != null) {
            Path f = dir.resolve("admin.token");
            Files.createDirectories(dir);
            Files.writeString(f, secret + "\n");
            try {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                err.println("portcullis: note: cannot restrict permissions of " + f);
            }
            err.println("portcullis: created admin token 'admin' in " + f + " (the CLI reads it from there)");
        } else {
            err.println("portcullis: created admin token 'admin': " + secret + " (shown once; keep it safe)");
        }
    }
}
