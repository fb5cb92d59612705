package dev.portcullis.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {
    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(Words.count(1, "failure")).isEqualTo("1 failure");
        assertThat(Words.count(0, "account")).isEqualTo("0 accounts");
        assertThat(Words.count(2, "address", "addresses")).isEqualTo("2 addresses");
        assertThat(Words.noun(1, "address", "addresses")).isEqualTo("address");
    }

    @Test
    void percentagesNeverRoundAShareToNothingOrEverything() {
        assertThat(Words.percent(0)).isEqualTo("0%");
        assertThat(Words.percent(0.001)).isEqualTo("under 1%");
        assertThat(Words.percent(0.375)).isEqualTo("38%");
        assertThat(Words.percent(0.999)).isEqualTo("over 99%");
        assertThat(Words.percent(1)).isEqualTo("100%");
        assertThat(Words.decimal(1.25)).isEqualTo("1.3");
    }
}
