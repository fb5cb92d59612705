package dev.portcullis.core.engine;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of unique addresses and accounts cannot grow the engine past its limits, nor evict the attack. */
class EngineBoundsTest {
    @Test
    void tenMillionUniqueKeysStayWithinTheLimitsAndTheAttackSurvives() {
        Map<String, String> limits = new HashMap<>();
        limits.put("limits.max_sources", "20000");
        limits.put("limits.max_accounts", "20000");
        limits.put("limits.max_pairs", "20000");
        Engine engine = new Engine(EngineConfig.fromMap(limits));
        Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        // the attack comes first, then the flood tries to wash it out
        for (int i = 0; i < 40; i++) {
            engine.record(AuthEvent.builder().time(t0.plusSeconds(i)).format("t").sourceText("203.0.113.66")
                    .account("victim").failure(Reason.BAD_PASSWORD).build());
        }
        AuthEvent.Builder b = AuthEvent.builder().format("t");
        for (int i = 0; i < 10_000_000; i++) {
            String ip = ((i >>> 16) & 0xff) + 10 + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff) + "." + (1 + (i >>> 24));
            b.reset().format("t").time(t0.plusSeconds(100 + i / 1000)).source(ip).account("u" + i).success();
            engine.record(b.build());
        }
        assertThat(engine.sources.size()).isLessThanOrEqualTo(20_000);
        assertThat(engine.accounts.size()).isLessThanOrEqualTo(20_000);
        assertThat(engine.sources.get("203.0.113.66")).isNotNull();
        Findings f = engine.findings();
        assertThat(f.sources()).anySatisfy(s -> {
            assertThat(s.ip()).isEqualTo("203.0.113.66");
            assertThat(s.verdict()).isEqualTo(SourceVerdict.Kind.ATTACKER);
        });
        assertThat(f.evictions()).isGreaterThan(9_000_000);
    }
}
