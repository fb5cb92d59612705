package dev.portcullis.server.console;

import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.server.GateServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The real gate with its console on free ports and a real SQLite store, for the console's tests. The
 * internal network is 10/8, so the tests' loopback logins are outside: the gate's lockout applies to
 * the console's sign-in.
 */
final class ConsoleRig implements AutoCloseable {
    static final GateConfig GATE = GateConfig.fromMap(Map.of("internal_networks", List.of("10.0.0.0/8")));

    final Store store;
    final GateServer server;
    final TestSignIn signIn = new TestSignIn();

    ConsoleRig(Path dir, Clock clock) {
        this(dir, clock, ConsoleConfig.DEFAULTS.withListen("127.0.0.1", 0));
    }

    ConsoleRig(Path dir, Clock clock, ConsoleConfig console) {
        store = Store.open(dir.toString());
        server = GateServer.start(GATE, EngineConfig.DEFAULTS, store,
                new ServerConfig("127.0.0.1", 0, null, "X-API-Key", 4096, 10).withConsole(console), clock,
                IncidentConfig.DEFAULTS, NotifyConfig.DISABLED, new PasswordCheck(PasswordPolicy.defaults()), signIn);
    }

    String base() {
        return "http://127.0.0.1:" + server.console().port();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
