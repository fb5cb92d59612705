package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords typed into name fields never reach an event, whatever the format. */
class UntrustedFieldsTest {

    @Test
    void aPasswordTypedIntoTheNameFieldNeverReachesTheEvent() {
        AuthEvent e = Fixture.lines("{\"CreationTime\":\"2026-01-02T03:04:05\",\"Operation\":\"UserLoginFailed\",\"Workload\":"
                + "\"AzureActiveDirectory\",\"ClientIP\":\"192.0.2.1\",\"UserId\":\"bob given password: S3cret!\","
                + "\"ErrorNumber\":\"50126\",\"ExtendedProperties\":[{\"Name\":\"UserAgent\",\"Value\":\"x pwd=S3cret!\"}]}").one();
        assertThat(e.account()).isNull();
        assertThat(e.userAgent()).isNull();
        assertThat(e.source()).isEqualTo("192.0.2.1");
        assertThat(e.toString()).doesNotContain("S3cret");
    }

    @Test
    void aDovecotUserNameCarryingAPasswordIsDropped() {
        AuthEvent e = Fixture.lines("Nov 20 10:00:00 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): "
                + "user=<bob password=S3cret!>, method=PLAIN, rip=192.0.2.9, lip=192.0.2.1, TLS, session=<abc>").one();
        assertThat(e.account()).isNull();
        assertThat(e.source()).isEqualTo("192.0.2.9");
        assertThat(e.toString()).doesNotContain("S3cret");
    }
}
