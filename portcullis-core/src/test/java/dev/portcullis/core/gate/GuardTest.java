package dev.portcullis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same wrong password counts once, exactly, for the last four, whatever form its fingerprint takes. */
class GuardTest {
    private static final long NOW = 1_795_000_000L;
    private static final long WINDOW = 900;

    @Test
    void shortHexFingerprintsAreDistinctExactly() {
        assertThat(Guard.code("a")).isNotZero().isNotEqualTo(Guard.code("0a")).isNotEqualTo(Guard.code("00a"));
        assertThat(Guard.code("0")).isNotZero().isNotEqualTo(Guard.code("00"));
        assertThat(Guard.code("fffffff")).isNotZero().isNotEqualTo(Guard.code("0fffffff"));
        assertThat(Guard.code("ABC")).isZero(); // not Dovecot's lowercase: kept as a string
        assertThat(Guard.code("12345678")).isZero(); // too long for an int: kept as a string
        assertThat(Guard.code("xyz")).isZero();
        assertThat(Guard.code("")).isZero();
    }

    @Test
    void theSameWrongPasswordCountsOnceWhateverItsForm() {
        for (String[] pair : new String[][] {{"3f2", "abc"}, {"ABC", "abc"}, {"0123456789abcdef", "0123456789abcdee"}, {"a", "0a"}}) {
            Guard g = new Guard();
            assertThat(g.fail(false, pair[0], NOW, WINDOW)).isTrue();
            assertThat(g.fail(false, pair[0], NOW + 1, WINDOW)).as(pair[0]).isFalse();
            assertThat(g.fail(false, pair[1], NOW + 2, WINDOW)).as(pair[1]).isTrue();
            assertThat(g.fail(false, pair[1], NOW + 3, WINDOW)).isFalse();
            assertThat(g.failures(false, NOW + 3, WINDOW)).isEqualTo(2);
        }
    }

    @Test
    void theLastFourFingerprintsAreRememberedMixedFormsAlike() {
        Guard g = new Guard();
        String[] hashes = {"1a2", "SHA-LONG-ONE", "3b4", "SHA-LONG-TWO", "5c6"};
        for (String h : hashes) {
            assertThat(g.fail(true, h, NOW, WINDOW)).isTrue();
        }
        // the first has been pushed out by the fifth; the last four still count once
        for (int i = 1; i < hashes.length; i++) {
            assertThat(g.fail(true, hashes[i], NOW, WINDOW)).as(hashes[i]).isFalse();
        }
        assertThat(g.fail(true, hashes[0], NOW, WINDOW)).isTrue();
        assertThat(g.failures(true, NOW, WINDOW)).isEqualTo(6);
        assertThat(g.failures(false, NOW, WINDOW)).isZero();
    }

    @Test
    void aFailureWithoutFingerprintAlwaysCountsAndTheWindowForgetsEverything() {
        Guard g = new Guard();
        assertThat(g.failures(false, NOW, WINDOW)).isZero();
        assertThat(g.fail(false, null, NOW, WINDOW)).isTrue();
        assertThat(g.fail(false, "", NOW, WINDOW)).isTrue();
        assertThat(g.fail(false, "abc", NOW, WINDOW)).isTrue();
        assertThat(g.failures(false, NOW + WINDOW, WINDOW)).isEqualTo(3);
        assertThat(g.failures(false, NOW + WINDOW + 1, WINDOW)).isZero();
        assertThat(g.fail(false, "abc", NOW + WINDOW + 1, WINDOW)).isTrue(); // forgotten with the window
        assertThat(g.failures(false, NOW + WINDOW + 1, WINDOW)).isEqualTo(1);
    }

    @Test
    void timesBeyondThePackedRangeDoNotBreakTheCounting() {
        Guard g = new Guard();
        long farFuture = 4_102_444_800L; // 2100-01-01
        assertThat(g.fail(false, "abc", farFuture, WINDOW)).isTrue();
        assertThat(g.fail(false, "abd", farFuture + 10, WINDOW)).isTrue();
        assertThat(g.failures(false, farFuture + 20, WINDOW)).isEqualTo(2);
    }
}
