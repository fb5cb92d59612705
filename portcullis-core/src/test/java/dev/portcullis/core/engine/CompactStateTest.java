package dev.portcullis.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact per-key structures keep exactly what their plain versions kept, in the same order. */
class CompactStateTest {
    @Test
    void distinctSetIsExactAndOrderedUpToSixteenValuesThenEstimates() {
        DistinctSet set = new DistinctSet();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < DistinctSet.EXACT; i++) {
            assertThat(set.add("acc" + i)).isTrue();
            assertThat(set.add("acc" + i)).isFalse();
            added.add("acc" + i);
            assertThat(set.count()).isEqualTo(i + 1);
            assertThat(set.known()).containsExactlyElementsOf(added);
        }
        assertThat(set.add(null)).isFalse();
        assertThat(set.contains("acc0")).isTrue();
        assertThat(set.contains("nobody")).isFalse();
        for (int i = DistinctSet.EXACT; i < 200; i++) {
            set.add("acc" + i);
        }
        assertThat(set.count()).isBetween(180, 220);
        assertThat(set.known()).containsExactlyElementsOf(added);
    }

    @Test
    void failedFromIsARingOfTheLastFourAddresses() {
        AccountState a = new AccountState("victim");
        a.failedFrom("198.51.100.1");
        assertThat(a.failedFrom).containsExactly("198.51.100.1");
        a.failedFrom("198.51.100.1");
        a.failedFrom("198.51.100.2");
        a.failedFrom("198.51.100.3");
        assertThat(a.failedFrom).containsExactly("198.51.100.1", "198.51.100.2", "198.51.100.3", null);
        a.failedFrom("198.51.100.4");
        a.failedFrom("198.51.100.5");
        a.failedFrom("198.51.100.6");
        assertThat(a.failedFrom).containsExactly("198.51.100.5", "198.51.100.6", "198.51.100.3", "198.51.100.4");
    }

    @Test
    void familiarAddressesKeepTheirFirstLoginTimeForTheLastEight() {
        AccountState a = new AccountState("alice");
        for (int i = 1; i <= 9; i++) {
            a.addFamiliar("198.51.100." + i, 1_000L * i);
            a.addFamiliar("198.51.100." + i, 1_000L * i + 500); // again: keeps the first time
        }
        assertThat(a.isFamiliar("198.51.100.1")).isFalse(); // pushed out by the ninth
        for (int i = 2; i <= 9; i++) {
            assertThat(a.newLoginTime("198.51.100." + i, 10_000)).isEqualTo(1_000L * i);
        }
        assertThat(a.newLoginTime("198.51.100.9", 8_999)).isEqualTo(-1);
    }

    @Test
    void successesKeepTheFirstTimePerAccountInOrder() {
        SourceState s = new SourceState("198.51.100.7");
        s.success("alice", 100, Engine.SUCCESSES_KEPT);
        s.success("alice", 150, Engine.SUCCESSES_KEPT);
        for (int i = 0; i < 10; i++) {
            s.success("u" + i, 200 + i, Engine.SUCCESSES_KEPT);
        }
        assertThat(s.successCount).isEqualTo(11);
        assertThat(s.successAccount(0)).isEqualTo("alice");
        assertThat(s.successTime(0)).isEqualTo(100);
        assertThat(s.successAccount(10)).isEqualTo("u9");
        assertThat(s.successTime(10)).isEqualTo(209);
        assertThat(s.succeededAccountCount()).isEqualTo(11);
        assertThat(s.succeededFor("u3")).isTrue();
        assertThat(s.successes).isEqualTo(12);
    }
}
