package dev.portcullis.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The accelerated clock's contract, without timing anything: it stands until started, never runs backwards. */
class FastClockTest {
    static final Instant START = Instant.parse("2026-11-20T19:00:00Z");

    @Test
    void standsAtItsStartUntilItGoes() {
        FastClock c = new FastClock(START, 120);
        assertThat(c.instant()).isEqualTo(START);
        assertThat(c.elapsed()).isZero();
        assertThat(c.going()).isFalse();
        assertThatThrownBy(() -> c.sleepUntil(START.plusSeconds(60))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("go()");
        c.go();
        Instant a = c.instant();
        Instant b = c.instant();
        assertThat(a).isAfterOrEqualTo(START);
        assertThat(b).as("monotonic").isAfterOrEqualTo(a);
        c.go(); // a second go changes nothing
        assertThat(c.instant()).isAfterOrEqualTo(b);
    }

    @Test
    void convertsSimulatedSpansToReal() {
        FastClock c = new FastClock(START, 120);
        assertThat(c.real(Duration.ofHours(4))).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.rate()).isEqualTo(120);
    }

    @Test
    void refusesASpeedOutOfRange() {
        assertThatThrownBy(() -> new FastClock(START, 0.5)).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> new FastClock(START, Double.NaN)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> new FastClock(START, 1e6)).hasMessageContaining("between 1 and 100000");
    }

    @Test
    void aTimeAlreadyPassedDoesNotWait() throws InterruptedException {
        FastClock c = new FastClock(START, 1000).go();
        c.sleepUntil(START.minusSeconds(3600)); // returns at once; a wait here would hang the test for an hour
        assertThat(c.instant()).isAfterOrEqualTo(START);
    }
}
