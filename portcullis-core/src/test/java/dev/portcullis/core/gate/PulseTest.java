package dev.portcullis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PulseTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static Login login(String account, String source) {
        return new Login(account, source, null, "imap", null, null, false);
    }

    @Test
    void countsEachMinuteByOutcomeAndForgetsAnHourAgo() {
        Pulse p = new Pulse(16);
        p.decided(login("ann", "192.0.2.1"), Decision.ALLOW, T0);
        p.reported(login("ann", "192.0.2.1"), true, T0.plusSeconds(1));
        p.decided(login("bob", "198.51.100.7"), Decision.reject("blocked", "no"), T0.plusSeconds(61));
        p.reported(login("bob", "198.51.100.7"), false, T0.plusSeconds(62));

        List<Pulse.Minute> m = p.minutes(T0.plusSeconds(61));
        assertThat(m).hasSize(Pulse.MINUTES);
        assertThat(m.get(58)).isEqualTo(new Pulse.Minute(T0, 1, 0, 0, 1, 0));
        assertThat(m.get(59)).isEqualTo(new Pulse.Minute(T0.plusSeconds(60), 0, 0, 1, 0, 1));

        // an hour on, the same slot is reused: the old minute reads as zero, the new one counts afresh
        p.decided(login("ann", "192.0.2.1"), Decision.ALLOW, T0.plusSeconds(3600));
        List<Pulse.Minute> later = p.minutes(T0.plusSeconds(3600));
        assertThat(later.get(59)).isEqualTo(new Pulse.Minute(T0.plusSeconds(3600), 1, 0, 0, 0, 0));
        assertThat(later.stream().mapToLong(Pulse.Minute::allowed).sum()).isEqualTo(1);
    }

    @Test
    void refusalsByReasonMostFrequentFirst() {
        Pulse p = new Pulse(4);
        p.decided(login("a", "192.0.2.1"), Decision.reject("lockdown", "x"), T0);
        p.decided(login("b", "192.0.2.2"), Decision.reject("blocked", "x"), T0);
        p.decided(login("c", "192.0.2.3"), Decision.reject("blocked", "x"), T0);
        p.decided(login("c", "192.0.2.3"), Decision.delay(2, "slow_down"), T0);
        assertThat(p.refusalsByReason()).containsExactly(
                java.util.Map.entry("blocked", 2L), java.util.Map.entry("lockdown", 1L));
    }

    @Test
    void keepsOnlyTheLastLoginsNewestFirst() {
        Pulse p = new Pulse(3);
        for (int i = 0; i < 10; i++) {
            p.reported(login(i % 2 == 0 ? "ann" : "bob", "192.0.2." + i), i % 3 == 0, T0.plusSeconds(i));
        }
        List<Pulse.Seen> all = p.recent(s -> true, 100);
        assertThat(all).extracting(Pulse.Seen::source).containsExactly("192.0.2.9", "192.0.2.8", "192.0.2.7");
        assertThat(p.recentFor("ann", 100)).extracting(Pulse.Seen::source).containsExactly("192.0.2.8");
        assertThat(p.recent(s -> true, 1)).hasSize(1);
    }

    @Test
    void aFloodOfReasonsOrLoginsStaysBounded() {
        Pulse p = new Pulse(8);
        for (int i = 0; i < 10_000; i++) {
            p.decided(login("u" + i, "192.0.2.1"), Decision.reject("r" + i, "x"), T0);
        }
        assertThat(p.refusalsByReason()).hasSize(Pulse.MAX_REASONS);
        assertThat(p.recent(s -> true, 100_000)).hasSize(8);
    }

    @Test
    void capacityIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Pulse(0));
    }
}
