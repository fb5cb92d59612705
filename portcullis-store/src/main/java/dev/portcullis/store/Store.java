package dev.portcullis.store;

import dev.portcullis.core.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of the gate's state (core's own records: blocks, lockouts, lockdowns, allowlists), detections, the
 * append-only audit trail, admin tokens, incidents and their notification deliveries, and the web
 * console's users.
 *
 * <p>Contract: the gate decides from memory and never calls the store on its decision path; state
 * changes reach {@link #apply(List)} in batches from a writer thread (write-behind), while admin
 * changes are applied synchronously before they are acknowledged. Every method is thread-safe; a
 * failure is a {@link StoreException} naming the operation and the database. {@link #apply(List)} is
 * one transaction: all of a batch or none of it.
 *
 * <p>Two implementations behind one {@link #open(String)}: SQLite (a directory, file
 * {@code portcullis.db} inside it, WAL mode) and PostgreSQL (a {@code jdbc:postgresql:} URL). Both
 * are migrated with Flyway at open.
 *
 * <p>Times are kept to the millisecond. A {@code limit} must be 0 or more
 * ({@link IllegalArgumentException} otherwise). A PostgreSQL URL's credentials (user-info,
 * {@code password=}) are handed to the driver and never appear in {@link #describe()} or messages.
 */
public interface Store extends AutoCloseable {

    /** A directory for SQLite (created if missing), or a {@code jdbc:sqlite:} / {@code jdbc:postgresql:} URL. */
    static Store open(String location) {
        return StoreLocation.open(location);
    }

    /** What this store is, for messages: the SQLite file or the JDBC URL without credentials. */
    String describe();

    /**
     * Everything in force at {@code now}: records whose {@code until} is null or after now. A stored
     * row that no longer makes a valid record is skipped and named in {@link Snapshot#unreadable()}.
     */
    Snapshot load(Instant now);

    /**
     * Applies a batch of puts and removes in one transaction, in order; if any change fails (a null
     * key, a constraint), nothing of the batch remains. A null change, or a put without a record, is
     * refused before anything is written.
     */
    void apply(List<Change> changes);

    /** Deletes records whose {@code until} is at or before {@code now}; returns how many. */
    int purgeExpired(Instant now);

    // --- detections --------------------------------------------------------------------------

    /** Inserts or replaces a detection by id. */
    void putDetection(DetectionRecord d);

    /**
     * Detections still relevant at {@code since}: those that ended at or after it, or have not ended
     * ({@code end} null); the latest started first, at most {@code limit}.
     */
    List<DetectionRecord> detections(Instant since, int limit);

    // --- audit trail (append-only: the schema refuses updates and deletes) ------------------

    /** Appends an entry; returns it with its id. */
    AuditEntry audit(AuditEntry e);

    /** Entries whose time is at or after {@code since}, newest first (by time, then id), at most {@code limit}. */
    List<AuditEntry> auditTrail(Instant since, int limit);

    /**
     * A search of the audit trail (the console's Audit page): entries whose actor contains {@code who}
     * and whose action contains {@code what} (both ignoring case; null or empty matches all), with a
     * time in [{@code from}, {@code to}) (null: unbounded), newest first, at most {@code limit}.
     */
    List<AuditEntry> auditSearch(String who, String what, Instant from, Instant to, int limit);

    // --- admin tokens (only a hash is ever stored) ------------------------------------------

    void putToken(TokenRecord t);

    Optional<TokenRecord> tokenByHash(String hash);

    List<TokenRecord> tokens();

    boolean removeToken(String name);

    // --- incidents (whole: row, accounts, notes) --------------------------------------------

    /**
     * Writes an incident whole: its row, its accounts (upserted) and the notes not stored yet (notes
     * are append-only: a note's position is its key), and {@code audit} when not null, in one transaction.
     */
    void saveIncident(Incident incident, AuditEntry audit);

    Optional<Incident> incident(String id);

    /** Incidents (only open ones when {@code openOnly}), the latest opened first, at most {@code limit}. */
    List<Incident> incidents(boolean openOnly, int limit);

    /** The campaign's latest incident, open or closed. */
    Optional<Incident> latestIncident(String campaignKey);

    /** Accounts that are part of an open incident, sorted. */
    List<String> accountsInOpenIncidents();

    // --- deliveries (notifications about incidents; at most one per key) ---------------------

    /** Records a delivery unless one with its key exists; true when this call recorded it. */
    boolean addDelivery(DeliveryRecord d);

    /**
     * Replaces a delivery's state only if it is still {@code from} (compare-and-set); true when it was.
     * This is how an attempt is claimed (PENDING/RETRY → SENDING) and finished.
     */
    boolean moveDelivery(DeliveryRecord next, DeliveryRecord.State from);

    /** PENDING and RETRY deliveries due at {@code now}, the longest waiting first, at most {@code limit}. */
    List<DeliveryRecord> deliveriesDue(Instant now, int limit);

    /** The deliveries of one incident, or of all when {@code incidentId} is null. */
    List<DeliveryRecord> deliveries(String incidentId);

    /**
     * After a restart: deliveries left SENDING (the process stopped during an attempt) become UNKNOWN
     * and are not retried — they may have arrived. Returns how many.
     */
    int markInterruptedDeliveries(Instant now);

    // --- console users (never a password: a PHC hash; see ConsoleUserRecord) -------------------

    /**
     * Inserts a user or replaces the one of that name, and appends {@code audit} when not null, in one
     * transaction. An update that keeps the user's TOTP secret never moves its
     * {@link ConsoleUserRecord#lastTotpStep()} backwards (a password change read the user before a sign-in
     * moved the step, and must not reopen the codes that sign-in spent); a new or removed secret takes
     * the record's step.
     */
    void putConsoleUser(ConsoleUserRecord user, AuditEntry audit);

    /** The user of that exact (canonical) name. */
    Optional<ConsoleUserRecord> consoleUser(String name);

    /** All users, by name. */
    List<ConsoleUserRecord> consoleUsers();

    /** Deletes the user and appends {@code audit} when not null, in one transaction; true when there was one (no audit otherwise). */
    boolean removeConsoleUser(String name, AuditEntry audit);

    /**
     * Compare-and-set of a user's last accepted TOTP step: sets it to {@code to} only if it is still
     * {@code from}; true when it was. Of two sign-ins racing with the same code, one wins. {@code to}
     * must be greater than {@code from} ({@link IllegalArgumentException} otherwise).
     */
    boolean moveTotpStep(String name, long from, long to);

    @Override
    void close();
}
