package dev.portcullis.store;

import static dev.portcullis.store.StateTable.instant;
import static dev.portcullis.store.StateTable.ms;

import com.zaxxer.hikari.HikariDataSource;
import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.core.incident.Incident;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The {@link Store} over JDBC, shared by SQLite and PostgreSQL: the schemas are the same tables
 * and columns, and every statement here is portable (upserts are {@code INSERT … ON CONFLICT … DO
 * UPDATE}, the audit id comes back through {@code RETURNING}).
 *
 * <p>Design note. Contract: see {@link Store}. Thread-safety: every method borrows a connection from
 * the pool for its duration, so any thread may call any method; for SQLite the pool holds one
 * connection (one writer is all SQLite allows; callers queue on the pool), for PostgreSQL a few.
 * {@link #apply(List)} runs in one transaction and sends consecutive changes of the same kind as one
 * JDBC batch, preserving their order, so a 10,000-change batch is a few round trips, not 10,000.
 * {@link #load(Instant)} reads the four state tables in one transaction so the snapshot is
 * consistent. Errors: every failure is a {@link StoreException} whose message names the operation
 * and {@link #describe()} (never credentials) and the database's own reason. Times are stored to
 * the millisecond.
 */
final class SqlStore implements Store {

    private final String description;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final TransactionIsolationLevel snapshotIsolation;

    /**
     * @param description what the store is, without credentials
     * @param pool a pool over a migrated database; closed by {@link #close()}
     * @param snapshotIsolation the level at which {@link #load(Instant)} reads several tables consistently
     */
    SqlStore(String description, HikariDataSource pool, TransactionIsolationLevel snapshotIsolation) {
        this.description = description;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.snapshotIsolation = snapshotIsolation;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Snapshot load(Instant now) {
        Objects.requireNonNull(now, "now");
        return run("load", () -> jdbi.inTransaction(snapshotIsolation, h -> {
            List<String> unreadable = new ArrayList<>();
            return new Snapshot(inForce(h, StateTable.BLOCKS, Block.class, now, unreadable),
                    inForce(h, StateTable.LOCKOUTS, Lockout.class, now, unreadable),
                    inForce(h, StateTable.LOCKDOWNS, Lockdown.class, now, unreadable),
                    inForce(h, StateTable.ALLOWS, Allow.class, now, unreadable), unreadable);
        }));
    }

    /** The table's records in force; rows that no longer make a record are named in {@code unreadable}. */
    private static <T extends GateRecord> List<T> inForce(Handle h, StateTable table, Class<T> type, Instant now,
                                                          List<String> unreadable) {
        List<T> out = new ArrayList<>();
        for (Object row : h.createQuery(table.selectInForce).bind("now", now.toEpochMilli()).map(table.mapper).list()) {
            if (row instanceof StateTable.Unreadable u) {
                unreadable.add(u.problem());
            } else {
                out.add(type.cast(row));
            }
        }
        return out;
    }

    @Override
    public void apply(List<Change> changes) {
        String op = "apply(" + changes.size() + " changes)";
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c == null || c instanceof Change.Put p && p.record() == null
                    || c instanceof Change.Remove r && r.type() == null) {
                throw new StoreException(op + " on " + description + ": change " + i + " is incomplete: " + c);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        run(op, () -> {
            jdbi.useTransaction(h -> {
                int i = 0;
                while (i < changes.size()) {
                    i = applyRun(h, changes, i);
                }
            });
            return null;
        });
    }

    /** Applies the run of consecutive changes starting at {@code from} that share a statement; returns where the run ends. */
    private static int applyRun(Handle h, List<Change> changes, int from) {
        Change first = changes.get(from);
        StateTable table = tableOf(first);
        boolean put = first instanceof Change.Put;
        PreparedBatch batch = h.prepareBatch(put ? table.upsert : table.delete);
        int i = from;
        for (; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (tableOf(c) != table || (c instanceof Change.Put) != put) {
                break;
            }
            if (c instanceof Change.Put p) {
                table.bind(batch, p.record());
            } else {
                batch.bind("key", ((Change.Remove) c).key());
            }
            batch.add();
        }
        batch.execute();
        return i;
    }

    private static StateTable tableOf(Change c) {
        return c instanceof Change.Put p ? StateTable.of(p.record().getClass()) : StateTable.of(((Change.Remove) c).type());
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return run("purgeExpired", () -> jdbi.inTransaction(h -> {
            int n = 0;
            for (StateTable t : StateTable.values()) {
                n += h.createUpdate(t.purge).bind("now", now.toEpochMilli()).execute();
            }
            return n;
        }));
    }

    // --- detections --------------------------------------------------------------------------

    private static final RowMapper<DetectionRecord> DETECTION = (rs, ctx) -> new DetectionRecord(
            rs.getString("id"), rs.getString("kind"), instant(rs, "start_ms"), instant(rs, "end_ms"),
            instant(rs, "recorded_ms"), rs.getString("json"));

    @Override
    public void putDetection(DetectionRecord d) {
        run("putDetection", () -> jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO detections (id, kind, start_ms, end_ms, recorded_ms, json)
                VALUES (:id, :kind, :start, :end, :recorded, :json)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, start_ms = excluded.start_ms,
                  end_ms = excluded.end_ms, recorded_ms = excluded.recorded_ms, json = excluded.json""")
                .bind("id", d.id()).bind("kind", d.kind()).bind("start", ms(d.start())).bind("end", ms(d.end()))
                .bind("recorded", ms(d.recorded())).bind("json", d.json()).execute()));
    }

    @Override
    public List<DetectionRecord> detections(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        checkLimit(limit);
        return run("detections", () -> jdbi.withHandle(h -> h.createQuery("""
                SELECT id, kind, start_ms, end_ms, recorded_ms, json FROM detections
                WHERE end_ms IS NULL OR end_ms >= :since
                ORDER BY start_ms DESC, id DESC LIMIT :limit""")
                .bind("since", since.toEpochMilli()).bind("limit", limit).map(DETECTION).list()));
    }

    // --- audit trail -------------------------------------------------------------------------

    private static final RowMapper<AuditEntry> AUDIT = (rs, ctx) -> new AuditEntry(rs.getLong("id"),
            instant(rs, "time_ms"), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
            rs.getString("detail"));

    @Override
    public AuditEntry audit(AuditEntry e) {
        long id = run("audit", () -> jdbi.withHandle(h -> insertAudit(h, e)));
        return new AuditEntry(id, e.time(), e.actor(), e.action(), e.target(), e.detail());
    }

    private static long insertAudit(Handle h, AuditEntry e) {
        return h.createQuery("""
                INSERT INTO audit (time_ms, actor, action, target, detail)
                VALUES (:time, :actor, :action, :target, :detail) RETURNING id""")
                .bind("time", ms(e.time())).bind("actor", e.actor()).bind("action", e.action())
                .bind("target", e.target()).bind("detail", e.detail()).mapTo(Long.class).one();
    }

    @Override
    public List<AuditEntry> auditTrail(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        checkLimit(limit);
        return run("auditTrail", () -> jdbi.withHandle(h -> h.createQuery("""
                SELECT id, time_ms, actor, action, target, detail FROM audit WHERE time_ms >= :since
                ORDER BY time_ms DESC, id DESC LIMIT :limit""")
                .bind("since", since.toEpochMilli()).bind("limit", limit).map(AUDIT).list()));
    }

    @Override
    public List<AuditEntry> auditSearch(String who, String what, Instant from, Instant to, int limit) {
        checkLimit(limit);
        // LIKE with an escape character of our own, so the user's % and _ are plain characters
        StringBuilder sql = new StringBuilder("SELECT id, time_ms, actor, action, target, detail FROM audit WHERE 1 = 1");
        if (who != null && !who.isEmpty()) sql.append(" AND lower(actor) LIKE :who ESCAPE '!'");
        if (what != null && !what.isEmpty()) sql.append(" AND lower(action) LIKE :what ESCAPE '!'");
        if (from != null) sql.append(" AND time_ms >= :from");
        if (to != null) sql.append(" AND time_ms < :to");
        sql.append(" ORDER BY time_ms DESC, id DESC LIMIT :limit");
        return run("auditSearch", () -> jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit);
            if (who != null && !who.isEmpty()) q.bind("who", contains(who));
            if (what != null && !what.isEmpty()) q.bind("what", contains(what));
            if (from != null) q.bind("from", from.toEpochMilli());
            if (to != null) q.bind("to", to.toEpochMilli());
            return q.map(AUDIT).list();
        }));
    }

    /** A LIKE pattern matching {@code text} anywhere, lower case, its wildcards escaped with '!'. */
    private static String contains(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + t + "%";
    }

    // --- tokens ------------------------------------------------------------------------------

    private static final RowMapper<TokenRecord> TOKEN = (rs, ctx) -> new TokenRecord(rs.getString("name"),
            rs.getString("hash"), rs.getString("role"), instant(rs, "created_ms"));

    @Override
    public void putToken(TokenRecord t) {
        run("putToken", () -> jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO tokens (name, hash, role, created_ms) VALUES (:name, :hash, :role, :created)
                ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, role = excluded.role,
                  created_ms = excluded.created_ms""")
                .bind("name", t.name()).bind("hash", t.hash()).bind("role", t.role())
                .bind("created", ms(t.created())).execute()));
    }

    @Override
    public Optional<TokenRecord> tokenByHash(String hash) {
        return run("tokenByHash", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT name, hash, role, created_ms FROM tokens WHERE hash = :hash")
                .bind("hash", hash).map(TOKEN).findOne()));
    }

    @Override
    public List<TokenRecord> tokens() {
        return run("tokens", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT name, hash, role, created_ms FROM tokens ORDER BY name").map(TOKEN).list()));
    }

    @Override
    public boolean removeToken(String name) {
        return run("removeToken", () -> jdbi.withHandle(h -> h.createUpdate("DELETE FROM tokens WHERE name = :name")
                .bind("name", name).execute() > 0));
    }

    // --- incidents and deliveries (SQL in IncidentSql) ----------------------------------------

    @Override
    public void saveIncident(Incident incident, AuditEntry audit) {
        Objects.requireNonNull(incident, "incident");
        run("saveIncident(" + incident.id() + ")", () -> jdbi.inTransaction(h -> {
            IncidentSql.save(h, incident);
            if (audit != null) {
                insertAudit(h, audit);
            }
            return null;
        }));
    }

    @Override
    public Optional<Incident> incident(String id) {
        return run("incident", () -> jdbi.inTransaction(h -> IncidentSql.byId(h, id)));
    }

    @Override
    public List<Incident> incidents(boolean openOnly, int limit) {
        checkLimit(limit);
        return run("incidents", () -> jdbi.inTransaction(h -> IncidentSql.list(h, openOnly, limit)));
    }

    @Override
    public Optional<Incident> latestIncident(String campaignKey) {
        return run("latestIncident", () -> jdbi.inTransaction(h -> IncidentSql.latest(h, campaignKey)));
    }

    @Override
    public List<String> accountsInOpenIncidents() {
        return run("accountsInOpenIncidents", () -> jdbi.withHandle(IncidentSql::accountsInOpen));
    }

    @Override
    public boolean addDelivery(DeliveryRecord d) {
        Objects.requireNonNull(d, "delivery");
        return run("addDelivery(" + d.key() + ")", () -> jdbi.withHandle(h -> IncidentSql.addDelivery(h, d)));
    }

    @Override
    public boolean moveDelivery(DeliveryRecord next, DeliveryRecord.State from) {
        Objects.requireNonNull(next, "delivery");
        return run("moveDelivery(" + next.key() + ")", () -> jdbi.withHandle(h -> IncidentSql.moveDelivery(h, next, from)));
    }

    @Override
    public List<DeliveryRecord> deliveriesDue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        checkLimit(limit);
        return run("deliveriesDue", () -> jdbi.withHandle(h -> IncidentSql.due(h, now, limit)));
    }

    @Override
    public List<DeliveryRecord> deliveries(String incidentId) {
        return run("deliveries", () -> jdbi.withHandle(h -> IncidentSql.of(h, incidentId)));
    }

    @Override
    public int markInterruptedDeliveries(Instant now) {
        Objects.requireNonNull(now, "now");
        return run("markInterruptedDeliveries", () -> jdbi.withHandle(h -> IncidentSql.interrupted(h, now)));
    }

    // --- console users (SQL in ConsoleUserSql) ------------------------------------------------

    @Override
    public void putConsoleUser(ConsoleUserRecord user, AuditEntry audit) {
        Objects.requireNonNull(user, "user");
        run("putConsoleUser(" + user.name() + ")", () -> jdbi.inTransaction(h -> {
            ConsoleUserSql.put(h, user);
            if (audit != null) {
                insertAudit(h, audit);
            }
            return null;
        }));
    }

    @Override
    public Optional<ConsoleUserRecord> consoleUser(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return run("consoleUser", () -> jdbi.withHandle(h -> ConsoleUserSql.byName(h, name)));
    }

    @Override
    public List<ConsoleUserRecord> consoleUsers() {
        return run("consoleUsers", () -> jdbi.withHandle(ConsoleUserSql::all));
    }

    @Override
    public boolean removeConsoleUser(String name, AuditEntry audit) {
        if (name == null) {
            return false;
        }
        return run("removeConsoleUser", () -> jdbi.inTransaction(h -> {
            boolean removed = ConsoleUserSql.remove(h, name);
            if (removed && audit != null) {
                insertAudit(h, audit);
            }
            return removed;
        }));
    }

    @Override
    public boolean moveTotpStep(String name, long from, long to) {
        if (to <= from) {
            throw new IllegalArgumentException("moveTotpStep: to (" + to + ") must be greater than from (" + from + ")");
        }
        if (name == null) {
            return false;
        }
        return run("moveTotpStep", () -> jdbi.withHandle(h -> ConsoleUserSql.moveStep(h, name, from, to)));
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Store[" + description + "]";
    }

    // --- errors ------------------------------------------------------------------------------

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
    }

    private <T> T run(String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(operation + " failed on " + description + ": " + reason(e), e);
        }
    }

    /**
     * The database's own words: the innermost SQLException's message (Jdbi's wrapper adds the
     * statement and its bound arguments, which are long and may carry data), else the exception.
     */
    static String reason(Throwable e) {
        String reason = String.valueOf(e);
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }
}
