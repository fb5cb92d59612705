package dev.portcullis.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.core.engine.AttackKind;
import dev.portcullis.core.engine.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    static Incident incident(String... accounts) {
        Detection d = new Detection("d1", AttackKind.PASSWORD_SPRAY, T0.minusSeconds(3600), T0, List.of("203.0.113.9"),
                400, 800, List.of(accounts), List.of());
        return new IncidentPolicy(IncidentConfig.DEFAULTS).apply("spray-1", d, null, Set.of(), a -> null, T0).incident();
    }

    @Test
    void anAccountMovesThroughTheStagesOneStepAtATimeWithNotes() {
        Incident i = incident("alice@example.org");
        i = i.withAccountStage("alice@example.org", AccountStage.NOTIFIED, T0.plusSeconds(60), "portcullis", "mailed");
        i = i.withAccountStage("alice@example.org", AccountStage.RESET_CONFIRMED, T0.plusSeconds(120), "admin:bob", "helpdesk ticket 42");
        i = i.withAccountStage("alice@example.org", AccountStage.CLOSED, T0.plusSeconds(180), "admin:bob", null);

        assertThat(i.account("alice@example.org").orElseThrow().stage()).isEqualTo(AccountStage.CLOSED);
        assertThat(i.notes()).extracting(Note::text).contains("notified → reset_confirmed: helpdesk ticket 42",
                "reset_confirmed → closed");
    }

    @Test
    void illegalTransitionsAreRefusedWithWhatIsAllowed() {
        Incident i = incident("alice@example.org");
        TransitionRefused skip = assertThrows(TransitionRefused.class,
                () -> i.withAccountStage("alice@example.org", AccountStage.RESET_CONFIRMED, T0, "admin:bob", null));
        assertThat(skip.getMessage()).contains("is detected", "can move to notified", "not reset_confirmed");

        TransitionRefused unknown = assertThrows(TransitionRefused.class,
                () -> i.withAccountStage("mallory@example.org", AccountStage.NOTIFIED, T0, "admin:bob", null));
        assertThat(unknown.getMessage()).contains("not part of incident", "alice@example.org");

        TransitionRefused earlyClose = assertThrows(TransitionRefused.class,
                () -> i.withAccountStage("alice@example.org", AccountStage.CLOSED, T0, "admin:bob", " "));
        assertThat(earlyClose.getMessage()).contains("needs a note");
        Incident falsePositive = i.withAccountStage("alice@example.org", AccountStage.CLOSED, T0, "admin:bob",
                "false positive: her own new phone");
        assertThat(falsePositive.account("alice@example.org").orElseThrow().stage()).isEqualTo(AccountStage.CLOSED);

        assertThrows(TransitionRefused.class, () -> falsePositive.withAccountStage("alice@example.org",
                AccountStage.NOTIFIED, T0, "admin:bob", null));
        assertThrows(IllegalArgumentException.class, () -> AccountStage.parse("pwned"));
        assertThat(AccountStage.parse("Reset-Confirmed")).isEqualTo(AccountStage.RESET_CONFIRMED);
    }

    @Test
    void closingNeedsEveryPasswordResetAndThenNothingChanges() {
        Incident i = incident("alice@example.org", "bob@example.org");
        assertThat(assertThrows(TransitionRefused.class, () -> i.closedBy("admin:x", T0, null)).getMessage())
                .contains("alice@example.org (detected)", "bob@example.org (detected)");
        Incident ready = i;
        for (String a : List.of("alice@example.org", "bob@example.org")) {
            ready = ready.withAccountStage(a, AccountStage.NOTIFIED, T0, "p", null)
                    .withAccountStage(a, AccountStage.RESET_CONFIRMED, T0, "p", null);
        }
        Incident closed = ready.closedBy("admin:x", T0.plusSeconds(5), "all reset");
        assertThat(closed.status()).isEqualTo(Incident.Status.CLOSED);
        assertThat(closed.accounts()).allMatch(a -> a.stage() == AccountStage.CLOSED);
        assertThrows(TransitionRefused.class, () -> closed.closedBy("admin:x", T0, null));
        assertThrows(TransitionRefused.class, () -> closed.acknowledged(T0, "admin:x", T0, null));
    }

    @Test
    void theDeadlineIs72HoursAfterAwarenessProvisionallyAfterOpening() {
        Incident i = incident("alice@example.org");
        assertThat(i.deadline()).isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(i.deadlineProvisional()).isTrue();

        Instant aware = T0.plus(Duration.ofHours(2));
        Incident acked = i.acknowledged(aware, "admin:dpo", T0.plus(Duration.ofHours(3)), "confirmed with the owner");
        assertThat(acked.becameAware()).isEqualTo(aware);
        assertThat(acked.deadline()).isEqualTo(aware.plus(Duration.ofHours(72)));
        assertThat(acked.deadlineProvisional()).isFalse();
        assertThat(acked.timeLeft(aware.plus(Duration.ofHours(70)))).isEqualTo(Duration.ofHours(2));

        assertThat(assertThrows(TransitionRefused.class, () -> acked.acknowledged(aware, "admin:x", aware, null))
                .getMessage()).contains("already acknowledged");
        assertThat(assertThrows(TransitionRefused.class, () -> i.acknowledged(T0.plusSeconds(10), "admin:x", T0, null))
                .getMessage()).contains("future");
    }

    @Test
    void theArticle33RecordCarriesTheRequiredFields() {
        IncidentConfig c = IncidentConfig.fromMap(Map.of("dpo_contact", "Dana Privacy <dpo@example.org>"));
        Incident i = incident("alice@example.org", "bob@example.org")
                .withAccountStage("alice@example.org", AccountStage.NOTIFIED, T0, "p", null);
        Article33Record r = Article33Record.of(i, c, T0.plus(Duration.ofHours(1)));
        assertThat(r.natureOfBreach()).contains("2 e-mail accounts", "password spray");
        assertThat(r.approxDataSubjects()).isEqualTo(2);
        assertThat(r.dataSubjectCategories()).isNotEmpty();
        assertThat(r.recordCategories()).contains("e-mail content and attachments");
        assertThat(r.approxRecords()).contains("unknown");
        assertThat(r.dpoContact()).isEqualTo("Dana Privacy <dpo@example.org>");
        assertThat(r.likelyConsequences()).isNotBlank();
        assertThat(r.measuresTaken()).anyMatch(m -> m.contains("blocked")).anyMatch(m -> m.contains("(1 of 2)"));
        assertThat(r.measuresProposed()).anyMatch(m -> m.contains("remaining 2"));
        assertThat(r.overdue()).isFalse();
        assertThat(Article33Record.of(i, c, T0.plus(Duration.ofHours(73))).delayReason()).contains("reasons for the delay");
    }

    @Test
    void configErrorsNameTheKey() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> IncidentConfig.fromMap(
                Map.of("lockdown_suggestion_threshold", "0"))).getMessage())
                .contains("incidents.lockdown_suggestion_threshold: 0 is out of range; allowed 1..1000000");
        assertThat(assertThrows(IllegalArgumentException.class, () -> IncidentConfig.fromMap(Map.of("hold", "forever")))
                .getMessage()).contains("incidents.hold: 'forever' is unknown; allowed all, unfamiliar, none");
        assertThat(assertThrows(IllegalArgumentException.class, () -> IncidentConfig.fromMap(Map.of("holds", "all")))
                .getMessage()).contains("incidents.holds: unknown key; allowed ");
    }
}
