package dev.portcullis.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The packed time scale: its range, its edges, its sentinel, and the engine's behaviour beyond it. */
class PackedTimeTest {
    @Test
    void theRangeIsTheDocumentedOneAroundTwoThousand() {
        assertThat(Instant.ofEpochSecond(PackedTime.EPOCH)).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(Instant.ofEpochSecond(PackedTime.MIN)).isEqualTo(Instant.parse("1931-12-13T20:45:53Z"));
        assertThat(Instant.ofEpochSecond(PackedTime.MAX)).isEqualTo(Instant.parse("2068-01-19T03:14:07Z"));
        assertThat(PackedTime.pack(PackedTime.EPOCH)).isZero();
    }

    @Test
    void timesInsideTheRangeRoundTripExactly() {
        for (long t : new long[] {PackedTime.MIN, PackedTime.MIN + 1, -1, 0, 1, PackedTime.EPOCH - 1, PackedTime.EPOCH,
                Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(), PackedTime.MAX - 1, PackedTime.MAX}) {
            assertThat(PackedTime.unpack(PackedTime.pack(t))).as("t=%d", t).isEqualTo(t);
            assertThat(PackedTime.clamp(t)).isEqualTo(t);
        }
    }

    @Test
    void timesOutsideTheRangeClampToItsEndsAndNeverBecomeTheSentinel() {
        assertThat(PackedTime.unpack(PackedTime.pack(PackedTime.MIN - 1))).isEqualTo(PackedTime.MIN);
        assertThat(PackedTime.unpack(PackedTime.pack(Long.MIN_VALUE))).isEqualTo(PackedTime.MIN);
        assertThat(PackedTime.unpack(PackedTime.pack(PackedTime.MAX + 1))).isEqualTo(PackedTime.MAX);
        assertThat(PackedTime.unpack(PackedTime.pack(Long.MAX_VALUE))).isEqualTo(PackedTime.MAX);
        assertThat(PackedTime.pack(Long.MIN_VALUE)).isNotEqualTo(PackedTime.UNSET);
        assertThat(PackedTime.pack(PackedTime.MIN)).isEqualTo(PackedTime.UNSET + 1);
        assertThat(PackedTime.pack(PackedTime.MAX)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theSentinelUnpacksToTheCallersDefault() {
        assertThat(PackedTime.unpack(PackedTime.UNSET, -1)).isEqualTo(-1);
        assertThat(PackedTime.unpack(PackedTime.pack(-1), 42)).isEqualTo(-1);
    }

    @Test
    void aBruteForceIn1970IsReportedWithItsOwnTimes() {
        Engine engine = new Engine();
        Instant t0 = Instant.EPOCH;
        for (int i = 0; i < 40; i++) {
            engine.record(AuthEvent.builder().time(t0.plusSeconds(i)).format("t").sourceText("203.0.113.66")
                    .account("victim").failure(Reason.BAD_PASSWORD).build());
        }
        Detection d = engine.findings().attacks().get(0);
        assertThat(d.kind()).isEqualTo(AttackKind.BRUTE_FORCE);
        assertThat(d.start()).isEqualTo(t0);
        assertThat(d.end()).isEqualTo(t0.plusSeconds(39));
    }

    @Test
    void aLogBeyondTheRangeIsJudgedAsIfAtItsEnd() {
        Engine engine = new Engine();
        for (Instant t0 : new Instant[] {Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")}) {
            for (int i = 0; i < 40; i++) {
                engine.record(AuthEvent.builder().time(t0.plusSeconds(i)).format("t")
                        .sourceText(t0.getEpochSecond() < 0 ? "203.0.113.1" : "203.0.113.2")
                        .account("victim").failure(Reason.BAD_PASSWORD).build());
            }
        }
        assertThat(engine.findings().attacks()).extracting(Detection::kind, Detection::start, Detection::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AttackKind.BRUTE_FORCE, Instant.ofEpochSecond(PackedTime.MIN),
                                Instant.ofEpochSecond(PackedTime.MIN)),
                        org.assertj.core.groups.Tuple.tuple(AttackKind.BRUTE_FORCE, Instant.ofEpochSecond(PackedTime.MAX),
                                Instant.ofEpochSecond(PackedTime.MAX)));
    }
}
