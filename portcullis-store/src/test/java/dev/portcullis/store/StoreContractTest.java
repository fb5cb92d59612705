package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link Store} contract, run against each database by a subclass. Each test gets a fresh,
 * empty, migrated store; times are whole milliseconds (what the store keeps).
 */
abstract class StoreContractTest {
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    protected Store store;

    /** A fresh, empty store for one test. */
    protected abstract Store openFresh() throws Exception;

    /** The database of the last {@link #openFresh()}, opened again. */
    protected abstract Store reopen();

    /** A plain JDBC connection to that database, for what the API must not allow. */
    protected abstract Connection rawConnection() throws SQLException;

    /** Removes what {@link #openFresh()} made, after the store is closed. */
    protected void cleanup() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        store = openFresh();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {   // null when openFresh failed; its error is the one to report
            store.close();
        }
        cleanup();
    }

    /** The incident and delivery contract, on the same database. */
    @Nested
    class Incidents extends IncidentStoreContract {
        @Override
        Store store() {
            return store;
        }

        @Override
        Store reopenStore() {
            return reopen();
        }
    }

    /** The console users' contract, on the same database. */
    @Nested
    class ConsoleUsers extends ConsoleUserStoreContract {
        @Override
        Store store() {
            return store;
        }

        @Override
        Store reopenStore() {
            return reopen();
        }
    }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Block block(String target, Instant until) {
        return new Block(target, Block.Action.REJECT, 1, "brute_force", T0, until, "engine");
    }

    static Lockout lockout(String account, Instant until) {
        return new Lockout(account, Lockout.Scope.UNFAMILIAR, "targeted", T0, until, "engine");
    }

    static Lockdown lockdown(String id, Instant until) {
        return new Lockdown(id, Lockdown.Scope.GROUP, List.of("*@finance.example", "ceo@example.org"),
                List.of("breakglass@example.org", "quote\"and\\backslash", "üñï"), "incident 7", T0, until,
                "admin:alice");
    }

    static Allow allow(String value, Instant until) {
        return new Allow(Allow.Kind.NETWORK, value, "office NAT", T0, until, "admin:alice");
    }

    // --- state: put, replace, remove --------------------------------------------------------

    @Test
    void putsEachKindOfRecordAndLoadsItBack() {
        store.apply(List.of(Change.put(block("203.0.113.7", null)), Change.put(lockout("bob@example.org", at(60))),
                Change.put(lockdown("ld-1", null)), Change.put(allow("2001:db8::/64", at(5)))));

        Snapshot s = store.load(T0);
        assertThat(s.blocks()).containsExactly(block("203.0.113.7", null));
        assertThat(s.lockouts()).containsExactly(lockout("bob@example.org", at(60)));
        assertThat(s.lockdowns()).containsExactly(lockdown("ld-1", null));
        assertThat(s.allows()).containsExactly(allow("2001:db8::/64", at(5)));
    }

    @Test
    void aPutWithAnExistingKeyReplacesTheRecord() {
        store.apply(List.of(Change.put(block("198.51.100.0/24", at(10))), Change.put(lockout("eve", null)),
                Change.put(lockdown("ld", null)), Change.put(allow("192.0.2.1", null))));
        Block block2 = new Block("198.51.100.0/24", Block.Action.TARPIT, 3, "again", at(1), at(100), "admin:bob");
        Lockout lockout2 = new Lockout("eve", Lockout.Scope.ALL, "operator", at(2), at(50), "admin:bob");
        Lockdown lockdown2 = new Lockdown("ld", Lockdown.Scope.ALL, List.of(), List.of(), "weekend", at(3), null, "cli");
        Allow allow2 = new Allow(Allow.Kind.NETWORK, "192.0.2.1", "monitoring", at(4), at(40), "cli");

        store.apply(List.of(Change.put(block2), Change.put(lockout2), Change.put(lockdown2), Change.put(allow2)));

        Snapshot s = store.load(T0);
        assertThat(s.blocks()).containsExactly(block2);
        assertThat(s.lockouts()).containsExactly(lockout2);
        assertThat(s.lockdowns()).containsExactly(lockdown2);
        assertThat(s.allows()).containsExactly(allow2);
    }

    @Test
    void removesEachKindOfRecordByKeyAndIgnoresMissingKeys() {
        Allow account = new Allow(Allow.Kind.ACCOUNT, "ops@example.org", null, T0, null, "cli");
        store.apply(List.of(Change.put(block("203.0.113.7", null)), Change.put(block("203.0.113.8", null)),
                Change.put(lockout("bob", null)), Change.put(lockdown("ld", null)), Change.put(account)));

        store.apply(List.of(Change.remove(Block.class, "203.0.113.7"), Change.remove(Lockout.class, "bob"),
                Change.remove(Lockdown.class, "ld"), Change.remove(Allow.class, account.key()),
                Change.remove(Block.class, "never-there"), Change.remove(Lockout.class, "203.0.113.8")));

        Snapshot s = store.load(T0);
        assertThat(s.blocks()).containsExactly(block("203.0.113.8", null));
        assertThat(s.lockouts()).isEmpty();
        assertThat(s.lockdowns()).isEmpty();
        assertThat(s.allows()).isEmpty();
    }

    @Test
    void aBatchAppliesInOrder() {
        store.apply(List.of(Change.put(block("a", null)), Change.remove(Block.class, "a"),
                Change.put(block("b", at(1))), Change.remove(Block.class, "b"), Change.put(block("b", at(2)))));

        assertThat(store.load(T0).blocks()).containsExactly(block("b", at(2)));
    }

    @Test
    void loadReturnsOnlyRecordsInForce() {
        store.apply(List.of(Change.put(block("forever", null)), Change.put(block("later", at(1))),
                Change.put(block("now", T0)), Change.put(block("past", at(-1))),
                Change.put(lockout("expired", at(-5))), Change.put(lockdown("expired", T0)),
                Change.put(allow("expired", at(-1))), Change.put(allow("current", at(1)))));

        Snapshot s = store.load(T0);
        assertThat(s.blocks()).extracting(Block::target).containsExactly("forever", "later");
        assertThat(s.lockouts()).isEmpty();
        assertThat(s.lockdowns()).isEmpty();
        assertThat(s.allows()).extracting(Allow::value).containsExactly("current");
        assertThat(store.load(at(1)).blocks()).extracting(Block::target).containsExactly("forever");
        assertThat(store.load(at(-10)).blocks()).hasSize(4);
    }

    @Test
    void aBatchWithAFailingChangeLeavesNothingBehind() {
        store.apply(List.of(Change.put(block("kept", null)), Change.put(lockout("kept", null))));
        List<Change> batch = List.of(Change.put(block("new", null)), Change.remove(Block.class, "kept"),
                Change.put(lockdown("new", null)), Change.remove(Lockout.class, "kept"),
                Change.put(lockout(null, null)));   // a null key: the database refuses it

        StoreException e = assertThrows(StoreException.class, () -> store.apply(batch));

        assertThat(e.getMessage()).contains("apply").contains(store.describe());
        Snapshot s = store.load(T0);
        assertThat(s.blocks()).containsExactly(block("kept", null));
        assertThat(s.lockouts()).containsExactly(lockout("kept", null));
        assertThat(s.lockdowns()).isEmpty();
    }

    @Test
    void anIncompleteChangeIsRefusedBeforeAnythingIsWritten() {
        List<Change> batch = new ArrayList<>();
        batch.add(Change.put(block("x", null)));
        batch.add(new Change.Put(null));

        assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreException.class).hasMessageContaining("change 1");
        assertThat(store.load(T0).blocks()).isEmpty();
    }

    @Test
    void purgeDeletesRecordsExpiredAtOrBeforeNow() {
        store.apply(List.of(Change.put(block("forever", null)), Change.put(block("later", at(1))),
                Change.put(block("now", T0)), Change.put(block("past", at(-1))), Change.put(lockout("past", at(-1))),
                Change.put(lockdown("past", at(-1))), Change.put(allow("past", at(-1))), Change.put(allow("kept", null))));

        assertThat(store.purgeExpired(T0)).isEqualTo(5);   // blocks "now" and "past", and one of each other kind

        Snapshot everything = store.load(Instant.EPOCH);
        assertThat(everything.blocks()).extracting(Block::target).containsExactly("forever", "later");
        assertThat(everything.lockouts()).isEmpty();
        assertThat(everything.lockdowns()).isEmpty();
        assertThat(everything.allows()).extracting(Allow::value).containsExactly("kept");
        assertThat(store.purgeExpired(T0)).isZero();
    }

    @Test
    void aRowThatNoLongerMakesARecordIsSkippedAndNamed() throws SQLException {
        store.apply(List.of(Change.put(block("203.0.113.7", null)), Change.put(lockdown("kept", null))));
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO blocks (target, action, level, reason, since_ms, until_ms, created_by)"
                    + " VALUES ('198.51.100.9', 'smite', 1, 'x', " + T0.toEpochMilli() + ", NULL, 'engine')");
            s.executeUpdate("INSERT INTO lockdowns (id, scope, accounts, exempt, reason, since_ms, until_ms, created_by)"
                    + " VALUES ('empty', 'group', '[]', '[]', 'x', " + T0.toEpochMilli() + ", NULL, 'cli')");
        }

        Snapshot s = store.load(T0);

        assertThat(s.blocks()).containsExactly(block("203.0.113.7", null));
        assertThat(s.lockdowns()).containsExactly(lockdown("kept", null));
        assertThat(s.unreadable()).hasSize(2);
        assertThat(s.unreadable().get(0)).startsWith("block 198.51.100.9: ").contains("'smite'", "reject, tarpit");
        assertThat(s.unreadable().get(1)).startsWith("lockdown empty: ").contains("at least one account");
    }

    // --- detections --------------------------------------------------------------------------

    @Test
    void detectionsArePutReplacedAndListedNewestFirst() {
        DetectionRecord old = new DetectionRecord("d1", "brute_force", at(-120), at(-100), at(-99), "{\"sources\":[]}");
        DetectionRecord mid = new DetectionRecord("d2", "password_spray", at(-30), at(-10), at(-9), "{}");
        DetectionRecord ongoing = new DetectionRecord("d3", "distributed_spray", at(-20), null, at(-1), "{\"n\":1}");
        store.putDetection(old);
        store.putDetection(mid);
        store.putDetection(ongoing);
        DetectionRecord midGrown = new DetectionRecord("d2", "password_spray", at(-30), at(-5), at(-4), "{\"more\":true}");
        store.putDetection(midGrown);

        assertThat(store.detections(at(-60), 10)).containsExactly(ongoing, midGrown);
        assertThat(store.detections(Instant.EPOCH, 10)).containsExactly(ongoing, midGrown, old);
        assertThat(store.detections(Instant.EPOCH, 1)).containsExactly(ongoing);
    }

    // --- audit trail -------------------------------------------------------------------------

    @Test
    void auditSearchFiltersByWhoWhatAndTime() {
        AuditEntry a = store.audit(new AuditEntry(0, at(1), "console:Alice", "lockdown.on", "all", "{}"));
        AuditEntry b = store.audit(new AuditEntry(0, at(2), "admin:ops", "block.add", "203.0.113.7", "{}"));
        AuditEntry c = store.audit(new AuditEntry(0, at(3), "console:bob", "console.signin", "bob", "{}"));
        AuditEntry d = store.audit(new AuditEntry(0, at(4), "100%_sure", "block.remove", "x", "{}"));
        assertThat(store.auditSearch(null, null, null, null, 10)).containsExactly(d, c, b, a);
        assertThat(store.auditSearch("CONSOLE:", null, null, null, 10)).containsExactly(c, a);
        assertThat(store.auditSearch(null, "block", null, null, 10)).containsExactly(d, b);
        assertThat(store.auditSearch("", "", at(2), at(4), 10)).containsExactly(c, b);
        assertThat(store.auditSearch("%_", null, null, null, 10)).containsExactly(d); // wildcards are plain text
        assertThat(store.auditSearch("_", null, null, null, 10)).containsExactly(d);
        assertThat(store.auditSearch(null, null, null, null, 1)).containsExactly(d);
    }

    @Test
    void auditAppendsWithIdsAndListsNewestFirst() {
        AuditEntry a = store.audit(new AuditEntry(0, at(1), "admin:alice", "lockdown.on", "all", "{\"reason\":\"x\"}"));
        AuditEntry b = store.audit(new AuditEntry(0, at(2), "engine", "block.add", "203.0.113.7", null));
        AuditEntry c = store.audit(new AuditEntry(0, at(3), "cli", "token.add", "ops", "{}"));

        assertThat(List.of(a.id(), b.id(), c.id())).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(a).isEqualTo(new AuditEntry(a.id(), at(1), "admin:alice", "lockdown.on", "all", "{\"reason\":\"x\"}"));
        assertThat(store.auditTrail(Instant.EPOCH, 10)).containsExactly(c, b, a);
        assertThat(store.auditTrail(at(2), 10)).containsExactly(c, b);
        assertThat(store.auditTrail(Instant.EPOCH, 2)).containsExactly(c, b);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheAuditTrail() throws SQLException {
        AuditEntry a = store.audit(new AuditEntry(0, at(1), "admin:alice", "lockdown.on", "all", "{}"));

        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit SET actor = 'mallory' WHERE id = " + a.id()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }

        assertThat(store.auditTrail(Instant.EPOCH, 10)).containsExactly(a);
    }

    // --- tokens ------------------------------------------------------------------------------

    @Test
    void tokensAreFoundByHashReplacedByNameAndRemoved() {
        TokenRecord ops = new TokenRecord("ops", "a".repeat(64), "admin", T0);
        TokenRecord grafana = new TokenRecord("grafana", "b".repeat(64), "read", at(1));
        store.putToken(ops);
        store.putToken(grafana);

        assertThat(store.tokenByHash("a".repeat(64))).contains(ops);
        assertThat(store.tokenByHash("c".repeat(64))).isEmpty();
        assertThat(store.tokens()).containsExactly(grafana, ops);

        TokenRecord rotated = new TokenRecord("ops", "d".repeat(64), "read", at(2));
        store.putToken(rotated);
        assertThat(store.tokenByHash("a".repeat(64))).isEmpty();
        assertThat(store.tokenByHash("d".repeat(64))).contains(rotated);

        assertThat(store.removeToken("ops")).isTrue();
        assertThat(store.removeToken("ops")).isFalse();
        assertThat(store.tokens()).containsExactly(grafana);
    }

    // --- concurrency, reopening, size, errors --------------------------------------------------

    @Test
    void manyThreadsApplyAuditAndLoadAtOnce() throws Exception {
        int threads = 6;
        int batches = 25;
        int perBatch = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<Change> batch = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            batch.add(Change.put(block("10." + thread + "." + b + "." + i, null)));
                        }
                        store.apply(batch);
                        store.audit(new AuditEntry(0, at(b), "engine", "batch", "t" + thread, null));
                        assertThat(store.load(T0).blocks().size()).isGreaterThanOrEqualTo((b + 1) * perBatch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.load(T0).blocks()).hasSize(threads * batches * perBatch);
        assertThat(store.auditTrail(Instant.EPOCH, 1_000)).hasSize(threads * batches)
                .extracting(AuditEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void reopeningKeepsEverything() {
        store.apply(List.of(Change.put(block("203.0.113.7", null)), Change.put(lockout("bob", at(60))),
                Change.put(lockdown("ld", null)), Change.put(allow("192.0.2.0/24", null))));
        store.putDetection(new DetectionRecord("d1", "brute_force", T0, at(1), at(2), "{}"));
        AuditEntry a = store.audit(new AuditEntry(0, T0, "cli", "block.add", "203.0.113.7", null));
        store.putToken(new TokenRecord("ops", "f".repeat(64), "admin", T0));
        Snapshot before = store.load(T0);
        store.close();

        store = reopen();

        assertThat(store.load(T0)).isEqualTo(before);
        assertThat(store.detections(Instant.EPOCH, 10)).extracting(DetectionRecord::id).containsExactly("d1");
        assertThat(store.auditTrail(Instant.EPOCH, 10)).containsExactly(a);
        assertThat(store.tokenByHash("f".repeat(64))).isPresent();
        AuditEntry b = store.audit(new AuditEntry(0, at(1), "cli", "block.remove", "203.0.113.7", null));
        assertThat(b.id()).isGreaterThan(a.id());
    }

    @Test
    void aBatchOfTenThousandChangesApplies() {
        List<Change> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            switch (i % 10) {
                case 8 -> batch.add(Change.put(lockout("user" + i + "@example.org", at(i))));
                case 9 -> batch.add(Change.remove(Block.class, "b" + (i - 9)));
                default -> batch.add(Change.put(block("b" + i, at(i))));
            }
        }

        long start = System.nanoTime();
        store.apply(batch);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("10,000-change batch (8,000 block puts, 1,000 lockout puts, 1,000 removes, interleaved) "
                + "on %s: %d ms%n", store.describe(), millis);

        Snapshot s = store.load(T0);
        assertThat(s.blocks()).hasSize(7_000);
        assertThat(s.lockouts()).hasSize(1_000);
    }

    @Test
    void aClosedStoreFailsWithTheOperationAndTheDatabaseInTheMessage() {
        String described = store.describe();
        store.close();

        assertThatThrownBy(() -> store.load(T0)).isInstanceOf(StoreException.class)
                .hasMessageContaining("load").hasMessageContaining(described);
    }
}
