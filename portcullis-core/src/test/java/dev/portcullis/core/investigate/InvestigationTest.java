package dev.portcullis.core.investigate;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import dev.portcullis.core.engine.EngineConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public entry point: the engine finds the compromise, the investigator follows the attacker. */
class InvestigationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String SPRAYER = "203.0.113.9";

    private List<AuthEvent> sprayWithOneSuccessAndADownload() {
        List<AuthEvent> ev = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            ev.add(AuthEvent.builder().time(T0.plusSeconds(u)).format("t").service("imap")
                    .sourceText("198.51." + (u / 100) + "." + (u % 100 + 1)).account("user" + u).success().build());
        }
        for (int u = 0; u < 60; u++) {
            AuthEvent.Builder b = AuthEvent.builder().time(T0.plusSeconds(1000 + u * 10L)).format("t").service("imap")
                    .sourceText(SPRAYER).account("user" + u).session("s" + u);
            ev.add(u == 42 ? b.success().build() : b.failure(Reason.BAD_PASSWORD).build());
        }
        ev.add(AuthEvent.builder().time(T0.plusSeconds(1500)).format("t").service("imap").kind(EventKind.SESSION)
                .account("user42").session("s42").sourceText(SPRAYER).attempts(0)
                .activity(Activity.traffic(100, 70_000, 30, 60_000, 0)).build());
        ev.sort((a, b) -> a.time().compareTo(b.time()));
        return ev;
    }

    @Test
    void withoutAccountsItInvestigatesEveryCompromisedAccount() {
        List<AccountInvestigation> r = Investigation.run(sprayWithOneSuccessAndADownload(), Map.of(), EngineConfig.DEFAULTS);
        assertThat(r).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("user42");
            assertThat(a.compromisedAt()).isEqualTo(T0.plusSeconds(1420));
            assertThat(a.verdict()).isEqualTo(Verdict.DOWNLOADED);
            assertThat(a.attacker().messages()).isEqualTo(30);
            assertThat(a.attacker().messageBytes()).isEqualTo(60_000);
        });
    }

    @Test
    void anAccountAskedForThatDidNotFallShowsOnlyTheAttackersGuesses() {
        Map<String, Instant> ask = new HashMap<>();
        ask.put("USER7", null);
        List<AccountInvestigation> r = Investigation.run(sprayWithOneSuccessAndADownload(), ask, EngineConfig.DEFAULTS);
        assertThat(r).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("user7");
            assertThat(a.compromisedAt()).isNull();
            assertThat(a.verdict()).isEqualTo(Verdict.NO_ACCESS);
            assertThat(a.failedGuesses()).isEqualTo(1);
            assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("no compromise time known"));
        });
    }
}
