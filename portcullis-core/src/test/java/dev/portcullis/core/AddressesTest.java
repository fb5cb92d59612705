package dev.portcullis.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest
    @CsvSource({
        "1.2.3.4, 1.2.3.4",
        "255.255.255.255, 255.255.255.255",
        "0.0.0.0, 0.0.0.0",
        "010.001.002.003, 10.1.2.3", // fixed-width padding: decimal
        "192.168.001.010, 192.168.1.10",
        "::ffff:192.000.002.001, 192.0.2.1",
        "[192.0.2.1], 192.0.2.1",
        "::ffff:192.0.2.1, 192.0.2.1",
        "::FFFF:C000:0201, 192.0.2.1",
        "2001:DB8::1, 2001:db8::1",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
        "2001:db8:1:0:1:1:1:1, 2001:db8:1:0:1:1:1:1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "fe80::1%eth0, fe80::1",
        "[2001:db8::d71], 2001:db8::d71",
        "2a09:bac1:820:8::1a:9c, 2a09:bac1:820:8::1a:9c",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304",
    })
    void canonicalForms(String in, String expected) {
        assertThat(Addresses.canonical(in)).isEqualTo(expected);
        assertThat(Addresses.canonical(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "unknown", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", "1..2.3", "a.b.c.d",
        ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::g", "1.2.3.4:80", "2001:db8::1:", ":1::",
        "1:2:3:4:5:6:7::8:9", "::1.2.3", "::1.2.3.4.5", "example.com", "\n/5555555555555555555555"})
    void rejectsWhatIsNotAnAddress(String in) {
        assertThat(Addresses.canonical(in)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.030.0.6", "010.1.2.3", "1.2.3.04", "0177.0.0.1", "192.0.2.01", "::ffff:192.030.0.6"})
    void aLeadingZeroThatIsNoPaddingIsAmbiguousAndNoAddress(String in) {
        // inet_aton reads 030 as octal 24, others as decimal 30: neither may be blocked or blamed
        assertThat(Addresses.canonical(in)).isNull();
        assertThat(Addresses.canonical("[" + in + "]")).isNull();
    }

    @Test
    void ambiguousV4TellsALeadingZeroFromGarbage() {
        assertThat(Addresses.ambiguousV4("192.030.0.6", 0, 11)).isTrue();
        assertThat(Addresses.ambiguousV4("x 017.0.0.1 y", 2, 11)).isTrue();
        assertThat(Addresses.ambiguousV4("192.30.0.6", 0, 10)).isFalse(); // canonical
        assertThat(Addresses.ambiguousV4("010.001.002.003", 0, 15)).isFalse(); // padding: decimal
        assertThat(Addresses.ambiguousV4("192.0300.0.6", 0, 12)).isFalse(); // not an address at all
        assertThat(Addresses.ambiguousV4("example.com", 0, 11)).isFalse();
        assertThat(Addresses.ambiguousV4(null, 0, 0)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.77, 192.0.2.0/24",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
        "2001:db8::1, 2001:db8::/64",
        "::1, ::/64",
    })
    void prefixes(String ip, String prefix) {
        assertThat(Addresses.prefix(ip)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::2:3:4:5:6:7:8"})
    void fullWidthForms(String in) {
        assertThat(Addresses.canonical(in)).isNotNull();
    }

    @Test
    void aNamedComputerIsNeverAnAddress() {
        assertThat(Addresses.host("ws-0042")).isEqualTo("host:WS-0042");
        assertThat(Addresses.host("\\\\10.0.0.1")).isEqualTo("host:10.0.0.1");
        assertThat(Addresses.host("- <>")).isEqualTo("host:-");
        assertThat(Addresses.host(" ")).isNull();
        assertThat(Addresses.isHost(Addresses.host("10.0.0.1"))).isTrue();
        assertThat(Addresses.canonical(Addresses.host("10.0.0.1"))).isNull();
        assertThat(Addresses.prefix(Addresses.host("10.0.0.1"))).isNull();
        assertThat(Addresses.isHost("10.0.0.1")).isFalse();
    }
}
