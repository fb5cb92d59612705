package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exim's SMTP AUTH failures. Lines written by us from Exim's documented log format (spec chapter "Log
 * files": {@code NAME authenticator failed for HOST: 535 Incorrect authentication data (set_id=ID)},
 * HOST as {@code host_and_ident} writes it), plus the CrowdSec hub's Exim test logs (MIT).
 */
class EximParserTest {
    @Test
    void mainLogFailureWithHeloAndPort() {
        AuthEvent e = Fixture.lines("2026-06-29 16:04:05 dovecot_login authenticator failed for (mail.example.com) "
                + "[203.0.113.18]:47807: 535 Incorrect authentication data (set_id=dave@example.org)").one();
        assertThat(e.isFailure()).isTrue();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.source()).isEqualTo("203.0.113.18");
        assertThat(e.accountRaw()).isEqualTo("dave@example.org");
        assertThat(e.service()).isEqualTo("smtp");
        assertThat(e.format()).isEqualTo("exim");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-06-29T16:04:05Z"));
    }

    @Test
    void everyHostShapeEximWrites() {
        Fixture f = Fixture.lines(
                "2026-06-29 16:04:05 login authenticator failed for host.example.net ([192.168.2.33]) [203.0.113.1]: 535 Incorrect authentication data (set_id=brian)",
                "2026-06-29 16:04:06 login authenticator failed for (ylmf-pc) [203.0.113.2]: 535 Incorrect authentication data",
                "2026-06-29 16:04:07 plain authenticator failed for ([192.168.2.102]) [203.0.113.3]: 535 Incorrect authentication data",
                "2026-06-29 16:04:08 auth_plain authenticator failed for (rom182) [203.0.113.4]:41556 I=[10.0.0.1]:25: 535 Incorrect authentication data (set_id=webmaster)",
                "2026-06-29 16:04:09 [18643] dovecot_login authenticator failed for (User) [203.0.113.5]:21298 I=[192.0.2.55]:465 Ci=30416: 535 Incorrect authentication data (set_id=u1@example.com)",
                "2026-06-29 16:04:10 login authenticator failed for H=(helo.example) [203.0.113.6]:1234 I=[192.0.2.1]:587: 535 Incorrect authentication data (set_id=u2)",
                "2026-06-29 16:04:11 login authenticator failed for H=mail.example.org [203.0.113.7]:2525: 535 Incorrect authentication data (set_id=u3)",
                "2026-06-29 16:04:12 login authenticator failed for H=[203.0.113.8]: 535 Incorrect authentication data (set_id=u4)",
                "2026-06-29 16:04:13.345 login authenticator failed for no-port.example.org [2001:db8::9]: 535 Incorrect authentication data (set_id=u5)",
                "2026-06-29 16:04:14 +0200 login authenticator failed for (x) [203.0.113.10]:1 U=ident: 535 Incorrect authentication data (set_id=u6)");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::source).containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.3",
                "203.0.113.4", "203.0.113.5", "203.0.113.6", "203.0.113.7", "203.0.113.8", "2001:db8::9", "203.0.113.10");
        assertThat(f.events).extracting(AuthEvent::accountRaw).containsExactly("brian", null, null, "webmaster",
                "u1@example.com", "u2", "u3", "u4", "u5", "u6");
        assertThat(f.events.get(9).time()).isEqualTo(Instant.parse("2026-06-29T14:04:14Z"));
        assertThat(f.stats().localTimes()).containsKey("test.log"); // the others carry no offset
    }

    @Test
    void syslogAndJournalEnvelopes() {
        Fixture f = Fixture.lines(
                "Jun 29 16:04:19 server exim[1234]: dovecot_login authenticator failed for ([192.0.2.5]) [203.0.113.20]:55379: 535 Incorrect authentication data (set_id=abuse@example.com)",
                "Jun 29 16:04:20 server exim4[1234]: 2026-06-29 16:04:20 [1234] login authenticator failed for (x) [203.0.113.21]: 535 Incorrect authentication data (set_id=a)",
                "2026-06-29 16:04:21 mx1.example.local exim[29786]: dovecot_login authenticator failed for (User) [203.0.113.22]: 535 Incorrect authentication data (set_id=test@example.com)",
                "mail.example.com exim[3751842]: 2026-06-29 16:04:22 plain_server authenticator failed for ([192.0.2.17]) [203.0.113.23]: 535 Incorrect authentication data");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::source)
                .containsExactly("203.0.113.20", "203.0.113.21", "203.0.113.22", "203.0.113.23");
        assertThat(f.events).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void theHeloCannotChooseTheAddress() {
        // with helo_accept_junk_hosts the helo is any text: the last [A] before ": 535" is the client
        AuthEvent e = Fixture.lines("2026-06-29 16:04:05 login authenticator failed for (x [10.0.0.1]) [203.0.113.4]: "
                + "535 Incorrect authentication data (set_id=user@example.com)").one();
        assertThat(e.source()).isEqualTo("203.0.113.4");
        assertThat(e.accountRaw()).isEqualTo("user@example.com");
        AuthEvent port = Fixture.lines("2026-06-29 16:04:05 login authenticator failed for (x) [10.0.0.1]:25) [203.0.113.4]:999: "
                + "535 Incorrect authentication data (set_id=u)").one();
        assertThat(port.source()).isEqualTo("203.0.113.4");
    }

    @Test
    void aHeloOrSetIdForgingASecondAnchorLeavesNoSourceButCountsTheGuess() {
        Fixture helo = Fixture.lines("2026-06-29 16:04:05 login authenticator failed for (x [10.0.0.1]: 535 y) [203.0.113.4]: "
                + "535 Incorrect authentication data (set_id=u)");
        AuthEvent e = helo.one();
        assertThat(e.source()).isNull();
        assertThat(e.accountRaw()).isNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(helo.stats().suspects()).isEqualTo(1);
        Fixture setId = Fixture.lines("2026-06-29 16:04:05 login authenticator failed for (x) [203.0.113.4]: "
                + "535 Incorrect authentication data (set_id=a) [10.0.0.1]: 535 Incorrect authentication data (set_id=b)");
        assertThat(setId.one().source()).isNull();
        assertThat(setId.stats().suspects()).isEqualTo(1);
    }

    @Test
    void codesOtherThan535() {
        Fixture f = Fixture.lines(
                "2026-06-29 16:04:05 login authenticator failed for (x) [203.0.113.4]: 435 Unable to authenticate at present (set_id=u)",
                "2026-06-29 16:04:06 login authenticator failed for (x) [203.0.113.4]: 501 Authentication cancelled",
                "2026-06-29 16:04:07 login authenticator failed for (x) [203.0.113.4]: 501 Invalid base64 data");
        assertThat(f.events).extracting(AuthEvent::attempts).containsExactly(1, 0, 0);
        assertThat(f.events).extracting(AuthEvent::reason).containsExactly(Reason.UNSPECIFIED, Reason.ABORTED, Reason.ABORTED);
    }

    @Test
    void otherMainLogLinesAreIgnoredAndALineWithoutAnAnchorIsUnparsed() {
        Fixture f = Fixture.lines(
                "2026-06-29 15:33:46 H=example.com [203.0.113.9]:53343 F=<info@example.com> rejected RCPT <a@example.org>: relay not permitted",
                "2026-06-29 15:33:47 1rAbCd-000ABC-1x <= a@example.org H=mail.example.org [203.0.113.9] P=esmtps S=1234",
                "2026-06-29 15:33:48 1rAbCd-000ABC-1x Completed",
                "2026-06-29 15:33:49 Start queue run: pid=12345",
                "2026-06-29 15:33:50 login authenticator failed for somewhere: 535 Incorrect authentication data");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(4);
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void crowdSecHubEximLogs() {
        Fixture main = Fixture.thirdParty("crowdsec-hub/exim-logs_exim-logs.log");
        assertThat(main.stats().unparsed()).isZero();
        assertThat(main.events).hasSize(6).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(main.events).extracting(AuthEvent::source).containsExactly("1.2.3.4", "202.137.142.181", "1.2.3.4",
                "192.0.2.11", "192.0.2.12", "192.0.2.13");
        assertThat(main.events.get(0).accountRaw()).isEqualTo("abuse@test.com");
        Fixture syslog = Fixture.thirdParty("crowdsec-hub/exim-syslog-logs_exim-logs.log");
        assertThat(syslog.stats().unparsed()).isZero();
        assertThat(syslog.events).hasSize(5);
    }
}
