package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WindowsXmlParserTest {
    static final Path OWN = Path.of("src", "test", "resources", "fixtures");

    @Test
    void crowdsecBruteForceFixtureIsSixUnknownAccountFailures() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/windows-bf_windows-bf.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(6).allSatisfy(e -> {
            assertThat(e.result()).isEqualTo(Result.FAILURE);
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
            assertThat(e.account()).isEqualTo("asdfasdf");
            assertThat(e.source()).isEqualTo("192.168.9.212");
            assertThat(e.service()).isEqualTo("network");
            assertThat(e.format()).isEqualTo("windows");
            assertThat(e.userAgent()).isEqualTo("DESKTOP-7QD9TN3");
        });
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2022-04-29T12:36:01.9027913Z"));
        assertThat(f.events.get(1).time()).isEqualTo(Instant.parse("2022-04-29T12:36:02.2268806Z"));
    }

    @Test
    void eventViewerFoldMarkersOnOneLine() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/windows-logs_windows-logs.log");
        AuthEvent e = f.one();
        assertThat(f.stats().unparsed()).isZero();
        assertThat(e.time()).isEqualTo(Instant.parse("2022-04-28T16:09:28.9443547Z"));
        assertThat(e.account()).isEqualTo("testuser@mydomain.test");
        assertThat(e.source()).isEqualTo("192.168.9.212");
        assertThat(e.result()).isEqualTo(Result.FAILURE);
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.service()).isEqualTo("network"); // logon type 8: IIS Basic authentication
    }

    @Test
    void ownFixtureCoversEveryEventId() {
        Fixture f = Fixture.file(OWN.resolve("windows-security-xml.log"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::service, AuthEvent::result,
                        AuthEvent::reason)
                .containsExactly(
                        tuple("alice.martin", "203.0.113.45", "rdp", Result.SUCCESS, Reason.NONE),
                        tuple("bob", "198.51.100.23", "network", Result.FAILURE, Reason.LOCKED),
                        tuple("carol@corp.example.org", "2001:db8::7", "rdp", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("dave", "192.0.2.81", "kerberos", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("dave", "192.0.2.81", "kerberos", Result.SUCCESS, Reason.NONE),
                        tuple("admin", "192.0.2.99", "kerberos", Result.FAILURE, Reason.UNKNOWN_ACCOUNT),
                        tuple("erin", "host:WS-0042", "ntlm", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("erin", null, "ntlm", Result.SUCCESS, Reason.NONE),
                        // two events on one line, inside <Events>
                        tuple("carol@corp.example.org", "2001:db8::7", "rdp", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("dave", "192.0.2.81", "kerberos", Result.FAILURE, Reason.BAD_PASSWORD));
        AuthEvent logon = f.events.get(0);
        assertThat(logon.time()).isEqualTo(Instant.parse("2026-03-02T08:15:42.1234567Z"));
        assertThat(logon.accountRaw()).isEqualTo("Alice.Martin");
        assertThat(logon.session()).isEqualTo("0x8f3a21c");
        assertThat(f.events.get(6).userAgent()).isEqualTo("WS-0042");
        assertThat(f.events.get(9).time()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));
        // SYSTEM service logon, machine account logon and a logoff (4634) are read and left out
        assertThat(f.stats().ignored()).isEqualTo(3);
    }

    @Test
    void eventViewerCopyOverManyLinesIsAssembled() {
        Fixture f = Fixture.file(OWN.resolve("windows-eventviewer-copy.xml"));
        AuthEvent e = f.one();
        assertThat(f.stats().unparsed()).isZero();
        assertThat(e.accountRaw()).isEqualTo("R&D-Admin"); // &amp; decoded
        assertThat(e.account()).isEqualTo("r&d-admin");
        assertThat(e.source()).isEqualTo("203.0.113.200");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-03T22:41:07.7712345Z"));
        assertThat(e.line()).isEqualTo(45); // the line that closed the event
    }

    @Test
    void linesAfterAnUnfinishedEventGoToTheOtherFormats() {
        Fixture f = Fixture.lines(
                "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">",
                "<System><EventID>4625</EventID>",
                "Nov 25 10:00:00 mx1 sshd[42]: Failed password for root from 192.0.2.1 port 22 ssh2");
        assertThat(f.events).singleElement().extracting(AuthEvent::format).isEqualTo("sshd");
    }

    @Test
    void anEventCutOffByTheNextIsUnparsedAndTheNextIsRead() {
        String cut = "<Event xmlns=\"x\"><System><EventID>4625</EventID>";
        String whole = event(4625, "2026-01-01T00:00:00Z", "<Data Name=\"TargetUserName\">zoe</Data>"
                + "<Data Name=\"IpAddress\">192.0.2.5</Data><Data Name=\"Status\">0xc000006a</Data>");
        Fixture f = Fixture.lines(cut + whole);
        assertThat(f.one().account()).isEqualTo("zoe");
    }

    @Test
    void anEventGrowingPastTheBoundIsDroppedNotKept() {
        StringBuilder text = new StringBuilder("<Event xmlns=\"x\">\n<Message>\n");
        String filler = "x".repeat(60_000) + "\n";
        for (int i = 0; i < 20; i++) {
            text.append(filler);
        }
        text.append("</Message></Event>\n");
        text.append(event(4625, "2026-01-01T00:00:00Z", "<Data Name=\"TargetUserName\">after</Data>")).append('\n');
        Fixture f = Fixture.text(text.toString());
        assertThat(f.stats().unparsed()).isGreaterThanOrEqualTo(1);
        assertThat(f.events).extracting(AuthEvent::account).contains("after");
    }

    @Test
    void entitiesAreDecodedButNeverResolvedFromADoctype() {
        Fixture f = Fixture.lines("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                event(4625, "2026-01-01T00:00:00Z", "<Data Name=\"TargetUserName\">&xxe;&#65;&#x42;&lt;</Data>"));
        AuthEvent e = f.events.get(0);
        assertThat(e.accountRaw()).isEqualTo("&xxe;AB<");
    }

    @Test
    void otherProvidersAndMissingTimesAreNotLogins() {
        Fixture f = Fixture.lines(
                "<Event xmlns=\"x\"><System><Provider Name=\"Some-Other-Provider\"/><EventID>4625</EventID>"
                        + "<TimeCreated SystemTime=\"2026-01-01T00:00:00Z\"/></System></Event>",
                "<Event xmlns=\"x\"><System><EventID>4625</EventID></System><EventData></EventData></Event>");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(1);
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void kerberosPreAuthenticationRequiredIsAProtocolStepNotAFailure() {
        Fixture f = Fixture.lines(event(4771, "2026-01-01T00:00:00Z",
                "<Data Name=\"TargetUserName\">zoe</Data><Data Name=\"Status\">0x19</Data>"));
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(1);
    }

    @Test
    void iisLoggingEventNotAboutALoginIsIgnored() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/iis-xml-logs_iis-logs.log");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(1);
    }

    @Test
    void iisLoggingEventWithAFailedLoginIsReadLikeW3c() {
        String data = List.of("date:2026-02-01", "time:10:11:12", "c-ip:198.51.100.4", "cs-username:sam@example.org",
                        "cs-method:POST", "cs-uri-stem:/EWS/Exchange.asmx", "sc-status:401", "sc-substatus:1",
                        "sc-win32-status:1326", "csUser-Agent:Microsoft+Office/16.0").stream()
                .map(kv -> "<Data Name=\"" + kv.substring(0, kv.indexOf(':')) + "\">" + kv.substring(kv.indexOf(':') + 1) + "</Data>")
                .reduce("", String::concat);
        AuthEvent e = Fixture.lines("<Event xmlns=\"x\"><System><Provider Name=\"Microsoft-Windows-IIS-Logging\"/>"
                + "<EventID>6200</EventID><TimeCreated SystemTime=\"2026-02-01T10:11:13Z\"/></System><EventData>" + data
                + "</EventData></Event>").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-02-01T10:11:12Z"));
        assertThat(e.service()).isEqualTo("ews");
        assertThat(e.account()).isEqualTo("sam@example.org");
        assertThat(e.source()).isEqualTo("198.51.100.4");
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.userAgent()).isEqualTo("Microsoft Office/16.0");
        assertThat(e.format()).isEqualTo("iis");
    }

    static String event(int id, String time, String data) {
        return "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"Microsoft-Windows-Security-Auditing\"/><EventID>" + id + "</EventID>"
                + "<TimeCreated SystemTime=\"" + time + "\"/></System><EventData>" + data + "</EventData></Event>";
    }
}
