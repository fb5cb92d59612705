package dev.portcullis.core.engine;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoSecondsTest {
    @Test
    void writesWhatInstantToStringWrites() {
        IsoSeconds f = new IsoSeconds();
        Random r = new Random(3);
        long[] edges = {0, 59, 60, 3599, 86_399, 86_400, 1_700_000_000L, 253_402_300_799L, 253_402_300_800L, -1,
            -62_135_596_800L, Long.MAX_VALUE / 4_000_000_000L};
        for (long s : edges) {
            assertThat(f.format(s)).isEqualTo(Instant.ofEpochSecond(s).toString());
        }
        long t = 1_763_593_200L; // walking forward through days, as a report does, and jumping back
        for (int i = 0; i < 20_000; i++) {
            t += r.nextInt(20_000) - (i % 1_000 == 0 ? 5_000_000 : 0);
            assertThat(f.format(t)).isEqualTo(Instant.ofEpochSecond(t).toString());
        }
    }
}
