package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.InputContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.portcullis.ingest.format.WindowsXmlParserTest.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WindowsJsonParserTest {

    @Test
    void winlogbeatAndElasticAgentRecords() {
        Fixture f = Fixture.file(OWN.resolve("winlogbeat.json"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(1); // 4634 logoff
        assertThat(f.events).extracting(AuthEvent::time, AuthEvent::account, AuthEvent::source, AuthEvent::service,
                        AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        tuple(Instant.parse("2026-03-04T10:00:01.250Z"), "frank", "203.0.113.77", "network",
                                Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple(Instant.parse("2026-03-04T10:05:00Z"), "frank", "203.0.113.77", "network",
                                Result.SUCCESS, Reason.NONE),
                        // event.code instead of winlog.event_id; user.name and source.ip instead of event_data
                        tuple(Instant.parse("2026-03-04T10:06:00Z"), "grace", "192.0.2.14", "kerberos",
                                Result.FAILURE, Reason.LOCKED));
        assertThat(f.events.get(0).userAgent()).isEqualTo("WIN-ATTACK");
        assertThat(f.events.get(1).session()).isEqualTo("0x1a2b3c");
        assertThat(f.events).allSatisfy(e -> assertThat(e.format()).isEqualTo("windows"));
    }

    @Test
    void evtxDumpRecordsWithPlainAndAttributedEventIds() {
        Fixture f = Fixture.file(OWN.resolve("evtx-dump.jsonl"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::time, AuthEvent::account, AuthEvent::source, AuthEvent::service,
                        AuthEvent::reason)
                .containsExactly(
                        tuple(Instant.parse("2026-03-05T01:02:03.456789Z"), "administrator", "198.51.100.9", "network",
                                Reason.BAD_PASSWORD),
                        tuple(Instant.parse("2026-03-05T01:02:04Z"), "administrator", "host:WS-0042", "ntlm", Reason.LOCKED));
        assertThat(f.events.get(1).userAgent()).isEqualTo("WS-0042");
    }

    @Test
    void flatNxlogRecordReadsItsZonelessTimeInTheInputsZone() {
        Ingest ingest = new Ingest(0, ZoneId.of("Europe/Paris"));
        InputContext ctx = new InputContext("nxlog.json", Fixture.REFERENCE, 0, ZoneId.of("Europe/Paris"));
        List<AuthEvent> events = new ArrayList<>();
        ingest.line("{\"EventTime\":\"2026-03-05 14:30:00\",\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"TargetUserName\":\"henry\",\"Status\":\"0xc000006d\",\"SubStatus\":\"0xc0000072\",\"LogonType\":\"2\","
                + "\"IpAddress\":\"127.0.0.1\"}", ctx, events::add);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2026-03-05T13:30:00Z"));
            assertThat(e.reason()).isEqualTo(Reason.DISABLED);
            assertThat(e.service()).isEqualTo("windows");
        });
    }

    @Test
    void nxlogFixture() {
        AuthEvent e = Fixture.file(OWN.resolve("nxlog-windows.json")).one();
        assertThat(e.account()).isEqualTo("henry");
        assertThat(e.source()).isEqualTo("127.0.0.1");
        assertThat(e.reason()).isEqualTo(Reason.DISABLED);
        assertThat(e.userAgent()).isEqualTo("KIOSK-3");
    }

    @Test
    void recordsOfOtherShapesAreLeftToOtherFormats() {
        Fixture f = Fixture.lines("{\"message\":\"hello\",\"EventID\":4625}",
                "{\"winlog\":{\"event_id\":\"not a number\"},\"@timestamp\":\"2026-01-01T00:00:00Z\"}");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(2); // the first is nobody's; the second is winlogbeat, broken
    }

    @Test
    void iisLoggingEventThroughWinlogbeat() {
        AuthEvent e = Fixture.lines("{\"@timestamp\":\"2026-02-01T10:11:13Z\",\"winlog\":{\"event_id\":6200,"
                + "\"provider_name\":\"Microsoft-Windows-IIS-Logging\",\"event_data\":{\"date\":\"2026-02-01\",\"time\":\"10:11:12\","
                + "\"c-ip\":\"198.51.100.4\",\"cs-username\":\"sam@example.org\",\"cs-method\":\"POST\","
                + "\"cs-uri-stem\":\"/Microsoft-Server-ActiveSync/default.eas\",\"sc-status\":\"401\",\"sc-substatus\":\"1\","
                + "\"sc-win32-status\":\"1909\"}}}").one();
        assertThat(e.service()).isEqualTo("activesync");
        assertThat(e.reason()).isEqualTo(Reason.LOCKED);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-02-01T10:11:12Z"));
    }
}
