package dev.portcullis.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentPolicyTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    final IncidentPolicy policy = new IncidentPolicy(new IncidentConfig(3, IncidentConfig.Hold.ALL, "", List.of(), 24));

    static Detection spray(List<String> sources, String... compromised) {
        return new Detection("d", AttackKind.DISTRIBUTED_SPRAY, T0.minusSeconds(7200), T0, sources, 900, 1500,
                List.of(compromised), List.of());
    }

    @Test
    void aDetectionWithCompromisedAccountsOpensAnIncidentWithHoldsAndBlocks() {
        AccountVerdict v = new AccountVerdict("alice@example.org", AccountVerdict.Status.COMPROMISED, T0.minusSeconds(60),
                List.of("198.51.100.4"), List.of());
        IncidentPolicy.Outcome o = policy.apply("distributed_spray-1-203.0.113.1", spray(List.of("203.0.113.1", "203.0.113.2"),
                "alice@example.org", "bob@example.org"), null, Set.of(), Map.of("alice@example.org", v)::get, T0);

        assertThat(o.opened()).isTrue();
        Incident i = o.incident();
        assertThat(i.id()).matches("INC-20261120-[0-9a-f]{6}");
        assertThat(i.accountNames()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(i.account("alice@example.org").orElseThrow().sources()).containsExactly("198.51.100.4");
        assertThat(i.account("alice@example.org").orElseThrow().compromisedAt()).isEqualTo(T0.minusSeconds(60));
        assertThat(i.account("bob@example.org").orElseThrow().sources()).containsExactly("203.0.113.1", "203.0.113.2");
        assertThat(o.actions()).containsExactly(new Containment.BlockSources(List.of("203.0.113.1", "203.0.113.2")),
                new Containment.Hold("alice@example.org", IncidentConfig.Hold.ALL),
                new Containment.Hold("bob@example.org", IncidentConfig.Hold.ALL));
    }

    @Test
    void theSameDetectionAgainChangesNothingAndNewAccountsJoinTheOpenIncident() {
        Detection d = spray(List.of("203.0.113.1"), "alice@example.org");
        Incident first = policy.apply("k", d, null, Set.of(), null, T0).incident();

        assertThat(policy.apply("k", d, first, Set.of(), null, T0.plusSeconds(30))).isEqualTo(IncidentPolicy.Outcome.NONE);

        IncidentPolicy.Outcome more = policy.apply("k", spray(List.of("203.0.113.1", "203.0.113.7"), "alice@example.org",
                "bob@example.org", "carol@example.org"), first, Set.of(), null, T0.plusSeconds(60));
        assertThat(more.opened()).isFalse();
        assertThat(more.incident().id()).isEqualTo(first.id());
        assertThat(more.newAccounts()).containsExactly("bob@example.org", "carol@example.org");
        assertThat(more.newSources()).containsExactly("203.0.113.7");
        assertThat(more.actions()).contains(new Containment.SuggestLockdown(3, 3));
        // the suggestion is made once, when the threshold is crossed
        assertThat(policy.apply("k", spray(List.of(), "dave@example.org"), more.incident(), Set.of(), null, T0).actions())
                .noneMatch(a -> a instanceof Containment.SuggestLockdown);
    }

    @Test
    void accountsInAnotherOpenIncidentAreNotTakenTwice() {
        IncidentPolicy.Outcome o = policy.apply("k2", spray(List.of("192.0.2.1"), "alice@example.org"), null,
                Set.of("alice@example.org"), null, T0);
        assertThat(o).isEqualTo(IncidentPolicy.Outcome.NONE);
    }

    @Test
    void afterClosingNewAccountsOpenTheCampaignsNextIncident() {
        Incident first = policy.apply("k", spray(List.of("192.0.2.1"), "alice@example.org"), null, Set.of(), null, T0).incident();
        Incident closed = first.withAccountStage("alice@example.org", AccountStage.CLOSED, T0, "a", "false positive")
                .closedBy("a", T0, null);
        assertThat(policy.apply("k", spray(List.of("192.0.2.1"), "alice@example.org"), closed, Set.of(), null, T0).changed())
                .isFalse();
        Incident second = policy.apply("k", spray(List.of("192.0.2.1"), "alice@example.org", "bob@example.org"), closed,
                Set.of(), null, T0).incident();
        assertThat(second.id()).isEqualTo(first.id() + "-2");
        assertThat(second.accountNames()).containsExactly("bob@example.org");
        Incident secondClosed = second.withAccountStage("bob@example.org", AccountStage.CLOSED, T0, "a", "test account")
                .closedBy("a", T0, null);
        Incident third = policy.apply("k", spray(List.of(), "eve@example.org"), secondClosed, Set.of(), null, T0).incident();
        assertThat(third.id()).isEqualTo(first.id() + "-3");
    }
}
