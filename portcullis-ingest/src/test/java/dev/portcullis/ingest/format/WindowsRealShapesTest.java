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

/** Windows events in the shapes real exports have: OTRF records (MIT) and shapes written from the documented formats. */
class WindowsRealShapesTest {

    @Test
    void otrfNxlogSprayFromOneWorkstationIsAttributedToTheWorkstationAtTheAbsoluteTime() {
        Fixture f = Fixture.thirdParty("otrf/purplesharp_ad_playbook_I.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().localTimes()).isEmpty(); // @timestamp gave the host's offset
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::service, AuthEvent::result,
                        AuthEvent::reason)
                .containsExactly(
                        // pgustavo's 4624 (LogonType 3, Kerberos) on the DC proves a service ticket, not a
                        // password: ignored (docs/formats.md, "What proves that a password was right")
                        tuple("lrodriguez", "host:WORKSTATION5", "windows", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("mscott", "host:WORKSTATION5", "windows", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("lrodriguez", "host:WORKSTATION5", "ntlm", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("mscott", "host:WORKSTATION5", "ntlm", Result.FAILURE, Reason.BAD_PASSWORD));
        // EventTime "2020-10-22 04:29:53" is the host's clock (EventReceivedTime 04:29:55 against @timestamp
        // 08:29:55.210Z: UTC-4)
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2020-10-22T08:29:53Z"));
        assertThat(f.stats().successes()).isZero();
    }

    @Test
    void otrfTicketWithPreAuthenticationIsALoginFromTheMappedAddress() {
        Fixture f = Fixture.thirdParty("otrf/empire_shell_rubeus_asktgt_ptt.json");
        AuthEvent e = f.one();
        assertThat(e.result()).isEqualTo(Result.SUCCESS);
        assertThat(e.source()).isEqualTo("172.18.39.6");
        assertThat(e.account()).isEqualTo("pgustavo");
        assertThat(e.time()).isEqualTo(Instant.parse("2020-09-22T02:39:13Z"));
    }

    @Test
    void evtxDumpShapes() {
        Fixture f = Fixture.file(OWN.resolve("windows-shapes.xml"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::service, AuthEvent::result,
                        AuthEvent::reason, AuthEvent::attempts)
                .containsExactly(
                        // PreAuthType 0: no password was checked; not a login, not a guess
                        tuple("svc-legacy", "192.0.2.44", "kerberos", Result.FAILURE, Reason.NO_PREAUTH, 0),
                        // the same ticket again 3 ms later with "::ffff:": counted once
                        tuple("frank", "192.0.2.45", "kerberos", Result.SUCCESS, Reason.NONE, 1),
                        // a local 4625 written twice: once, attributed to the workstation
                        tuple("grace", "host:WS-0077", "windows", Result.FAILURE, Reason.BAD_PASSWORD, 1),
                        // Windows OpenSSH: the name cannot choose the address
                        tuple("test from 127.0.0.1 port 58946 ssh2", "203.0.113.7", "ssh", Result.FAILURE,
                                Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("administrator", "203.0.113.7", "ssh", Result.FAILURE, Reason.BAD_PASSWORD, 1),
                        tuple("heidi", "198.51.100.20", "ssh", Result.SUCCESS, Reason.NONE, 1));
        // SystemTime is UTC even when evtx_dump.py leaves out the "Z"
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2026-03-05T01:02:03.100Z"));
        assertThat(f.stats().noPreauthAccounts()).containsExactly("svc-legacy");
        // the AS-REP roastable account with its ticket, the client that asked and the DC that issued it
        assertThat(f.stats().noPreauth()).singleElement().satisfies(n -> {
            assertThat(n.count()).isEqualTo(1);
            assertThat(n.first()).isEqualTo(Instant.parse("2026-03-05T01:02:03.100Z")).isEqualTo(n.last());
            assertThat(n.sources()).containsExactly("192.0.2.44");
            assertThat(n.issuers()).containsExactly("dc01.corp.example.org");
        });
        assertThat(f.stats().successes()).isEqualTo(2);
    }

    @Test
    void winlogbeat6SentinelAndLocalOnlyNxlog() {
        Ingest ingest = new Ingest(0, ZoneId.of("Europe/Paris"));
        List<AuthEvent> events = new ArrayList<>();
        Fixture f = Fixture.file(OWN.resolve("windows-shapes.jsonl"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::time, AuthEvent::account, AuthEvent::source, AuthEvent::reason)
                .containsExactly(
                        tuple(Instant.parse("2026-03-05T01:04:00Z"), "ivan", "192.0.2.61", Reason.UNKNOWN_ACCOUNT),
                        tuple(Instant.parse("2026-03-05T01:05:00Z"), "judy", "192.0.2.62", Reason.BAD_PASSWORD),
                        tuple(Instant.parse("2026-03-05T02:06:00Z"), "kim", "host:WS-0078", Reason.BAD_PASSWORD));
        // only a host-local time: read in the input's zone, and the summary says so
        assertThat(f.stats().localTimes()).containsEntry("windows-shapes.jsonl", "Z");
        InputContext ctx = new InputContext("nxlog.json", Fixture.REFERENCE, 0, ZoneId.of("Europe/Paris"));
        ingest.line("{\"EventTime\":\"2026-03-05 14:30:00\",\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"TargetUserName\":\"henry\",\"Status\":\"0xc000006d\",\"LogonType\":\"3\",\"IpAddress\":\"192.0.2.9\"}",
                ctx, events::add);
        assertThat(events).singleElement().extracting(AuthEvent::time).isEqualTo(Instant.parse("2026-03-05T13:30:00Z"));
        assertThat(ctx.hasLocalTime()).isTrue();
    }

    @Test
    void aWorkstationNameIsNeverAnAddress() {
        Fixture f = Fixture.lines("{\"EventTime\":\"2026-03-05T02:06:00Z\",\"EventID\":4776,"
                + "\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"TargetUserName\":\"kim\","
                + "\"Status\":\"0xc000006a\",\"Workstation\":\"\\\\\\\\10.0.0.1\"}");
        assertThat(f.one().source()).isEqualTo("host:10.0.0.1");
    }
}
