package dev.portcullis.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinTableTest {
    @Test
    void joinsAndForgets() {
        JoinTable<int[]> t = new JoinTable<>(4);
        t.put("s1", new int[] {3});
        assertThat(t.get("s1")).containsExactly(3);
        assertThat(t.remove("s1")).containsExactly(3);
        assertThat(t.get("s1")).isNull();
        assertThat(t.remove("s1")).isNull();
        // null keys (a line without a session) are never joined
        t.put(null, new int[] {1});
        assertThat(t.get(null)).isNull();
        assertThat(t.remove(null)).isNull();
        assertThat(t.size()).isZero();
        assertThatThrownBy(() -> new JoinTable<>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionChurnStaysSmallAndAFloodStaysAtTheCap() {
        // the everyday pattern: a session's first line puts, its second removes (50,000 sessions)
        JoinTable<String> t = new JoinTable<>(1_024);
        for (int i = 0; i < 25_000; i++) {
            t.put("a" + i, "x");
            if (i >= 10) {
                assertThat(t.remove("a" + (i - 10))).isEqualTo("x");
            }
        }
        assertThat(t.size()).isEqualTo(10);
        // an attacker's unpaired sessions: the table forgets the least recently used, never grows past the cap
        t.put("recent", "r");
        for (int i = 0; i < 25_000; i++) {
            t.put("flood" + i, "f");
            if (i % 100 == 0) {
                t.get("recent");
            }
            assertThat(t.size()).isLessThanOrEqualTo(1_024);
        }
        assertThat(t.size()).isEqualTo(1_024);
        assertThat(t.get("recent")).isEqualTo("r");
        assertThat(t.get("a24999")).isNull();
        assertThat(t.get("flood24999")).isEqualTo("f");
    }
}
