package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PostfixParserTest {
    @Test
    void saslFailureWithoutUser() {
        AuthEvent e = Fixture.lines("May 11 04:02:33 host1 postfix/smtpd[26897]: warning: unknown[203.0.113.42]: SASL LOGIN "
                + "authentication failed: authentication failure").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-05-11T04:02:33Z"));
        assertThat(e.source()).isEqualTo("203.0.113.42");
        assertThat(e.account()).isNull();
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.service()).isEqualTo("smtp");
    }

    @Test
    void postfix39FailureNamesTheUserAndIpv6IsBracketed() {
        AuthEvent e = Fixture.lines("2026-01-05T10:00:00.000000+00:00 mx postfix/submission/smtpd[1]: warning: "
                + "unknown[2001:db8::1]: SASL PLAIN authentication failed: authentication failure, sasl_username=Eve@Example.org").one();
        assertThat(e.source()).isEqualTo("2001:db8::1");
        assertThat(e.account()).isEqualTo("eve@example.org");
    }

    @Test
    void base64ChallengeIsNeverCopied() {
        Fixture f = Fixture.lines("Jun 23 23:00:30 mx1 postfix/submission/smtpd[1]: warning: unknown[1.2.3.4]: SASL LOGIN "
                + "authentication failed: UGFzc3dvcmQ6");
        assertThat(f.one().reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(f.events.toString()).doesNotContain("UGFzc3dvcmQ6");
    }

    @Test
    void saslSuccessWithQueueId() {
        AuthEvent e = Fixture.lines("2026-11-19T23:00:09.256023+00:00 mx1 postfix/submission/smtpd[32036]: 244889C38D: "
                + "client=unknown[66.166.46.49], sasl_method=PLAIN, sasl_username=evelyn.hunt@example.org").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.account()).isEqualTo("evelyn.hunt@example.org");
        assertThat(e.source()).isEqualTo("66.166.46.49");
        assertThat(e.session()).isEqualTo("244889C38D");
    }

    @Test
    void postfixFixturesReadWithoutUnparsedLines() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/postfix-sasl-bf_postfix-sasl-bf.log");
        assertThat(f.events).hasSize(3);
        assertThat(Fixture.thirdParty("crowdsec-hub/postfix-logs_postfix-logs.log").stats().unparsed()).isZero();
    }
}
