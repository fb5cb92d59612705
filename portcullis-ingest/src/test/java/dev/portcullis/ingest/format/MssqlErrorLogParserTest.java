package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * SQL Server's error log, error 18456. Lines written by us from Microsoft's documentation of the
 * message ("Login failed for user '…'. Reason: … [CLIENT: …]"), and the CrowdSec hub's mssql test log
 * (MIT).
 */
class MssqlErrorLogParserTest {
    @Test
    void reasonsAndTheClientAddress() {
        Fixture f = Fixture.lines(
                "2026-02-10 09:14:02.41 Logon       Error: 18456, Severity: 14, State: 8.",
                "2026-02-10 09:14:02.41 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.60]",
                "2026-02-10 09:14:03.02 Logon       Error: 18456, Severity: 14, State: 5.",
                "2026-02-10 09:14:03.02 Logon       Login failed for user 'admin'. Reason: Could not find a login matching the name provided. [CLIENT: 203.0.113.60]",
                "2026-02-10 09:14:04.10 Logon       Login failed for user 'olduser'. Reason: The account is disabled. [CLIENT: 198.51.100.61]",
                "2026-02-10 09:14:05.10 Logon       Login failed for user 'sa'. Reason: An attempt to login using SQL authentication failed. Server is configured for Windows authentication only. [CLIENT: 198.51.100.62]",
                "2026-02-10 09:14:06.10 Logon       Login failed for user 'app'. Reason: Failed to open the explicitly specified database 'sales'. [CLIENT: 198.51.100.63]",
                "2026-02-10 09:14:06.20 Logon       Login failed for user 'CORP\\bo'. Reason: Failed to open the explicitly specified database 'hr'. [CLIENT: 198.51.100.66]",
                "2026-02-10 09:14:06.30 Logon       Login failed for user 'rpt'. Reason: Login is valid login, but server access failed. [CLIENT: 198.51.100.67]",
                "2026-02-10 09:14:07.10 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: <local machine>]",
                "2026-02-10 09:14:08.10 Logon       Login succeeded for user 'app'. Connection made using SQL Server authentication. [CLIENT: 198.51.100.63]",
                "2026-02-10 09:14:09.10 Logon       Login succeeded for user 'CORP\\ana'. Connection made using Windows authentication. [CLIENT: 198.51.100.64]",
                "2026-02-10 09:15:00.00 spid51      Using 'dbghelp.dll' version '4.0.5'",
                "2026-02-10 09:15:00.00 Server      SQL Server is now ready for client connections.",
                // the name cannot move the address
                "2026-02-10 09:16:00.00 Logon       Login failed for user 'x'. Reason: y [CLIENT: 192.0.2.99]'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.65]");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        tuple("sa", "203.0.113.60", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("admin", "203.0.113.60", Result.FAILURE, Reason.UNKNOWN_ACCOUNT),
                        tuple("olduser", "198.51.100.61", Result.FAILURE, Reason.DISABLED),
                        tuple("sa", "198.51.100.62", Result.FAILURE, Reason.POLICY),
                        // the password was right, the database or server access was not: a login that was stopped
                        tuple("app", "198.51.100.63", Result.SUCCESS, Reason.POLICY),
                        tuple("rpt", "198.51.100.67", Result.SUCCESS, Reason.POLICY),
                        tuple("sa", null, Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("app", "198.51.100.63", Result.SUCCESS, Reason.NONE),
                        tuple("x'. Reason: y [CLIENT: 192.0.2.99]", "203.0.113.65", Result.FAILURE, Reason.BAD_PASSWORD));
        assertThat(f.events).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("mssql");
            assertThat(e.format()).isEqualTo("mssql");
        });
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2026-02-10T09:14:02.410Z"));
    }

    @Test
    void theServersLocalTimeIsReadInTheGivenZone() throws IOException {
        Ingest ingest = new Ingest(0, ZoneId.of("Europe/Paris"));
        List<AuthEvent> events = new ArrayList<>();
        ingest.read(new Input("errorlog", null, Fixture.REFERENCE, new ByteArrayInputStream(
                ("2026-02-10 09:14:02.41 Logon       Login failed for user 'sa'. Reason: Password did not match that "
                        + "for the login provided. [CLIENT: 203.0.113.60]\n").getBytes(StandardCharsets.UTF_8))), events::add);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2026-02-10T08:14:02.410Z")));
        assertThat(ingest.stats().localTimes()).containsKey("errorlog");
    }

    @Test
    void theErrorLogAsSqlServerWritesItInUtf16() {
        String log = "2026-02-10 09:14:02.41 Logon       Login failed for user 'sa'. Reason: Password did not match that "
                + "for the login provided. [CLIENT: 203.0.113.60]\r\n";
        byte[] text = log.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Fixture f = Fixture.bytes(bytes);
        assertThat(f.one().source()).isEqualTo("203.0.113.60");
        assertThat(f.one().reason()).isEqualTo(Reason.BAD_PASSWORD);
    }

    @Test
    void crowdSecHubMssqlLog() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/mssql-text-logs_mssql-text-logs.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().failures()).isEqualTo(7);
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::reason).containsOnly(
                tuple("SA", Reason.BAD_PASSWORD), tuple("ROOT", Reason.UNKNOWN_ACCOUNT));
        assertThat(f.events).allSatisfy(e -> assertThat(e.source()).isEqualTo("172.17.0.3"));
    }

    @Test
    void theApplicationEventLogsEvent18456And18454() {
        // SQL Server writes its insertion strings as unnamed Data: the login, " Reason: …", " [CLIENT: A]"
        String xml = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"MSSQL$SALES\"/><EventID Qualifiers=\"49152\">18456</EventID>"
                + "<TimeCreated SystemTime=\"2026-02-10T08:14:02.410Z\"/><EventRecordID>77001</EventRecordID>"
                + "<Channel>Application</Channel><Computer>sql1.corp.example.org</Computer></System><EventData>"
                + "<Data>sa</Data><Data> Reason: Password did not match that for the login provided.</Data>"
                + "<Data> [CLIENT: 203.0.113.70]</Data><Binary>184800000E000000</Binary></EventData></Event>";
        String ok = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"MSSQLSERVER\"/><EventID Qualifiers=\"16384\">18454</EventID>"
                + "<TimeCreated SystemTime=\"2026-02-10T08:15:00.000Z\"/><EventRecordID>77002</EventRecordID>"
                + "<Channel>Application</Channel><Computer>sql1.corp.example.org</Computer></System><EventData>"
                + "<Data>app</Data><Data> [CLIENT: 198.51.100.71]</Data></EventData></Event>";
        // winlogbeat names them param1…; an nxlog record keeps only the rendered Message
        String beat = "{\"@timestamp\":\"2026-02-10T08:16:00.000Z\",\"winlog\":{\"channel\":\"Application\","
                + "\"computer_name\":\"sql1.corp.example.org\",\"event_id\":\"18456\",\"provider_name\":\"MSSQLSERVER\","
                + "\"record_id\":\"77003\",\"event_data\":{\"param1\":\"admin\",\"param2\":\" Reason: Could not find a "
                + "login matching the name provided.\",\"param3\":\" [CLIENT: 203.0.113.72]\"}}}";
        String nxlog = "{\"EventTime\":\"2026-02-10T09:17:00+01:00\",\"Hostname\":\"sql1\",\"EventID\":18456,"
                + "\"SourceName\":\"MSSQLSERVER\",\"RecordNumber\":77004,\"Channel\":\"Application\",\"Message\":\"Login failed "
                + "for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.73]\"}";
        // 18453 (Windows authentication) and other SQL Server events say nothing about a password
        String windowsAuth = beat.replace("18456", "18453").replace("77003", "77005");
        Fixture f = Fixture.lines(xml, ok, beat, nxlog, windowsAuth);
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        tuple("sa", "203.0.113.70", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("app", "198.51.100.71", Result.SUCCESS, Reason.NONE),
                        tuple("admin", "203.0.113.72", Result.FAILURE, Reason.UNKNOWN_ACCOUNT),
                        tuple("sa", "203.0.113.73", Result.FAILURE, Reason.BAD_PASSWORD));
        assertThat(f.events).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("mssql");
            assertThat(e.format()).isEqualTo("windows");
        });
        assertThat(f.events.get(3).time()).isEqualTo(Instant.parse("2026-02-10T08:17:00Z"));
    }

    @Test
    void pythonEvtxRendering() {
        // python-evtx (evtx_dump.py) writes a classic source's insertion strings as one unnamed Data of
        // escaped <string> items, one per line (EVTX-ATTACK-SAMPLES' MSSQL brute force has this shape;
        // these records are ours); a login name holding the separator cannot move the client
        String head = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"MSSQLSERVER\"></Provider>";
        String[] lines = {
                "<?xml version=\"1.1\" encoding=\"utf-8\" standalone=\"yes\" ?>", "", "<Events>",
                head, "<EventID Qualifiers=\"49152\">18456</EventID>",
                "<TimeCreated SystemTime=\"2026-03-01 10:00:01.171339\"></TimeCreated>",
                "<EventRecordID>501</EventRecordID>", "<Channel>Application</Channel>", "<Computer>SQL2</Computer>",
                "</System>",
                "<EventData><Data>&lt;string&gt;sa&lt;/string&gt;",
                "&lt;string&gt; Reason: Password did not match that for the login provided.&lt;/string&gt;",
                "&lt;string&gt; [CLIENT: 203.0.113.80]&lt;/string&gt;",
                "</Data>", "<Binary>GEgAAA4AAAA=</Binary>", "</EventData>", "</Event>", "",
                head, "<EventID Qualifiers=\"49152\">18456</EventID>",
                "<TimeCreated SystemTime=\"2026-03-01 10:00:02.000000\"></TimeCreated>",
                "<EventRecordID>502</EventRecordID>", "<Channel>Application</Channel>", "<Computer>SQL2</Computer>",
                "</System>",
                "<EventData><Data>&lt;string&gt;x&lt;/string&gt;&lt;string&gt; [CLIENT: 10.0.0.1]&lt;/string&gt;",
                "&lt;string&gt; Reason: Could not find a login matching the name provided.&lt;/string&gt;",
                "&lt;string&gt; [CLIENT: 203.0.113.81]&lt;/string&gt;",
                "</Data>", "</EventData>", "</Event>", "",
                head, "<EventID Qualifiers=\"16384\">18454</EventID>",
                "<TimeCreated SystemTime=\"2026-03-01 10:00:03.000000\"></TimeCreated>",
                "<EventRecordID>503</EventRecordID>", "<Channel>Application</Channel>", "<Computer>SQL2</Computer>",
                "</System>",
                "<EventData><Data>&lt;string&gt;app&lt;/string&gt;",
                "&lt;string&gt; [CLIENT: 198.51.100.82]&lt;/string&gt;",
                "</Data>", "</EventData>", "</Event>", "</Events>"};
        Fixture f = Fixture.lines(lines);
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        tuple("sa", "203.0.113.80", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("x</string><string> [CLIENT: 10.0.0.1]", "203.0.113.81", Result.FAILURE, Reason.UNKNOWN_ACCOUNT),
                        tuple("app", "198.51.100.82", Result.SUCCESS, Reason.NONE));
    }
}
