package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.server.GateServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.Tokens;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis incidents …} against a running gate (in-process, port 0), and config errors. */
class IncidentsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowMoveAcknowledgeAndExportThroughTheAdminApi() throws Exception {
        Instant now = Instant.now();
        try (Store store = Store.open(dir.resolve("data").toString())) {
            String token = Tokens.create(store, "ops", "admin", now);
            try (GateServer server = GateServer.start(GateConfig.DEFAULTS, EngineConfig.DEFAULTS, store,
                    new ServerConfig("127.0.0.1", 0, "policy-secret-123", "X-API-Key", 4096, 10), Clock.systemUTC(),
                    IncidentConfig.DEFAULTS, NotifyConfig.DISABLED)) {
                String id = server.responder().detection("k", new Detection("d", AttackKind.BRUTE_FORCE, now.minusSeconds(60),
                        now, List.of("203.0.113.8"), 1, 40, List.of("ivan@example.org"), List.of()), null, "engine", now)
                        .incident().id();
                String[] conn = {"--server", "http://127.0.0.1:" + server.port(), "--token", token};

                IncidentsEndToEndTest.Run list = run(conn, "incidents", "list");
                assertThat(list.code()).as(list.err()).isZero();
                assertThat(list.out()).contains(id, "brute_force", "1 account(s)", "provisional");

                IncidentsEndToEndTest.Run moved = run(conn, "incidents", "account", id, "ivan@example.org", "notified",
                        "--note", "phoned him");
                assertThat(moved.code()).as(moved.err()).isZero();
                assertThat(moved.out()).contains("ivan@example.org", "notified", "phoned him");

                IncidentsEndToEndTest.Run refused = run(conn, "incidents", "account", id, "ivan@example.org", "closed");
                assertThat(refused.code()).isEqualTo(2);
                assertThat(refused.err()).contains("409", "needs a note");

                IncidentsEndToEndTest.Run ack = run(conn, "incidents", "ack", id, "--aware", "2026-01-01T00:00:00Z");
                assertThat(ack.code()).as(ack.err()).isZero();
                assertThat(ack.out()).contains("aware since 2026-01-01T00:00:00Z", "deadline 2026-01-04T00:00:00Z");

                IncidentsEndToEndTest.Run gdpr = run(conn, "incidents", "gdpr", id);
                assertThat(gdpr.out()).contains("\"nature_of_breach\"", "\"measures_taken\"", "\"overdue\" : true");
                assertThat(run(conn, "incidents", "show", "INC-none").err()).contains("404", "no incident");
            }
        }
    }

    @Test
    void aBadIncidentsOrNotifySectionNamesTheKey() throws Exception {
        Path log = dir.resolve("empty.log");
        Files.writeString(log, "");
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "incidents:\n  hold: forever\n");
        IncidentsEndToEndTest.Run r = IncidentsEndToEndTest.run("analyze", "--config", cfg.toString(), log.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + ": incidents.hold: 'forever' is unknown; allowed all, unfamiliar, none");

        Files.writeString(cfg, "notify:\n  smtp: {host: mail, password_env: NO_SUCH_VARIABLE_PORTCULLIS}\n");
        r = IncidentsEndToEndTest.run("analyze", "--config", cfg.toString(), log.toString());
        assertThat(r.err()).contains("notify.smtp.password_env", "NO_SUCH_VARIABLE_PORTCULLIS");

        r = IncidentsEndToEndTest.run("analyze", "--notify", log.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--notify needs --record");
    }

    private static IncidentsEndToEndTest.Run run(String[] conn, String... args) {
        String[] all = new String[args.length + conn.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(conn, 0, all, args.length, conn.length);
        return IncidentsEndToEndTest.run(all);
    }
}
