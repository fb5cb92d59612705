/**
 * Persistence, on SQLite or PostgreSQL: {@code Store} is the contract (the gate's state as core's own
 * records through {@code Change}s and {@code Snapshot}, detections, the append-only audit trail, admin
 * tokens, incidents and notification deliveries, console users); {@code StoreLocation} turns an operator's location (a
 * directory or a JDBC URL) into an open store; {@code Sqlite} and {@code Postgres} only open connections
 * (HikariCP pool, Flyway migrations from {@code db/migration/{sqlite,postgresql}}); all SQL is in
 * {@code SqlStore}, {@code StateTable} (gate record ↔ row) and {@code IncidentSql} (incidents, notes,
 * deliveries), {@code ConsoleUserSql} (console users), portable between the two databases.
 *
 * <p>Rules: this is the module that does database I/O, and nothing on the gate's decision path calls it.
 * Every {@code Store} method is thread-safe; {@code apply} is one transaction. Every failure is a
 * {@code StoreException} naming the operation, the database (never its credentials: they are taken out of
 * a URL before anyone sees it) and the database's reason. The audit table refuses updates and deletes in
 * the database itself. A row that no longer makes a valid record is skipped and named, never fatal at
 * start.
 */
package dev.portcullis.store;
