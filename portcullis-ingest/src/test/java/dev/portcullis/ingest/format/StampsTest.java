package dev.portcullis.ingest.format;

import dev.portcullis.ingest.text.Stamps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class StampsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void isoForms() {
        assertThat(Stamps.iso("2023-07-12T12:38:43", ZoneOffset.UTC)).isEqualTo(Instant.parse("2023-07-12T12:38:43Z"));
        assertThat(Stamps.iso("2023-07-12T12:38:43Z", PARIS)).isEqualTo(Instant.parse("2023-07-12T12:38:43Z"));
        assertThat(Stamps.iso("2023-07-12T12:38:43.1234567Z", PARIS)).isEqualTo(Instant.parse("2023-07-12T12:38:43.1234567Z"));
        assertThat(Stamps.iso("2023-07-12T12:38:43.123456789123Z", PARIS)).isEqualTo(Instant.parse("2023-07-12T12:38:43.123456789Z"));
        assertThat(Stamps.iso("2022-01-16T15:42:37+01:00", PARIS)).isEqualTo(Instant.parse("2022-01-16T14:42:37Z"));
        assertThat(Stamps.iso("2022-01-16T15:42:37-0230", PARIS)).isEqualTo(Instant.parse("2022-01-16T18:12:37Z"));
        assertThat(Stamps.iso("2022-01-16 15:42:37,357", ZoneOffset.UTC)).isEqualTo(Instant.parse("2022-01-16T15:42:37.357Z"));
        assertThat(Stamps.iso("2022/04/02 13:39:51", ZoneOffset.UTC)).isEqualTo(Instant.parse("2022-04-02T13:39:51Z"));
        assertThat(Stamps.iso("2022-01-16T15:42", ZoneOffset.UTC)).isEqualTo(Instant.parse("2022-01-16T15:42:00Z"));
    }

    @Test
    void zoneRulesApplyToStampsWithoutOffset() {
        assertThat(Stamps.iso("2026-07-01 12:00:00", PARIS)).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(Stamps.iso("2026-01-01 12:00:00", PARIS)).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
    }

    @Test
    void invalidDatesAreNull() {
        assertThat(Stamps.iso("2023-02-29T00:00:00Z", PARIS)).isNull();
        assertThat(Stamps.iso("2024-02-29T00:00:00Z", PARIS)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(Stamps.iso("2023-13-01T00:00:00Z", PARIS)).isNull();
        assertThat(Stamps.iso("2023-01-01T24:00:00Z", PARIS)).isNull();
        assertThat(Stamps.iso("2023-01-01T23:00:00+99:00", PARIS)).isNull();
        assertThat(Stamps.iso("2023-01-01T23:00:00Zjunk", PARIS)).isNull();
        assertThat(Stamps.iso("2023-01-01T23:00:00.", PARIS)).isNull();
        assertThat(Stamps.iso("not a date at all!", PARIS)).isNull();
        assertThat(Stamps.iso("", PARIS)).isNull();
        assertThat(Stamps.iso(null, PARIS)).isNull();
    }

    @Test
    void leapSecondIsKeptInItsMinute() {
        assertThat(Stamps.iso("2016-12-31T23:59:60Z", PARIS)).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    void usStyle() {
        assertThat(Stamps.us("6/14/2023 1:14:02 PM", ZoneOffset.UTC)).isEqualTo(Instant.parse("2023-06-14T13:14:02Z"));
        assertThat(Stamps.us("7/12/2023, 12:38:43 AM", ZoneOffset.UTC)).isEqualTo(Instant.parse("2023-07-12T00:38:43Z"));
        assertThat(Stamps.us("7/12/2023, 12:38:43 PM", ZoneOffset.UTC)).isEqualTo(Instant.parse("2023-07-12T12:38:43Z"));
        assertThat(Stamps.us("12/31/2023 23:59:59", ZoneOffset.UTC)).isEqualTo(Instant.parse("2023-12-31T23:59:59Z"));
        assertThat(Stamps.us("12/31/2023 13:00:00 PM", ZoneOffset.UTC)).isNull();
        assertThat(Stamps.us("2/30/2023 1:00:00 PM", ZoneOffset.UTC)).isNull();
        assertThat(Stamps.us("6/14/2023 1:14:02 XM", ZoneOffset.UTC)).isNull();
    }

    @Test
    void roundcubeStamps() {
        String s = "[25-Nov-2026 10:00:00 +0100]";
        assertThat(RoundcubeParser.stamp(s, 1, s.length() - 1, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        String noZone = "[5-Jun-2026 10:00:00]";
        assertThat(RoundcubeParser.stamp(noZone, 1, noZone.length() - 1, PARIS)).isEqualTo(Instant.parse("2026-06-05T08:00:00Z"));
        String iso = "[2026-11-25 10:00:00 +0100]";
        assertThat(RoundcubeParser.stamp(iso, 1, iso.length() - 1, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        String bad = "[25-Nov-2026 10:00:00 +01zz]";
        assertThat(RoundcubeParser.stamp(bad, 1, bad.length() - 1, ZoneOffset.UTC)).isNull();
    }
}
