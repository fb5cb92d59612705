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
    void theQuickSecondLetterCheckMissesNoMarker() {
        // every case and position, the marker at the very end, and a 'p' or 'g' as the last character
        assertThat(Untrusted.text("PASSWD=x")).isNull();
        assertThat(Untrusted.text("a PwD=")).isNull();
        assertThat(Untrusted.text("x GIVEN PASSWORD")).isNull();
        assertThat(Untrusted.text("shop")).isEqualTo("shop");
        assertThat(Untrusted.text("pg")).isEqualTo("pg");
        assertThat(Untrusted.text("pp password=")).isNull();
        // non-ASCII letters that match case-insensitively still count (dotted capital I, long s)
        assertThat(Untrusted.text("g\u0130ven password")).isNull();
        assertThat(Untrusted.text("pa\u017f\u017fword=x")).isNull();
        // text without an '=' or a space is settled before the scan: no marker can hide in it
        assertThat(Untrusted.text("password")).isEqualTo("password");
        assertThat(Untrusted.text("pwd=")).isNull();
        assertThat(Untrusted.text("given\u00a0password")).isEqualTo("given\u00a0password");
        assertThat(Untrusted.text("jLyZvpuDgqsgpOm7")).isEqualTo("jLyZvpuDgqsgpOm7");
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
