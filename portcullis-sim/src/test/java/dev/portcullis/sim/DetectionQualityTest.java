package dev.portcullis.sim;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.engine.SourceVerdict;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine over our own labelled scenarios, several seeds and sizes, stamp styles and with or without
 * Dovecot auth lines: the same thresholds as the shared scenarios' score.py must hold, so the rules
 * generalise beyond the shared files (attacker recall >= 0.95 at precision >= 0.99; compromised
 * accounts recall 1.0 at precision >= 0.95; no shared NAT or stale device flagged).
 */
class DetectionQualityTest {

    @ParameterizedTest(name = "{0} users, {1} h, seed {2}, rfc3339={3}, auth lines={4}")
    @CsvSource({
        "1000, 12, 1, true, true",
        "1000, 24, 2, true, false",
        "1000, 24, 3, false, true",
        "3000, 24, 4, true, true",
        "3000, 48, 5, false, false",
    })
    void holdsTheThresholds(int users, int hours, long seed, boolean rfc3339, boolean authLines) throws IOException {
        ScenarioSpec spec = ScenarioSpec.typical(users, Duration.ofHours(hours), seed).withStamps(rfc3339, authLines);
        Scenario s = new Scenario(spec);
        StringWriter w = new StringWriter();
        s.write(w);
        Engine engine = new Engine();
        Ingest ingest = new Ingest(2026, null);
        ingest.read(new Input("sim.log", null, Instant.parse("2026-11-21T00:00:00Z"),
                new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8))), engine::record);
        assertThat(ingest.stats().unparsed()).isZero();
        Findings f = engine.findings();
        Map<String, Object> truth = s.truth();

        @SuppressWarnings("unchecked")
        Set<String> attackers = ((Map<String, String>) truth.get("attacker_ips")).keySet();
        Set<String> flagged = f.sources().stream().filter(v -> v.verdict() == SourceVerdict.Kind.ATTACKER).map(SourceVerdict::ip)
                .collect(Collectors.toSet());
        Set<String> hit = new HashSet<>(flagged);
        hit.retainAll(attackers);
        double recall = (double) hit.size() / attackers.size();
        double precision = flagged.isEmpty() ? 0 : (double) hit.size() / flagged.size();

        @SuppressWarnings("unchecked")
        Set<String> comp = ((Map<String, Object>) truth.get("compromised")).keySet();
        Set<String> compFlagged = f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED)
                .map(AccountVerdict::account).collect(Collectors.toSet());
        Set<String> compHit = new HashSet<>(compFlagged);
        compHit.retainAll(comp);

        @SuppressWarnings("unchecked")
        List<String> shared = (List<String>) truth.get("shared_benign_ips");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> stale = (List<Map<String, String>>) truth.get("stale_devices");

        String figures = String.format("recall %.3f precision %.3f, compromised %d/%d flagged %d", recall, precision,
                compHit.size(), comp.size(), compFlagged.size());
        assertThat(recall).as(figures).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).as(figures).isGreaterThanOrEqualTo(0.99);
        assertThat(compHit).as(figures).hasSameSizeAs(comp);
        assertThat(compFlagged.isEmpty() ? 1.0 : (double) compHit.size() / compFlagged.size()).as(figures)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(flagged).as("shared NAT flagged").doesNotContainAnyElementsOf(shared);
        assertThat(flagged).as("stale device flagged")
                .doesNotContainAnyElementsOf(stale.stream().map(m -> m.get("ip")).toList());
    }
}
