package dev.portcullis.core;

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
    void theBuilderAppliesItToAccountsSessionsAndUserAgents() {
        AuthEvent e = AuthEvent.builder().time(java.time.Instant.EPOCH).format("t").success()
                .account("eve password=Winter2026").session("s pwd=x").userAgent("ok").build();
        assertThat(e.account()).isNull();
        assertThat(e.accountRaw()).isNull();
        assertThat(e.session()).isNull();
        assertThat(e.userAgent()).isEqualTo("ok");
    }
}
