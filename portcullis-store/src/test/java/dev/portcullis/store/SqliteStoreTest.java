package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.gate.Block;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite in a temporary directory, plus what is particular to SQLite. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path temp;

    private Path dir;

    @Override
    protected Store openFresh() {
        dir = temp.resolve("data/nested");
        return Store.open(dir.toString());
    }

    @Override
    protected Store reopen() {
        return Store.open(dir.toString());
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(Sqlite.PREFIX + dir.resolve(Sqlite.FILE_NAME));
    }

    @Test
    void createsTheDirectoryAndTheDatabaseFileInWalMode() throws SQLException {
        assertThat(dir.resolve(Sqlite.FILE_NAME)).isRegularFile();
        assertThat(store.describe()).isEqualTo("sqlite:" + dir.toAbsolutePath().resolve(Sqlite.FILE_NAME));
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void opensAJdbcSqliteUrlToo() {
        Path file = temp.resolve("by-url.db");
        try (Store byUrl = Store.open(Sqlite.PREFIX + file)) {
            byUrl.apply(List.of(Change.put(block("192.0.2.9", null))));
            assertThat(byUrl.describe()).isEqualTo("sqlite:" + file);
            assertThat(byUrl.load(T0).blocks()).hasSize(1);
        }
        assertThat(file).isRegularFile();
    }

    /**
     * A transaction acknowledged by {@code apply} survives the JVM being killed with SIGKILL right
     * after: a child JVM commits, says so, and is killed; the parent reopens the directory.
     */
    @Test
    void aCommittedBatchSurvivesKillDashNine() throws Exception {
        store.close();
        Path crashDir = temp.resolve("crash");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), crashDir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(CrashWriter.COMMITTED)) {
                System.out.println("child: " + line);
            }
            assertThat(line).as("the child commits and says so").isEqualTo(CrashWriter.COMMITTED);
        } finally {
            child.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(crashDir.resolve(Sqlite.FILE_NAME + "-wal"))).as("left a WAL behind").isTrue();

        try (Store after = Store.open(crashDir.toString())) {
            assertThat(after.load(T0).blocks()).extracting(Block::target)
                    .containsExactlyElementsOf(CrashWriter.TARGETS);
            assertThat(after.auditTrail(Instant.EPOCH, 10)).extracting(AuditEntry::action).containsExactly("crash.test");
        }
    }
}
