package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The console-user part of the {@link Store} contract; {@link StoreContractTest} runs it on each database. */
abstract class ConsoleUserStoreContract {
    static final Instant T0 = StoreContractTest.T0;
    static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    abstract Store store();

    abstract Store reopenStore();

    static ConsoleUserRecord user(String name, String role, String secret) {
        return new ConsoleUserRecord(name, role, HASH, secret, 0, T0, "cli:root", null);
    }

    static AuditEntry audit(String action, String target) {
        return new AuditEntry(0, T0, "cli:root", action, target, "{}");
    }

    @Test
    void aUserIsStoredWithItsAuditEntryReadBackAndKeptAcrossAReopen() {
        ConsoleUserRecord alice = user("alice@example.org", "admin", SECRET);
        ConsoleUserRecord bob = new ConsoleUserRecord("bob", "viewer", HASH, null, 0, T0.plusMillis(5), "cli:root",
                T0.plusSeconds(9));
        store().putConsoleUser(alice, audit("user.add", "alice@example.org"));
        store().putConsoleUser(bob, null);

        assertThat(store().consoleUser("alice@example.org")).contains(alice);
        assertThat(store().consoleUser("ALICE@example.org")).as("names are exact (canonical)").isEmpty();
        assertThat(store().consoleUser("nobody")).isEmpty();
        assertThat(store().consoleUser(null)).isEmpty();
        assertThat(store().consoleUsers()).containsExactly(alice, bob);
        assertThat(store().auditTrail(T0, 10)).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user.add", "alice@example.org"));
        try (Store again = reopenStore()) {
            assertThat(again.consoleUsers()).containsExactly(alice, bob);
        }
    }

    @Test
    void anUpdateReplacesTheUserAndARemoveDeletesItOnce() {
        ConsoleUserRecord alice = user("alice", "responder", null);
        store().putConsoleUser(alice, null);
        String newHash = HASH.replace("aGFz", "bmV3");
        ConsoleUserRecord changed = new ConsoleUserRecord("alice", "admin", newHash, SECRET, 0, T0, "cli:root", T0);
        store().putConsoleUser(changed, audit("user.passwd", "alice"));
        assertThat(store().consoleUser("alice")).contains(changed);

        assertThat(store().removeConsoleUser("alice", audit("user.remove", "alice"))).isTrue();
        assertThat(store().removeConsoleUser("alice", audit("user.remove", "alice"))).as("gone already").isFalse();
        assertThat(store().removeConsoleUser(null, null)).isFalse();
        assertThat(store().consoleUser("alice")).isEmpty();
        assertThat(store().auditTrail(T0, 10)).extracting(AuditEntry::action)
                .as("no entry for the remove that removed nothing").containsExactly("user.remove", "user.passwd");
    }

    @Test
    void theTotpStepMovesByCompareAndSetOnlyAndSurvivesAReopen() {
        store().putConsoleUser(user("alice", "admin", SECRET), null);
        assertThat(store().moveTotpStep("alice", 0, 59_000_000L)).isTrue();
        assertThat(store().moveTotpStep("alice", 0, 59_000_001L)).as("stale: someone moved it first").isFalse();
        assertThat(store().moveTotpStep("nobody", 0, 1)).isFalse();
        assertThat(store().moveTotpStep(null, 0, 1)).isFalse();
        assertThrows(IllegalArgumentException.class, () -> store().moveTotpStep("alice", 59_000_000L, 59_000_000L));
        try (Store again = reopenStore()) {
            assertThat(again.consoleUser("alice").orElseThrow().lastTotpStep()).isEqualTo(59_000_000L);
            assertThat(again.moveTotpStep("alice", 59_000_000L, 59_000_002L)).isTrue();
        }
        assertThat(store().consoleUser("alice").orElseThrow().lastTotpStep()).isEqualTo(59_000_002L);
    }

    @Test
    void ofManySignInsRacingWithOneCodeExactlyOneWins() throws Exception {
        store().putConsoleUser(user("alice", "admin", SECRET), null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> store().moveTotpStep("alice", 0, 59_000_000L));
            }
            int wins = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateKeepingTheSecretNeverMovesTheStepBackButANewSecretStartsAgain() {
        ConsoleUserRecord read = user("alice", "admin", SECRET);
        store().putConsoleUser(read, null);
        store().moveTotpStep("alice", 0, 59_000_000L);   // a sign-in after the CLI read the user

        store().putConsoleUser(read.withPasswordHash(HASH.replace("aGFz", "bmV3")), null);
        assertThat(store().consoleUser("alice").orElseThrow().lastTotpStep()).as("the spent codes stay spent")
                .isEqualTo(59_000_000L);

        store().putConsoleUser(read.withTotpSecret("KRUGS4ZANFZSAYJAON2GC3DFEBZWKY3S"), null);
        assertThat(store().consoleUser("alice").orElseThrow().lastTotpStep()).as("re-enrolled").isZero();
    }

    @Test
    void aRecordRefusesWhatWouldLeakOrBreakTheGuard() {
        assertThrows(IllegalArgumentException.class, () -> user("Alice", "admin", null));
        assertThrows(IllegalArgumentException.class, () -> user("", "admin", null));
        assertThrows(IllegalArgumentException.class, () -> user("a".repeat(65), "admin", null));
        assertThrows(IllegalArgumentException.class, () -> user("al ice", "admin", null));
        assertThrows(IllegalArgumentException.class, () -> user("alice", "admin", "not base32!"));
        assertThrows(IllegalArgumentException.class,
                () -> new ConsoleUserRecord("alice", "admin", "correct horse battery", null, 0, T0, "cli:x", null));
        assertThrows(IllegalArgumentException.class,
                () -> new ConsoleUserRecord("alice", "admin", HASH, null, -1, T0, "cli:x", null));
        assertThrows(NullPointerException.class, () -> store().putConsoleUser(null, null));

        String shown = user("alice", "admin", SECRET).toString();
        assertThat(shown).contains("alice", "admin", "totp=yes").doesNotContain(HASH).doesNotContain(SECRET)
                .doesNotContain("argon2");
    }
}
