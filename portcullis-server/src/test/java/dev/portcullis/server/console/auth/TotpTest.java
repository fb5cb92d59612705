package dev.portcullis.server.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED64 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: 8 digits, 30-second steps, the time through a fixed Clock. */
    @ParameterizedTest
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        Totp t1 = new Totp("HmacSHA1", 8, 30, 1);
        long step = t1.step(clock.instant());
        assertThat(t1.code(SEED20, step)).isEqualTo(sha1);
        assertThat(new Totp("HmacSHA256", 8, 30, 1).code(SEED32, step)).isEqualTo(sha256);
        assertThat(new Totp("HmacSHA512", 8, 30, 1).code(SEED64, step)).isEqualTo(sha512);
        assertThat(t1.match(SEED20, sha1, clock.instant(), 0)).isEqualTo(new Totp.Match(step, null));
    }

    @Test
    void theConsoleTakesTheCurrentStepAndOneEitherSideOnly() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        Totp t = Totp.CONSOLE;
        long s = t.step(now);
        assertThat(t.code(SEED20, s)).isEqualTo("005924").as("RFC's 89005924, last 6 digits");
        for (long d = -1; d <= 1; d++) {
            assertThat(t.match(SEED20, t.code(SEED20, s + d), now, 0).step()).isEqualTo(s + d);
        }
        assertThat(t.match(SEED20, t.code(SEED20, s - 2), now, 0).refusal()).isEqualTo("wrong");
        assertThat(t.match(SEED20, t.code(SEED20, s + 2), now, 0).refusal()).isEqualTo("wrong");
        assertThat(t.match(SEED20, t.code(SEED20, s), now.plusSeconds(29), 0).accepted())
                .as("29 s later: one step on at most").isTrue();
    }

    @Test
    void aCodeAtOrBeforeTheLastAcceptedStepIsAReplay() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        Totp t = Totp.CONSOLE;
        long s = t.step(now);
        assertThat(t.match(SEED20, t.code(SEED20, s), now, s).refusal()).isEqualTo("replayed");
        assertThat(t.match(SEED20, t.code(SEED20, s - 1), now, s).refusal()).isEqualTo("replayed");
        assertThat(t.match(SEED20, t.code(SEED20, s + 1), now, s).step()).isEqualTo(s + 1);
        assertThat(t.match(SEED20, t.code(SEED20, s), now, s - 1).step()).isEqualTo(s);
    }

    @Test
    void malformedCodesAreSaidToBeSo() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        for (String bad : new String[] {null, "", "12345", "1234567", "12345a", "١٢٣٤٥٦", "１２３４５６", "-12345", "+12345"}) {
            assertThat(Totp.CONSOLE.match(SEED20, bad, now, 0).refusal()).as(String.valueOf(bad)).isEqualTo("malformed");
        }
    }

    @Test
    void secretsAre20RandomBytesInUnpaddedBase32() {
        String a = Totp.newSecret();
        assertThat(a).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
        assertThat(Totp.key(a)).hasSize(20);
        assertThat(Totp.base32(Totp.key(a))).isEqualTo(a);
        assertThat(Totp.base32(SEED20)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.key("JBSWY3DPEHPK3PXP")).containsExactly("Hello!\u00de\u00ad\u00be\u00ef".getBytes(StandardCharsets.ISO_8859_1));
        for (String bad : new String[] {null, "", "jbswy3dpehpk3pxp", "JBSWY3DPEHPK3PX=", "JBSWY3DP1", "A", "ABC", "ABCDEF"}) {
            assertThat(Totp.key(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.CONSOLE.uri("Portcullis", "alice@example.org", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
                .isEqualTo("otpauth://totp/Portcullis:alice%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Portcullis&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void settingsOutOfRangeAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacMD5", 6, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacSHA1", 5, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacSHA1", 6, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Totp("HmacSHA1", 6, 30, 11));
    }
}
