package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NextcloudParserTest {

    @Test
    void loginFailedWithIpv6RemoteAddress() {
        AuthEvent e = Fixture.lines("{\"reqId\":\"U1rsiIxFtovEqTt77CJN\",\"level\":2,\"time\":\"2022-01-16T15:42:37+00:00\","
                + "\"remoteAddr\":\"2001:db8::d71\",\"user\":\"--\",\"app\":\"no app in context\",\"method\":\"POST\",\"url\":\"/login\","
                + "\"message\":\"Login failed: foo (Remote IP: 2001:db8::d71)\",\"userAgent\":\"Mozilla/5.0 Firefox/95.0\","
                + "\"version\":\"23.0.0.10\"}").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2022-01-16T15:42:37Z"));
        assertThat(e.account()).isEqualTo("foo");
        assertThat(e.source()).isEqualTo("2001:db8::d71");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(e.userAgent()).isEqualTo("Mozilla/5.0 Firefox/95.0");
        assertThat(e.service()).isEqualTo("web");
        assertThat(e.format()).isEqualTo("nextcloud");
    }

    @Test
    void quotedNameAndAddressFromTheMessageWhenRemoteAddrIsMissing() {
        AuthEvent e = Fixture.lines("{\"reqId\":\"r2\",\"time\":\"2022-01-16T16:42:37+01:00\",\"message\":"
                + "\"Login failed: 'Foo@Example.com' (Remote IP: '2001:db8::d72')\"}").one();
        assertThat(e.account()).isEqualTo("foo@example.com");
        assertThat(e.source()).isEqualTo("2001:db8::d72");
        assertThat(e.time()).isEqualTo(Instant.parse("2022-01-16T15:42:37Z"));
    }

    @Test
    void injectedRemoteIpInTheNameDoesNotMoveTheAddress() {
        AuthEvent e = Fixture.lines("{\"reqId\":\"r3\",\"time\":\"2023-09-24T21:00:01+00:00\",\"message\":"
                + "\"Login failed: Injection (Remote IP: 127.0.0.1) (Remote IP: 141.30.226.119)\"}").one();
        assertThat(e.source()).isEqualTo("141.30.226.119");
    }

    @Test
    void adminAuditSuccessAndTheDuplicateFailureCountOnce() {
        Fixture f = Fixture.lines(
                "{\"reqId\":\"q1\",\"time\":\"2026-11-25T10:00:00+00:00\",\"remoteAddr\":\"192.0.2.5\",\"user\":\"--\","
                        + "\"app\":\"no app in context\",\"message\":\"Login failed: bob (Remote IP: 192.0.2.5)\"}",
                "{\"reqId\":\"q1\",\"time\":\"2026-11-25T10:00:00+00:00\",\"remoteAddr\":\"192.0.2.5\",\"user\":\"--\","
                        + "\"app\":\"admin_audit\",\"message\":\"Login failed: \\\"bob\\\"\"}",
                "{\"reqId\":\"q2\",\"time\":\"2026-11-25T10:00:05+00:00\",\"remoteAddr\":\"192.0.2.5\",\"user\":\"bob\","
                        + "\"app\":\"admin_audit\",\"message\":\"Login attempt: \\\"bob\\\"\"}",
                "{\"reqId\":\"q2\",\"time\":\"2026-11-25T10:00:05+00:00\",\"remoteAddr\":\"192.0.2.5\",\"user\":\"bob\","
                        + "\"app\":\"admin_audit\",\"message\":\"Login successful: \\\"bob\\\"\"}");
        assertThat(f.events).hasSize(3);
        assertThat(f.events).extracting(AuthEvent::account).containsOnly("bob");
        assertThat(f.stats().failures()).isEqualTo(1);
        assertThat(f.stats().successes()).isEqualTo(1);
        assertThat(f.stats().ignored()).isEqualTo(1);
    }

    @Test
    void bruteforceNoticeIsNotAGuess() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/nextcloud-bf_nextcloud-bf.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(6).allSatisfy(e -> {
            assertThat(e.isFailure()).isTrue();
            assertThat(e.source()).isEqualTo("2001:db8::d71");
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(f.events).extracting(AuthEvent::account).containsExactly("foo", "foo1", "foo2", "foo3", "foo4", "foo5");
        assertThat(f.stats().ignored()).isEqualTo(13);
    }

    @Test
    void nextcloudLogsFixture() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/nextcloud-logs_nextcloud-logs.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account).containsExactly("foo", "foo@example.com", "foo@example.com");
        assertThat(f.events).extracting(AuthEvent::source).containsOnly("2001:db8::d71");
    }
}
