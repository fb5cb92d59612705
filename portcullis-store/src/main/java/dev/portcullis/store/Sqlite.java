package dev.portcullis.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the SQLite store: a file {@code portcullis.db} in a directory, or a {@code jdbc:sqlite:} URL.
 *
 * <p>Design note. Durability: WAL journal with {@code synchronous=FULL}. In WAL mode NORMAL already
 * survives a crash of the process ({@code kill -9}: a committed transaction is in the WAL file, in
 * the operating system's cache), but may lose the last transactions on power loss or a kernel
 * panic; FULL syncs the WAL at every commit, so it survives those too. The store is written by a
 * write-behind thread in batches and by operators' admin actions, a few commits a second at most,
 * and an operator's acknowledged lockdown or audit entry must not roll back with a power cut: one
 * fsync per commit is a price worth paying. Concurrency: one connection (SQLite has one writer at a
 * time; the pool queues callers), transactions begin IMMEDIATE so that another process on the same
 * file waits on the busy timeout instead of failing on a lock upgrade. In-memory databases are
 * refused: the store would vanish with its connection.
 */
final class Sqlite {
    static final String PREFIX = "jdbc:sqlite:";
    static final String FILE_NAME = "portcullis.db";
    static final int BUSY_TIMEOUT_MS = 10_000;

    private Sqlite() {}

    /** The store in {@code dir}/portcullis.db, creating the directory if it is missing. */
    static Store openDirectory(Path dir) {
        Path file = dir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot open SQLite store " + file + ": cannot create directory " + dir
                    + " (" + e + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("cannot open SQLite store " + file + ": directory " + dir + " is not writable");
        }
        return open(PREFIX + file, "sqlite:" + file);
    }

    /** The store at a {@code jdbc:sqlite:FILE} URL (the file's directory must exist). */
    static Store openUrl(String url) {
        String rest = url.substring(PREFIX.length());
        String file = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        if (file.isEmpty() || file.contains(":memory:") || file.contains("mode=memory")) {
            throw new StoreException("cannot open SQLite store " + url
                    + ": an in-memory database is not supported (it vanishes with its connection); give a file or a directory");
        }
        return open(url, "sqlite:" + file);
    }

    private static Store open(String url, String description) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource direct = new SQLiteDataSource(config);
        direct.setUrl(url);
        try {
            // Flyway gets connections of its own, so its needs never compete with the one pooled connection
            Flyway.configure().dataSource(direct).locations("classpath:db/migration/sqlite")
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot open SQLite store " + description + ": migration failed: "
                    + SqlStore.reason(e), e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("portcullis-sqlite");
        pool.setDataSource(direct);
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setMaxLifetime(0);
        pool.setConnectionTimeout(60_000);
        try {
            return new SqlStore(description, new HikariDataSource(pool), TransactionIsolationLevel.SERIALIZABLE);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open SQLite store " + description + ": " + SqlStore.reason(e), e);
        }
    }
}
