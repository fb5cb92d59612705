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

    @Test
    void durationsInTheLargestWholeUnit() {
        assertThat(Words.duration(45)).isEqualTo("45 s");
        assertThat(Words.duration(12 * 60 + 5)).isEqualTo("12 min");
        assertThat(Words.duration(17 * 3600 + 1700)).isEqualTo("17 h");
        assertThat(Words.duration(-3600)).isEqualTo("1 h");
        assertThat(Words.duration(3 * 86_400)).isEqualTo("3 days");
    }

    @Test
    void fastRoundingPrintsWhatTheFormatterPrints() {
        // percent and decimal round without a Formatter away from ties: the same text, on a grid of
        // shares and values including the ties and their neighbours
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i <= 40_000; i++) {
            double share = i < 20_000 ? i / 20_000.0 : r.nextDouble();
            String pct = share > 0 && share < 0.005 ? "under 1%" : share < 1 && share > 0.995 ? "over 99%"
                    : String.format(java.util.Locale.ROOT, "%.0f%%", share * 100);
            assertThat(Words.percent(share)).isEqualTo(pct);
            double v = i < 20_000 ? i / 200.0 : r.nextDouble() * 1000;
            assertThat(Words.decimal(v)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
            assertThat(Words.decimal(Math.nextUp(v))).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", Math.nextUp(v)));
        }
        assertThat(Words.decimal(-1.25)).isEqualTo("-1.3");
        assertThat(Words.decimal(0.05)).isEqualTo("0.1");
    }
}
