package dev.portcullis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Where each kind of {@link StateRecord} lives: its table, key column and columns, how a record is
 * bound to an upsert and read back from a row.
 *
 * <p>Design note: the SQL is generated from the column list once, at class initialisation, and is
 * the same text for SQLite and PostgreSQL ({@code INSERT … ON CONFLICT (key) DO UPDATE SET c =
 * excluded.c}, supported by both). Parameters are named after their columns. Times are epoch
 * milliseconds ({@code *_ms}); {@code until_ms} NULL means "until removed". Stateless and
 * thread-safe (the shared {@link ObjectMapper} is thread-safe once configured).
 */
enum StateTable {

    BLOCKS(BlockRecord.class, "blocks", "target",
            List.of("target", "action", "level", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                BlockRecord b = (BlockRecord) r;
                s.bind("target", b.target()).bind("action", b.action()).bind("level", b.level())
                        .bind("reason", b.reason()).bind("since_ms", ms(b.since()))
                        .bind("until_ms", ms(b.until())).bind("created_by", b.by());
            },
            (rs, ctx) -> new BlockRecord(rs.getString("target"), rs.getString("action"), rs.getInt("level"),
                    rs.getString("reason"), instant(rs, "since_ms"), instant(rs, "until_ms"),
                    rs.getString("created_by"))),

    LOCKOUTS(LockoutRecord.class, "lockouts", "account",
            List.of("account", "scope", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                LockoutRecord l = (LockoutRecord) r;
                s.bind("account", l.account()).bind("scope", l.scope()).bind("reason", l.reason())
                        .bind("since_ms", ms(l.since())).bind("until_ms", ms(l.until()))
                        .bind("created_by", l.by());
            },
            (rs, ctx) -> new LockoutRecord(rs.getString("account"), rs.getString("scope"),
                    rs.getString("reason"), instant(rs, "since_ms"), instant(rs, "until_ms"),
                    rs.getString("created_by"))),

    LOCKDOWNS(LockdownRecord.class, "lockdowns", "id",
            List.of("id", "scope", "accounts", "exempt", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                LockdownRecord l = (LockdownRecord) r;
                s.bind("id", l.id()).bind("scope", l.scope()).bind("accounts", json(l.accounts()))
                        .bind("exempt", json(l.exempt())).bind("reason", l.reason())
                        .bind("since_ms", ms(l.since())).bind("until_ms", ms(l.until()))
                        .bind("created_by", l.by());
            },
            (rs, ctx) -> new LockdownRecord(rs.getString("id"), rs.getString("scope"),
                    strings(rs.getString("accounts")), strings(rs.getString("exempt")), rs.getString("reason"),
                    instant(rs, "since_ms"), instant(rs, "until_ms"), rs.getString("created_by"))),

    ALLOWS(AllowRecord.class, "allows", "allow_key",
            List.of("allow_key", "kind", "value", "note", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                AllowRecord a = (AllowRecord) r;
                // a null kind or value makes a null key, which the NOT NULL key column refuses
                String key = a.kind() == null || a.value() == null ? null : a.key();
                s.bind("allow_key", key).bind("kind", a.kind()).bind("value", a.value())
                        .bind("note", a.note()).bind("since_ms", ms(a.since())).bind("until_ms", ms(a.until()))
                        .bind("created_by", a.by());
            },
            (rs, ctx) -> new AllowRecord(rs.getString("kind"), rs.getString("value"), rs.getString("note"),
                    instant(rs, "since_ms"), instant(rs, "until_ms"), rs.getString("created_by")));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    final Class<? extends StateRecord> type;
    final String table;
    final String keyColumn;
    final String upsert;
    final String delete;
    final String selectInForce;
    final String purge;
    private final BiConsumer<SqlStatement<?>, StateRecord> binder;
    final RowMapper<? extends StateRecord> mapper;

    StateTable(Class<? extends StateRecord> type, String table, String keyColumn, List<String> columns,
               BiConsumer<SqlStatement<?>, StateRecord> binder, RowMapper<? extends StateRecord> mapper) {
        this.type = type;
        this.table = table;
        this.keyColumn = keyColumn;
        this.binder = binder;
        this.mapper = mapper;
        this.upsert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                + ") ON CONFLICT (" + keyColumn + ") DO UPDATE SET "
                + columns.stream().filter(c -> !c.equals(keyColumn)).map(c -> c + " = excluded." + c)
                        .collect(Collectors.joining(", "));
        this.delete = "DELETE FROM " + table + " WHERE " + keyColumn + " = :key";
        this.selectInForce = "SELECT " + String.join(", ", columns) + " FROM " + table
                + " WHERE until_ms IS NULL OR until_ms > :now ORDER BY " + keyColumn;
        this.purge = "DELETE FROM " + table + " WHERE until_ms IS NOT NULL AND until_ms <= :now";
    }

    /** The table of a record type; every permitted subtype of {@link StateRecord} has one. */
    static StateTable of(Class<? extends StateRecord> type) {
        return Stream.of(values()).filter(t -> t.type == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a state record type: " + type));
    }

    void bind(SqlStatement<?> statement, StateRecord record) {
        binder.accept(statement, record);
    }

    static Long ms(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    private static List<String> strings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new SQLException("lockdown account list is not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }
}
