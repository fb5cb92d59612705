package dev.portcullis.store;

import static dev.portcullis.store.StateTable.instant;
import static dev.portcullis.store.StateTable.ms;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The console users' SQL, portable between SQLite and PostgreSQL; {@link SqlStore} runs it in its transactions. */
final class ConsoleUserSql {
    private static final String COLUMNS = "name, role, password_hash, totp_secret, last_totp_step, created_ms,"
            + " created_by, disabled_ms";

    private static final RowMapper<ConsoleUserRecord> USER = (rs, ctx) -> new ConsoleUserRecord(rs.getString("name"),
            rs.getString("role"), rs.getString("password_hash"), rs.getString("totp_secret"),
            rs.getLong("last_totp_step"), instant(rs, "created_ms"), rs.getString("created_by"),
            instant(rs, "disabled_ms"));

    private ConsoleUserSql() {}

    /*
     * The step is kept when the secret is unchanged and the stored step is ahead (see Store#putConsoleUser).
     * "IS NOT DISTINCT FROM" would say "same secret, nulls included" on both databases from SQLite 3.39 on;
     * the explicit form below says the same on any version.
     */
    static void put(Handle h, ConsoleUserRecord u) {
        h.createUpdate("INSERT INTO console_users (" + COLUMNS + ") VALUES (:name, :role, :hash, :secret, :step,"
                        + " :created, :created_by, :disabled) ON CONFLICT (name) DO UPDATE SET role = excluded.role,"
                        + " password_hash = excluded.password_hash, totp_secret = excluded.totp_secret,"
                        + " last_totp_step = CASE WHEN (console_users.totp_secret = excluded.totp_secret"
                        + "   OR (console_users.totp_secret IS NULL AND excluded.totp_secret IS NULL))"
                        + "   AND console_users.last_totp_step > excluded.last_totp_step"
                        + "   THEN console_users.last_totp_step ELSE excluded.last_totp_step END,"
                        + " created_ms = excluded.created_ms, created_by = excluded.created_by,"
                        + " disabled_ms = excluded.disabled_ms")
                .bind("name", u.name()).bind("role", u.role()).bind("hash", u.passwordHash())
                .bind("secret", u.totpSecret()).bind("step", u.lastTotpStep()).bind("created", ms(u.created()))
                .bind("created_by", u.createdBy()).bind("disabled", ms(u.disabled())).execute();
    }

    static Optional<ConsoleUserRecord> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM console_users WHERE name = :name").bind("name", name)
                .map(USER).findOne();
    }

    static List<ConsoleUserRecord> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM console_users ORDER BY name").map(USER).list();
    }

    static boolean remove(Handle h, String name) {
        return h.createUpdate("DELETE FROM console_users WHERE name = :name").bind("name", name).execute() > 0;
    }

    static boolean moveStep(Handle h, String name, long from, long to) {
        return h.createUpdate("UPDATE console_users SET last_totp_step = :to WHERE name = :name"
                        + " AND last_totp_step = :from")
                .bind("name", name).bind("from", from).bind("to", to).execute() == 1;
    }
}
