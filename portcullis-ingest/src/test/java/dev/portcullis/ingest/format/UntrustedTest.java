package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedTest {

    @Test
    void textWithAPasswordMarkerIsDropped() {
        assertThat(Untrusted.text("alice@example.org")).isEqualTo("alice@example.org");
        assertThat(Untrusted.text("alice (Given Password: hunter2)")).isNull();
        assertThat(Untrusted.text("curl/8 password=hunter2")).isNull();
        assertThat(Untrusted.text("")).isNull();
        assertThat(Untrusted.text(null)).isNull();
    }

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
}
