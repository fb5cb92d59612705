package dev.portcullis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.core.incident.IncidentPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The incident and delivery part of the {@link Store} contract; {@link StoreContractTest} runs it as a
 * nested class on each database.
 */
abstract class IncidentStoreContract {
    static final Instant T0 = StoreContractTest.T0;

    abstract Store store();

    abstract Store reopenStore();

    static Incident incident(String key, String... accounts) {
        Detection d = new Detection("d", AttackKind.PASSWORD_SPRAY, T0.minusSeconds(600), T0,
                List.of("203.0.113.5", "2001:db8::7"), 300, 600, List.of(accounts), List.of());
        return new IncidentPolicy(IncidentConfig.DEFAULTS).apply(key, d, null, Set.of(), a -> null, T0).incident();
    }

    @Test
    void anIncidentIsSavedWholeWithItsAuditEntryAndReadBack() {
        Incident i = incident("spray-1", "alice@example.org", "bob@example.org");
        store().saveIncident(i, new AuditEntry(0, T0, "engine", "incident.open", i.id(), "{}"));

        assertThat(store().incident(i.id())).contains(i);
        assertThat(store().incidents(true, 10)).containsExactly(i);
        assertThat(store().latestIncident("spray-1")).contains(i);
        assertThat(store().latestIncident("other")).isEmpty();
        assertThat(store().accountsInOpenIncidents()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(store().auditTrail(T0, 10)).extracting(AuditEntry::action).containsExactly("incident.open");
    }

    @Test
    void changesAndNotesAreKeptAcrossAReopenAndClosedIncidentsLeaveTheOpenList() {
        Incident i = incident("spray-2", "alice@example.org");
        store().saveIncident(i, null);
        Incident moved = i.withAccountStage("alice@example.org", AccountStage.NOTIFIED, T0.plusSeconds(1), "portcullis", "mailed")
                .acknowledged(T0.plusSeconds(2), "admin:dpo", T0.plusSeconds(3), null);
        store().saveIncident(moved, null);
        Incident closed = moved.withAccountStage("alice@example.org", AccountStage.CLOSED, T0.plusSeconds(4), "admin:x",
                "false positive").closedBy("admin:x", T0.plusSeconds(5), "done");
        store().saveIncident(closed, null);

        try (Store again = reopenStore()) {
            Incident back = again.incident(i.id()).orElseThrow();
            assertThat(back).isEqualTo(closed);
            assertThat(back.notes()).hasSize(closed.notes().size());
            assertThat(back.becameAware()).isEqualTo(T0.plusSeconds(2));
            assertThat(again.incidents(true, 10)).isEmpty();
            assertThat(again.incidents(false, 10)).containsExactly(closed);
            assertThat(again.accountsInOpenIncidents()).isEmpty();
        }
    }

    @Test
    void aDeliveryIsRecordedOncePerKeyAndClaimedByCompareAndSet() {
        Incident i = incident("spray-3", "alice@example.org");
        store().saveIncident(i, null);
        DeliveryRecord d = DeliveryRecord.pending(i.id(), "alice@example.org", "owner_email", "alice@example.org", T0);

        assertThat(store().addDelivery(d)).isTrue();
        assertThat(store().addDelivery(d.with(DeliveryRecord.State.PENDING, 0, T0, T0, null, null))).isFalse();
        assertThat(store().deliveries(i.id())).containsExactly(d);
        assertThat(store().deliveriesDue(T0.minusSeconds(1), 10)).isEmpty();
        assertThat(store().deliveriesDue(T0, 10)).containsExactly(d);

        DeliveryRecord claimed = d.with(DeliveryRecord.State.SENDING, 1, null, T0.plusSeconds(1), null, null);
        assertThat(store().moveDelivery(claimed, DeliveryRecord.State.PENDING)).isTrue();
        assertThat(store().moveDelivery(claimed, DeliveryRecord.State.PENDING)).as("a second claim loses").isFalse();
        assertThat(store().deliveriesDue(T0.plusSeconds(60), 10)).isEmpty();

        DeliveryRecord sent = claimed.with(DeliveryRecord.State.SENT, 1, null, T0.plusSeconds(2), T0.plusSeconds(2), null);
        assertThat(store().moveDelivery(sent, DeliveryRecord.State.SENDING)).isTrue();
        assertThat(store().deliveries(null)).containsExactly(sent);
    }

    @Test
    void deliveriesLeftSendingByACrashBecomeUnknownAndAreNotDueAgain() {
        Incident i = incident("spray-4", "alice@example.org", "bob@example.org");
        store().saveIncident(i, null);
        DeliveryRecord a = DeliveryRecord.pending(i.id(), "alice@example.org", "owner_email", "alice@example.org", T0);
        DeliveryRecord b = DeliveryRecord.pending(i.id(), "bob@example.org", "owner_email", "bob@example.org", T0);
        store().addDelivery(a);
        store().addDelivery(b);
        store().moveDelivery(a.with(DeliveryRecord.State.SENDING, 1, null, T0, null, null), DeliveryRecord.State.PENDING);

        try (Store again = reopenStore()) {
            assertThat(again.markInterruptedDeliveries(T0.plusSeconds(9))).isEqualTo(1);
            assertThat(again.deliveries(i.id())).extracting(DeliveryRecord::account, DeliveryRecord::state)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("alice@example.org", DeliveryRecord.State.UNKNOWN),
                            org.assertj.core.groups.Tuple.tuple("bob@example.org", DeliveryRecord.State.PENDING));
            assertThat(again.deliveriesDue(T0.plusSeconds(60), 10)).extracting(DeliveryRecord::account)
                    .containsExactly("bob@example.org");
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store().incidents(false, -1));
        assertThrows(NullPointerException.class, () -> store().saveIncident(null, null));
        assertThat(store().incident("INC-none")).isEmpty();
    }
}
