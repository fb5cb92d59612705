package dev.portcullis.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Opens the PostgreSQL store from a {@code jdbc:postgresql:} URL.
 *
 * <p>Design note. Secrets never travel with the URL: {@link #parse(String)} takes user-info
 * ({@code //user:secret@host}) and every parameter whose name contains "password" out of it and
 * hands them to the driver as connection properties, so the URL that the pool, Flyway, the driver's
 * metadata and every message see is already clean; {@link Store#describe()} is that URL. A
 * {@code currentSchema} parameter names the schema the store lives in; Flyway creates it if it is
 * missing. The pool is made first and fails fast, so an unreachable server is a clear error at open.
 */
final class Postgres {
    static final String PREFIX = "jdbc:postgresql:";
    static final int POOL_SIZE = 4;

    private Postgres() {}

    /** A URL split into what may be shown and what may not. */
    record Location(String url, Properties secrets, String schema) {}

    static Location parse(String location) {
        Properties secrets = new Properties();
        String rest = location.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String base = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        if (base.startsWith("//")) {
            int end = base.indexOf('/', 2);
            String authority = end < 0 ? base.substring(2) : base.substring(2, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                secrets.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    secrets.setProperty("password", decode(userInfo.substring(colon + 1)));
                }
                base = "//" + authority.substring(at + 1) + (end < 0 ? "" : base.substring(end));
            }
        }
        List<String> kept = new ArrayList<>();
        String schema = null;
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            if (name.toLowerCase(Locale.ROOT).contains("password")) {
                secrets.setProperty(name, value);
                continue;
            }
            if (name.equals("currentSchema") && !value.isBlank()) {
                schema = value.split(",")[0].trim();
            }
            kept.add(param);
        }
        String url = PREFIX + base + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new Location(url, secrets, schema);
    }

    static Store open(String location) {
        Location where = parse(location);
        HikariConfig config = new HikariConfig();
        config.setPoolName("portcullis-postgresql");
        config.setJdbcUrl(where.url());
        config.setDataSourceProperties(where.secrets());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open PostgreSQL store " + where.url() + ": cannot connect: "
                    + SqlStore.reason(e), e);
        }
        try {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration/postgresql")
                    .failOnMissingLocations(true);
            if (where.schema() != null) {
                flyway.schemas(where.schema()).createSchemas(true);
            }
            flyway.load().migrate();
            return new SqlStore(where.url(), pool, TransactionIsolationLevel.REPEATABLE_READ);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot open PostgreSQL store " + where.url() + ": migration failed: "
                    + SqlStore.reason(e), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
