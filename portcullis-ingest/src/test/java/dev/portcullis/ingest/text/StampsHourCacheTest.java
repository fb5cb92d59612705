package dev.portcullis.ingest.text;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The hour cache of {@link Stamps#rfc3339} answers exactly what a fresh instance answers. */
class StampsHourCacheTest {
    private static final String[] STAMPS = {
        "2026-11-19T23:00:00.156491+00:00 x",
        "2026-11-19T23:00:01.5+00:00",
        "2026-11-19T23:59:59Z",
        "2026-11-19T23:60:00+00:00",       // minute out of range, same hour
        "2026-11-19T23:5x:00+00:00",
        "2026-11-19T23x00:00+00:00",       // the hour matches, the ':' after it does not
        "2026-11-19T23:00:61+00:00",
        "2026-11-19T23:00:60+00:00",       // a leap second
        "2026-11-19T23:00:00+01:00",       // same hour, another offset
        "2026-11-19T23:00:00",             // same hour, no offset
        "2026-11-19T23:00:00+0100",
        "2026-11-19 23:00:00+00:00",
        "2026-11-19T23:00:00.+00:00",
        "2026-11-19T23:00:00.1234567891+00:00",
        "2026-11-19T23:00",
        "2026-11-19T23",
        "2026-11-20T00:00:00Z",
        "2026-11-19T23:00:00-05:30",
        "2026-02-29T23:00:00Z",            // no such day
        "2026-03-29T01:30:00",             // a gap in Europe/Paris
    };

    @Test
    void sameAnswersWithAndWithoutTheCache() {
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York")}) {
            for (boolean required : new boolean[] {true, false}) {
                Stamps cached = new Stamps();
                for (int round = 0; round < 3; round++) {
                    for (String s : STAMPS) {
                        Stamps fresh = new Stamps();
                        int want = fresh.rfc3339(s, 0, zone, required);
                        int got = cached.rfc3339(s, 0, zone, required);
                        assertThat(got).as("%s in %s", s, zone).isEqualTo(want);
                        if (want >= 0) {
                            assertThat(cached.instant).as("%s in %s", s, zone).isEqualTo(fresh.instant);
                        }
                    }
                }
                // the same hour read in another zone
                Stamps other = new Stamps();
                other.rfc3339("2026-11-19T23:00:00", 0, ZoneOffset.UTC, false);
                other.rfc3339("2026-11-19T23:10:00", 0, zone, false);
                Stamps fresh = new Stamps();
                fresh.rfc3339("2026-11-19T23:10:00", 0, zone, false);
                assertThat(other.instant).isEqualTo(fresh.instant);
            }
        }
    }
}
