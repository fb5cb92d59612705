package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.portcullis.ingest.format.WindowsXmlParserTest.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class W3cParserTest {
    private static final String HEADER = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

    @Test
    void exchangeFrontEndLog() {
        Fixture f = Fixture.file(OWN.resolve("iis-exchange-w3c.log"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::time, AuthEvent::service, AuthEvent::account, AuthEvent::source,
                        AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        // OWA forms login: the POST names the user only when it succeeded
                        tuple(Instant.parse("2026-03-06T07:01:10Z"), "owa", "corp\\ivan", "203.0.113.10", Result.SUCCESS, Reason.NONE),
                        tuple(Instant.parse("2026-03-06T07:02:00Z"), "owa", null, "198.51.100.66", Result.FAILURE, Reason.BAD_PASSWORD),
                        // logon.aspx?reason=2 without a logged POST before it
                        tuple(Instant.parse("2026-03-06T07:02:30Z"), "owa", null, "198.51.100.67", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple(Instant.parse("2026-03-06T07:03:00Z"), "ews", "judy@example.org", "198.51.100.70", Result.FAILURE, Reason.BAD_PASSWORD),
                        // ActiveSync names the user in its query when cs-username is empty
                        tuple(Instant.parse("2026-03-06T07:04:00Z"), "activesync", "kate@example.org", "198.51.100.71", Result.FAILURE, Reason.LOCKED),
                        tuple(Instant.parse("2026-03-06T07:05:00Z"), "activesync", "kate@example.org", "203.0.113.20", Result.SUCCESS, Reason.NONE),
                        tuple(Instant.parse("2026-03-06T07:11:00Z"), "mapi", "corp\\ivan", "203.0.113.10", Result.SUCCESS, Reason.NONE),
                        tuple(Instant.parse("2026-03-06T07:12:00Z"), "autodiscover", "liam@example.org", "198.51.100.72", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple(Instant.parse("2026-03-06T07:14:00Z"), "ecp", "corp\\admin", "2001:db8::1:10", Result.SUCCESS, Reason.NONE));
        assertThat(f.events.get(4).userAgent()).isEqualTo("Apple-iPhone14C2/2008.120 DeviceId=ABCDEF0123456789");
        assertThat(f.events.get(0).userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0;");
        assertThat(f.events).allSatisfy(e -> assertThat(e.format()).isEqualTo("iis"));
    }

    @Test
    void commentLinesThatAreNoDirectiveAreIgnoredNotUnparsed() {
        Fixture f = Fixture.lines("#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0",
                "#Date: 2026-03-06 07:00:00", HEADER, "# log restarted after a configuration change", "#",
                "2026-03-06 07:03:00 10.0.0.5 POST /EWS/Exchange.asmx - 443 judy@example.org 198.51.100.70 Outlook - 401 1 "
                        + "1326 5");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(6);
        assertThat(f.events).hasSize(1);
    }

    @Test
    void forwardedForWinsOverTheProxysAddress() {
        Fixture f = Fixture.file(OWN.resolve("iis-exchange-xff.log"));
        assertThat(f.events).extracting(AuthEvent::source).containsExactly("203.0.113.99", "10.0.0.2");
    }

    @Test
    void withoutAHeaderTheDefaultLayoutsAreAssumed() {
        Fixture f = Fixture.file(OWN.resolve("iis-exchange-noheader.log"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::service, AuthEvent::account, AuthEvent::source, AuthEvent::result)
                .containsExactly(tuple("rpc", "noah@example.org", "198.51.100.80", Result.FAILURE),
                        tuple("oab", "corp\\olivia", "203.0.113.81", Result.SUCCESS));
    }

    @Test
    void repeatedSuccessesAreFoldedWithinTheWindow() {
        String ok = " 10.0.0.5 GET /EWS/Exchange.asmx - 443 rita@example.org 203.0.113.5 Outlook - 200 0 0 5";
        Fixture f = Fixture.lines(HEADER, "2026-03-06 07:00:00" + ok, "2026-03-06 07:14:59" + ok, "2026-03-06 07:15:00" + ok);
        assertThat(f.events).extracting(AuthEvent::time)
                .containsExactly(Instant.parse("2026-03-06T07:00:00Z"), Instant.parse("2026-03-06T07:15:00Z"));
        assertThat(f.stats().ignored()).isEqualTo(2); // the header and the fold
    }

    @Test
    void basicAuthenticationFailureOnAnotherSiteIsAWebFailure() {
        AuthEvent e = Fixture.lines(HEADER, "2026-03-06 07:00:00 10.0.0.5 GET /reports/ - 443 CORP\\sue 198.51.100.9 curl/8.5 - 401 1 1326 1")
                .one();
        assertThat(e.service()).isEqualTo("web");
        assertThat(e.isFailure()).isTrue();
    }

    @Test
    void aLineThatBreaksTheAnnouncedLayoutIsUnparsed() {
        Fixture f = Fixture.lines(HEADER, "2026-03-06 07:00:00 10.0.0.5 GET /owa/");
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void otherFormatsInTheSameStreamAreStillRead() {
        Fixture f = Fixture.lines(HEADER,
                "2026-11-19T22:11:29.429900+00:00 mx1 sshd[42]: Failed password for root from 192.0.2.1 port 22 ssh2",
                "2026-03-06 07:00:00 10.0.0.5 GET /reports/ - 443 CORP\\sue 198.51.100.9 curl/8.5 - 401 1 1326 1");
        assertThat(f.events).extracting(AuthEvent::format).containsExactly("sshd", "iis");
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void exchangeProtocolHeadersAreNotTakenForW3c() {
        Fixture f = Fixture.lines("#Software: Microsoft Exchange Server", "#Fields: date-time,connector-id,session-id");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(2);
    }

    @Test
    void aCommentThatIsNotADirectiveIsNotUnparsed() {
        Fixture f = Fixture.lines("#Software: Microsoft Internet Information Services 10.0", HEADER,
                "# log moved from the old front end", "#Remark: rotated",
                "2026-03-06 07:01:10 10.0.0.5 POST /owa/auth.owa - 443 CORP\\ivan 203.0.113.10 Mozilla/5.0 - 401 1 1326 62");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.one().source()).isEqualTo("203.0.113.10");
    }
}
