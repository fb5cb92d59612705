package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL: the server CI gives ({@code PORTCULLIS_PG_URL}, 127.0.0.1:5432), else one
 * the tests start themselves ({@link TestPostgres}); these tests fail, not skip, when a given server is
 * down. Each test lives in a schema of its own, created by Flyway and dropped afterwards.
 */
class PostgresStoreTest extends StoreContractTest {
    private String server;
    private String url;
    private String schema;

    @Override
    protected Store openFresh() {
        server = TestPostgres.url();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        url = server + "&currentSchema=" + schema;
        return Store.open(url);
    }

    @Override
    protected Store reopen() {
        return Store.open(url);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    protected void cleanup() throws SQLException {
        if (schema == null) {
            return;   // openFresh failed before making anything; its error is the one to report
        }
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void theStoreLivesInItsOwnSchema() {
        assertThat(store.describe()).isEqualTo(url);
        store.apply(List.of(Change.put(block("192.0.2.1", null))));
        try (Store other = Store.open(server + "&currentSchema=" + schema + "x")) {
            assertThat(other.load(T0).blocks()).isEmpty();
        } finally {
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + "x CASCADE");
            } catch (SQLException e) {
                throw new AssertionError("could not drop the second schema", e);
            }
        }
    }

    @Test
    void truncateOfTheAuditTrailIsRefusedToo() throws SQLException {
        store.audit(new AuditEntry(0, T0, "cli", "x", null, null));
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("TRUNCATE audit")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(store.auditTrail(T0, 10)).hasSize(1);
    }

    @Test
    void describeAndMessagesNeverCarryThePassword() {
        String secret = "hunter2-" + UUID.randomUUID();
        // trust authentication ignores the password, so the store opens with it
        Store withPassword = Store.open(url + "&password=" + secret);
        withPassword.close();
        assertThat(withPassword.describe()).doesNotContain(secret).doesNotContain("password").isEqualTo(url);
        StoreException closed = assertThrows(StoreException.class, () -> withPassword.load(T0));
        assertThat(messages(closed)).doesNotContain(secret);

        StoreException unreachable = assertThrows(StoreException.class, () -> Store.open(
                "jdbc:postgresql://admin:" + secret + "@127.0.0.1:1/test?password=" + secret + "&connectTimeout=2"));
        assertThat(unreachable.getMessage()).contains("cannot open PostgreSQL store", "127.0.0.1:1");
        assertThat(messages(unreachable)).doesNotContain(secret);
    }

    /** The messages of an exception and all its causes. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
