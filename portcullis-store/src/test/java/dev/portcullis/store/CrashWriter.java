package dev.portcullis.store;

import java.time.Instant;
import java.util.List;

/** Child process of {@link SqliteStoreTest#aCommittedBatchSurvivesKillDashNine()}: commits, says so, waits to be killed. */
public final class CrashWriter {
    static final String COMMITTED = "COMMITTED";
    static final List<String> TARGETS = List.of("198.51.100.1", "198.51.100.2", "198.51.100.3");

    private CrashWriter() {}

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(args[0]);   // deliberately never closed
        store.apply(TARGETS.stream().map(t -> Change.put(StoreContractTest.block(t, null))).toList());
        store.audit(new AuditEntry(0, Instant.parse("2026-06-01T12:00:00Z"), "cli", "crash.test", "x", null));
        System.out.println(COMMITTED);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
