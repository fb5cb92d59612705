package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.server.GateServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.Tokens;
import dev.portcullis.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis lockdown on|status|off} and {@code token} against a running gate (in-process, port 0). */
class LockdownCommandTest {
    @TempDir
    Path dir;

    static IncidentsEndToEndTest.Run run(String[] conn, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(conn));
        return IncidentsEndToEndTest.run(all.toArray(String[]::new));
    }

    @Test
    void oneSwitchLocksDownRemoteAccessAndLiftsIt() throws Exception {
        try (Store store = Store.open(dir.resolve("data").toString())) {
            String token = Tokens.create(store, "ops", "admin", Instant.now());
            String reader = Tokens.create(store, "auditor", "read", Instant.now());
            try (GateServer server = GateServer.start(GateConfig.fromMap(Map.of("internal_networks", List.of("10.0.0.0/8"))),
                    EngineConfig.DEFAULTS, store, new ServerConfig("127.0.0.1", 0, null, "X-API-Key", 4096, 10),
                    Clock.systemUTC())) {
                String url = "http://127.0.0.1:" + server.port();
                Path tokenFile = dir.resolve("admin.token");
                Files.writeString(tokenFile, token + "\n");
                String[] conn = {"--server", url, "--token-file", tokenFile.toString()};

                IncidentsEndToEndTest.Run on = run(conn, "lockdown", "on", "--group", "*@sales.example.org,ceo",
                        "--exempt", "breakglass", "--for", "4h", "--reason", "incident 7", "--id", "sales");
                assertThat(on.code()).as(on.err()).isZero();
                assertThat(on.out()).contains("lockdown 'sales' ON", "*@sales.example.org, ceo", "exempt: breakglass",
                        "reason: incident 7");
                assertThat(run(conn, "lockdown", "status").out()).contains("lockdown 'sales' ON");

                IncidentsEndToEndTest.Run refused = run(new String[] {"--server", url, "--token", reader},
                        "lockdown", "on");
                assertThat(refused.code()).isEqualTo(2);
                assertThat(refused.err()).contains("403", "read-only");

                IncidentsEndToEndTest.Run off = run(conn, "lockdown", "off", "--id", "sales");
                assertThat(off.code()).as(off.err()).isZero();
                assertThat(off.out()).contains("lockdown 'sales' OFF");
                assertThat(run(conn, "lockdown", "status").out()).contains("no lockdown in force");
                assertThat(run(conn, "lockdown", "off").err()).contains("404", "no lockdown is in force");
                assertThat(store.auditTrail(Instant.EPOCH, 10)).extracting(a -> a.action())
                        .contains("lockdown.on", "lockdown.off");
            }
        }
        IncidentsEndToEndTest.Run down = IncidentsEndToEndTest.run("lockdown", "status", "--server",
                "http://127.0.0.1:1", "--token", "pct_x");
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err()).contains("cannot reach the gate at http://127.0.0.1:1");

        IncidentsEndToEndTest.Run add = IncidentsEndToEndTest.run("token", "add", "robot", "--role", "read", "--data",
                dir.resolve("data").toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("pct_");
        IncidentsEndToEndTest.Run list = IncidentsEndToEndTest.run("token", "list", "--data", dir.resolve("data").toString());
        assertThat(list.out()).contains("robot", "read", "ops", "admin").doesNotContain(add.out().strip());
    }
}
