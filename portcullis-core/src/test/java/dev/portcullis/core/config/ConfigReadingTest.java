package dev.portcullis.core.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigReadingTest {
    enum Mode { REJECT, TARPIT }

    record Limits(int failures, Duration window, double share) {
        Limits {
            Validator v = new Validator("gate");
            v.range("failures", failures, 1, 100);
            v.range("window", window, Duration.ofMinutes(1), Duration.ofDays(7));
            v.range("share", share, 0.0, 1.0);
            v.throwIfAny();
        }
    }

    @Test
    void everyProblemSpeaksWithOneVoice() {
        ConfigException e = assertThrows(ConfigException.class, () -> new Limits(0, Duration.ofSeconds(30), 1.5));
        assertThat(e.problems()).containsExactly(
                "gate.failures: 0 is out of range; allowed 1..100",
                "gate.window: 30s is out of range; allowed 1m..7d",
                "gate.share: 1.5 is out of range; allowed 0..1");
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unboundedRangesOptionsAndSecrets() {
        Validator v = new Validator("server");
        v.range("bytes", 0, 1, Long.MAX_VALUE);
        v.range("base", Duration.ZERO, Duration.ofMillis(1), null);
        v.range("size", 70_000, 1, 65_535, "a TCP port");
        v.range("--listen port", 70_000, 0, 65_535);
        v.check(false, "policy_secret", null, "is shorter than 16 characters");
        v.length("words[0]", "ab", 3, 64);
        assertThat(v.problems()).containsExactly(
                "server.bytes: 0 is out of range; allowed 1 or more",
                "server.base: 0s is out of range; allowed 1ms or more",
                "server.size: 70000 is out of range; allowed 1..65535 (a TCP port)",
                "--listen port: 70000 is out of range; allowed 0..65535",
                "server.policy_secret: is shorter than 16 characters",
                "server.words[0]: 'ab' has 2 characters; allowed 3..64");
    }

    @Test
    void aSectionReadsTypedValuesAndReportsEverythingAtOnce() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failures", "many");
        m.put("window", "soon");
        m.put("share", "0.5");
        m.put("mode", "Tarpit");
        m.put("nets", List.of("10.0.0.0/8", "10.0.0.300/8"));
        m.put("typo", 1);
        Section s = new Section("gate", m, Set.of("failures", "window", "share", "mode", "nets"));
        int failures = s.integer("failures", 5);
        Duration window = s.duration("window", Duration.ofHours(1));
        double share = s.number("share", 0.1);
        assertThat(s.word("mode", Mode.REJECT)).isEqualTo(Mode.TARPIT);
        assertThat(s.networks("nets", List.of())).hasSize(1);
        assertThat(failures).isEqualTo(5);
        assertThat(share).isEqualTo(0.5);
        ConfigException e = assertThrows(ConfigException.class, () -> s.build(() -> new Limits(0, window, share)));
        assertThat(e.problems()).containsExactly(
                "gate.typo: unknown key; allowed failures, mode, nets, share, window",
                "gate.failures: 'many' is not a whole number",
                "gate.window: 'soon' is not a duration; allowed like 90s, 15m, 1h, 7d",
                "gate.nets: '10.0.0.300/8' is not a network: '10.0.0.300' is not an IP address");
    }

    @Test
    void rangesAreCheckedWithUnknownKeysButNotOverDefaultsStandingIn() {
        Section s = new Section("gate", Map.of("failures", "0", "typo", 1), Set.of("failures"));
        int failures = s.integer("failures", 5);
        assertThat(assertThrows(ConfigException.class, () -> s.build(() -> new Limits(failures, Duration.ofHours(1), 0.5)))
                .problems()).containsExactly("gate.typo: unknown key; allowed failures",
                "gate.failures: 0 is out of range; allowed 1..100");
        Section bad = new Section("gate", Map.of("failures", "x"), Set.of("failures"));
        int standIn = bad.integer("failures", 0);
        assertThat(assertThrows(ConfigException.class, () -> bad.build(() -> new Limits(standIn, Duration.ofHours(1), 0.5)))
                .problems()).containsExactly("gate.failures: 'x' is not a whole number");
    }

    @Test
    void wordsListWhatIsAllowed() {
        Section s = new Section("gate", Map.of("mode", "drop"), Set.of("mode"));
        assertThat(s.word("mode", Mode.REJECT)).isEqualTo(Mode.REJECT);
        assertThat(s.validator().problems()).containsExactly("gate.mode: 'drop' is unknown; allowed reject, tarpit");
    }

    @Test
    void durationsReadAndWriteInTheFilesUnits() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse(" 90 s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        for (String bad : new String[] {"", "30", "-5m", "1.5h", "soon", "P", "99999999999999d"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
        }
        assertThat(Durations.words(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.words(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.words(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.words(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.words(Duration.ofNanos(5))).isEqualTo("PT0.000000005S");
    }
}
