package dev.portcullis.server.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {
    /*
     * Made by the reference implementation (the argon2 command of Debian's "argon2" package, libargon2
     * 0~20171227), e.g.: echo -n 'correct horse battery staple' | argon2 'portcullis-salt!' -id -k 19456 -t 2 -p 1 -l 32 -e
     */
    static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$cG9ydGN1bGxpcy1zYWx0IQ$CN9z3UDrerhg7IJHDvuvrpQOPctaqTPB0YD8wiWyihA";
    static final String REFERENCE_UTF8 =
            "$argon2id$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E";
    static final PasswordHash.Cost CHEAP = new PasswordHash.Cost(64, 1, 1);

    @Test
    void theOwaspHashIsTheReferenceImplementationsToTheByte() {
        char[] pw = "correct horse battery staple".toCharArray();
        byte[] salt = "portcullis-salt!".getBytes(StandardCharsets.US_ASCII);
        assertThat(PasswordHash.hash(pw, salt, PasswordHash.Cost.OWASP)).isEqualTo(REFERENCE_OWASP);
        assertThat(PasswordHash.verify(REFERENCE_OWASP, pw)).isTrue();
        assertThat(PasswordHash.verify(REFERENCE_OWASP, "correct horse battery stapler".toCharArray())).isFalse();
    }

    @Test
    void parametersAreReadBackFromTheStringAndPasswordsAreUtf8() {
        assertThat(PasswordHash.cost(REFERENCE_UTF8)).isEqualTo(new PasswordHash.Cost(64, 3, 4));
        assertThat(PasswordHash.verify(REFERENCE_UTF8, "pässwörd ✓".toCharArray())).isTrue();
        assertThat(PasswordHash.verify(REFERENCE_UTF8, "passwörd ✓".toCharArray())).isFalse();
        assertThat(PasswordHash.needsRehash(REFERENCE_UTF8, PasswordHash.Cost.OWASP)).isTrue();
        assertThat(PasswordHash.needsRehash(REFERENCE_OWASP, PasswordHash.Cost.OWASP)).isFalse();
        assertThat(PasswordHash.needsRehash(REFERENCE_OWASP, new PasswordHash.Cost(47104, 1, 1))).as("memory raised").isTrue();
    }

    /** RFC 9106 section 5.3 (Argon2id with secret and associated data): the library we build on, to the byte. */
    @Test
    void bouncyCastleMeetsRfc9106() {
        byte[] password = filled(32, 1), salt = filled(16, 2), secret = filled(8, 3), ad = filled(12, 4);
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32).withIterations(3).withParallelism(4).withSalt(salt).withSecret(secret)
                .withAdditional(ad).build());
        byte[] tag = new byte[32];
        g.generateBytes(password, tag);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void aRoundTripUsesAFreshSaltEachTime() {
        char[] pw = "velvet-otter-harbour-92".toCharArray();
        String a = PasswordHash.hash(pw, CHEAP);
        String b = PasswordHash.hash(pw, CHEAP);
        assertThat(a).isNotEqualTo(b).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(a.substring(a.indexOf("p=1$") + 4)).as("unpadded").doesNotContain("=");
        assertThat(a.split("\\$")[4]).as("16-byte salt: 22 characters").hasSize(22);
        assertThat(a.split("\\$")[5]).as("32-byte tag: 43 characters").hasSize(43);
        assertThat(PasswordHash.verify(a, pw)).isTrue();
        assertThat(PasswordHash.verify(b, pw)).isTrue();
        assertThat(PasswordHash.verify(a, new char[0])).isFalse();
        assertThat(PasswordHash.verify(a, null)).isFalse();
        assertThat(PasswordHash.verify(PasswordHash.hash(new char[0], CHEAP), new char[0])).as("even empty").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$argon2id$", "plain text",
        "$argon2i$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=16$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$t=3,m=64,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=4294967296,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=2097152,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=0,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=1000,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=3,p=0$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=-64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg==$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=3,p=4$MDEy$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7Xcg",
        "$argon2id$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E$x",
        "$argon2id$v=19$m=64,t=3,p=4,k=1$MDEyMzQ1Njc4OWFiY2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E",
        "$argon2id$v=19$m=64,t=3,p=4$MDEyMzQ1Njc4OWFi*2RlZg$7XcgtBG8DRRPOPolWn3AOATlxQQD32pmsKVqh5WWI6E"})
    void aMalformedOrAbsurdStringMatchesNothingAndNeverThrows(String phc) {
        assertThat(PasswordHash.verify(phc, "pässwörd ✓".toCharArray())).isFalse();
        assertThat(PasswordHash.cost(phc)).isNull();
        assertThat(PasswordHash.needsRehash(phc, CHEAP)).isTrue();
    }

    @Test
    void aCostOutOfRangeIsAnErrorNotClamped() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Cost(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Cost(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Cost(64, 1, 17));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Cost(PasswordHash.MAX_MEMORY_KIB + 1, 1, 1));
        assertThat(PasswordHash.verify(null, "x".toCharArray())).isFalse();
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
