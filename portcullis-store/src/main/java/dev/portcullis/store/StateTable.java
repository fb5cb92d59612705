package dev.portcullis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Where each kind of core {@link GateRecord} lives: its table, key column and columns, how a record is
 * bound to an upsert and read back from a row.
 *
 * <p>Design note: the SQL is generated from the column list once, at class initialisation, and is
 * the same text for SQLite and PostgreSQL ({@code INSERT … ON CONFLICT (key) DO UPDATE SET c =
 * excluded.c}, supported by both). Parameters are named after their columns. Times are epoch
 * milliseconds ({@code *_ms}); {@code until_ms} NULL means "until removed". Enums are stored as their
 * lower-case names ("reject", "unfamiliar", "group", "network"). A row that no longer makes a valid
 * record (an unknown name, a group lockdown without accounts) is read as an {@link Unreadable}, not
 * an error, so one bad row cannot keep the gate from starting. Stateless and thread-safe (the shared
 * {@link ObjectMapper} is thread-safe once configured).
 */
enum StateTable {

    BLOCKS(Block.class, "block", "blocks", "target",
            List.of("target", "action", "level", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                Block b = (Block) r;
                s.bind("target", b.target()).bind("action", lower(b.action())).bind("level", b.level())
                        .bind("reason", b.reason()).bind("since_ms", ms(b.since()))
                        .bind("until_ms", ms(b.until())).bind("created_by", b.by());
            },
            rs -> new Block(rs.getString("target"), named(Block.Action.class, rs.getString("action")),
                    rs.getInt("level"), rs.getString("reason"), instant(rs, "since_ms"), instant(rs, "until_ms"),
                    rs.getString("created_by"))),

    LOCKOUTS(Lockout.class, "lockout", "lockouts", "account",
            List.of("account", "scope", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                Lockout l = (Lockout) r;
                s.bind("account", l.account()).bind("scope", lower(l.scope())).bind("reason", l.reason())
                        .bind("since_ms", ms(l.since())).bind("until_ms", ms(l.until()))
                        .bind("created_by", l.by());
            },
            rs -> new Lockout(rs.getString("account"), named(Lockout.Scope.class, rs.getString("scope")),
                    rs.getString("reason"), instant(rs, "since_ms"), instant(rs, "until_ms"),
                    rs.getString("created_by"))),

    LOCKDOWNS(Lockdown.class, "lockdown", "lockdowns", "id",
            List.of("id", "scope", "accounts", "exempt", "reason", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                Lockdown l = (Lockdown) r;
                s.bind("id", l.id()).bind("scope", lower(l.scope())).bind("accounts", json(l.accounts()))
                        .bind("exempt", json(l.exempt())).bind("reason", l.reason())
                        .bind("since_ms", ms(l.since())).bind("until_ms", ms(l.until()))
                        .bind("created_by", l.by());
            },
            rs -> new Lockdown(rs.getString("id"), named(Lockdown.Scope.class, rs.getString("scope")),
                    strings(rs.getString("accounts")), strings(rs.getString("exempt")), rs.getString("reason"),
                    instant(rs, "since_ms"), instant(rs, "until_ms"), rs.getString("created_by"))),

    ALLOWS(Allow.class, "allow", "allows", "allow_key",
            List.of("allow_key", "kind", "value", "note", "since_ms", "until_ms", "created_by"),
            (s, r) -> {
                Allow a = (Allow) r;
                // a null kind or value makes a null key, which the NOT NULL key column refuses
                String key = a.kind() == null || a.value() == null ? null : a.key();
                s.bind("allow_key", key).bind("kind", lower(a.kind())).bind("value", a.value())
                        .bind("note", a.note()).bind("since_ms", ms(a.since())).bind("until_ms", ms(a.until()))
                        .bind("created_by", a.by());
            },
            rs -> new Allow(named(Allow.Kind.class, rs.getString("kind")), rs.getString("value"),
                    rs.getString("note"), instant(rs, "since_ms"), instant(rs, "until_ms"),
                    rs.getString("created_by")));

    /** A stored row that no longer makes a valid record: what it was and why. */
    record Unreadable(String problem) {}

    /** Reads one row into a record; may throw {@link IllegalArgumentException} for a row core refuses. */
    private interface Reader {
        GateRecord read(ResultSet rs) throws SQLException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    final Class<? extends GateRecord> type;
    final String table;
    final String keyColumn;
    final String upsert;
    final String delete;
    final String selectInForce;
    final String purge;
    private final BiConsumer<SqlStatement<?>, GateRecord> binder;
    /** A row as a {@link GateRecord}, or an {@link Unreadable} naming the row and the reason. */
    final RowMapper<Object> mapper;

    StateTable(Class<? extends GateRecord> type, String noun, String table, String keyColumn, List<String> columns,
               BiConsumer<SqlStatement<?>, GateRecord> binder, Reader reader) {
        this.type = type;
        this.table = table;
        this.keyColumn = keyColumn;
        this.binder = binder;
        this.mapper = (rs, ctx) -> {
            try {
                return reader.read(rs);
            } catch (IllegalArgumentException e) {
                return new Unreadable(noun + " " + rs.getString(keyColumn) + ": " + e.getMessage());
            }
        };
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

    /** The table of a record type; every permitted subtype of {@link GateRecord} has one. */
    static StateTable of(Class<? extends GateRecord> type) {
        return Stream.of(values()).filter(t -> t.type == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a state record type: " + type));
    }

    void bind(SqlStatement<?> statement, GateRecord record) {
        binder.accept(statement, record);
    }

    static Long ms(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code name}; an unknown or missing name is an IllegalArgumentException naming the choices. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of " + Stream.of(type.getEnumConstants())
                .map(StateTable::lower).collect(Collectors.joining(", ")));
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
