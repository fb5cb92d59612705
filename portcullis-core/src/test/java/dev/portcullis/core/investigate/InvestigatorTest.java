package dev.portcullis.core.investigate;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The investigator's verdicts on small hand-made event sequences; time only from the events. */
class InvestigatorTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String VICTIM = "ann@example.org";
    private static final String HOME = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.9";
    private static final String NEW_ADDRESS = "192.0.2.44";
    private static final String NAT = "198.51.100.200";

    private final List<AuthEvent> events = new ArrayList<>();
    private long line;

    private AuthEvent.Builder at(long sec, String ip) {
        return AuthEvent.builder().time(T0.plusSeconds(sec)).format("test").service("imap").sourceText(ip)
                .account(VICTIM).origin("mail.log", ++line);
    }

    private void ok(long sec, String ip, String session) {
        events.add(at(sec, ip).session(session).success().build());
    }

    private void fail(long sec, String ip, String account) {
        events.add(at(sec, ip).account(account).failure(Reason.BAD_PASSWORD).build());
    }

    private void logout(long sec, String ip, String session, long messages, long bytes, long deleted) {
        events.add(at(sec, ip).session(session).kind(EventKind.SESSION).attempts(0)
                .activity(Activity.traffic(400, bytes + 500, messages, bytes, deleted)).build());
    }

    private void mailbox(long sec, String session, String action, String box) {
        events.add(at(sec, null).session(session).kind(EventKind.MAILBOX).attempts(0)
                .activity(Activity.action(action, box, action.equals("copy") ? "from=INBOX uid=7" : "uid=7")).build());
    }

    private AccountInvestigation investigate(Instant compromisedAt, String... attackerSources) {
        Investigator inv = new Investigator(List.of(new Suspect(VICTIM, compromisedAt, Set.of(attackerSources))),
                ip -> ip.equals(NAT));
        events.forEach(inv::record);
        List<AccountInvestigation> r = inv.results();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void attackerWhoNeverCameBackIsNoAccessAfterTheSprayTrail() {
        ok(0, HOME, "h1");
        fail(100, ATTACKER, "bob@example.org");
        fail(101, ATTACKER, VICTIM);
        AccountInvestigation r = investigate(T0.plusSeconds(5000), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.NO_ACCESS);
        assertThat(r.failedGuesses()).isEqualTo(1);
        assertThat(r.timeline()).extracting(TimelineEntry::what)
                .anySatisfy(w -> assertThat(w).contains("failed sign-in"))
                .anySatisfy(w -> assertThat(w).contains("sign-in trail: 1 failed sign-ins on 1 other accounts"));
        assertThat(r.timeline().get(0).where()).isEqualTo("mail.log:2");
    }

    @Test
    void loginWithoutFetchingIsAccessed() {
        ok(0, HOME, "h1");
        ok(100, ATTACKER, "a1");
        logout(200, ATTACKER, "a1", 0, 0, 0);
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCESSED);
        assertThat(r.attacker().sessions()).isEqualTo(1);
        assertThat(r.sessions()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(T0.plusSeconds(100));
            assertThat(s.end()).isEqualTo(T0.plusSeconds(200));
            assertThat(s.attribution()).isEqualTo(Attribution.ATTACKER);
        });
    }

    @Test
    void downloadsAreSummedAndTheOwnersSessionsAreNot() {
        ok(0, HOME, "h1");
        logout(50, HOME, "h1", 10, 1000, 0);
        ok(100, ATTACKER, "a1");
        logout(200, ATTACKER, "a1", 812, 40_000_000, 0);
        ok(300, HOME, "h2");
        logout(400, HOME, "h2", 5, 500, 0);
        ok(500, ATTACKER, "a2");
        logout(600, ATTACKER, "a2", 3, 300, 0);
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.DOWNLOADED);
        assertThat(r.attacker().messages()).isEqualTo(815);
        assertThat(r.attacker().messageBytes()).isEqualTo(40_000_300);
        assertThat(r.attacker().sessions()).isEqualTo(2);
        assertThat(r.likely()).isEqualTo(Totals.NONE);
    }

    @Test
    void mailboxChangesMakeItAlteredAndKeepTheDownloadFacts() {
        ok(100, ATTACKER, "a1");
        mailbox(110, "a1", "copy", "Archive");
        mailbox(120, "a1", "delete", "INBOX");
        mailbox(130, "a1", "expunge", "INBOX");
        logout(200, ATTACKER, "a1", 20, 2000, 1);
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(r.attacker().copies()).isEqualTo(1);
        assertThat(r.attacker().deletes()).isEqualTo(1);
        assertThat(r.attacker().expunges()).isEqualTo(1);
        assertThat(r.attacker().mailboxChanges()).isEqualTo(3);
        assertThat(r.attacker().messages()).isEqualTo(20);
        assertThat(r.timeline()).extracting(TimelineEntry::what)
                .contains("copy of a message from INBOX to Archive", "deleted a message in INBOX");
    }

    @Test
    void forwardingWinsOverEverythingElse() {
        ok(100, ATTACKER, "a1");
        mailbox(110, "a1", "delete", "INBOX");
        events.add(at(150, ATTACKER).service("exchange").kind(EventKind.MAILBOX).attempts(0)
                .activity(Activity.forwarding("drop@evil.example", "New-InboxRule ForwardTo, rule 'x'")).build());
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.FORWARDING);
        assertThat(r.attacker().deletes()).isEqualTo(1);
        assertThat(r.forwardings()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo("drop@evil.example");
            assertThat(f.attribution()).isEqualTo(Attribution.ATTACKER);
        });
    }

    @Test
    void newAddressAfterTheCompromiseIsLikelyAttackerCountedApart() {
        ok(0, HOME, "h1");
        ok(100, ATTACKER, "a1");
        ok(300, NEW_ADDRESS, "n1");
        logout(400, NEW_ADDRESS, "n1", 900, 9_000_000, 0);
        ok(500, NAT, "s1");
        logout(600, NAT, "s1", 50, 5000, 0);
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCESSED);
        assertThat(r.verdictWithLikely()).isEqualTo(Verdict.DOWNLOADED);
        assertThat(r.likely().messages()).isEqualTo(900);
        assertThat(r.likely().sessions()).isEqualTo(1);
        assertThat(r.sessions()).extracting(AttackerSession::why)
                .contains("an address new to the account since the compromise");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("likely the attacker's"));
    }

    @Test
    void m365ReadsCountAndThrottlingIsFlagged() {
        events.add(at(100, ATTACKER).service("sso").success().build());
        events.add(at(200, ATTACKER).service("exchange").kind(EventKind.MAILBOX).attempts(0)
                .activity(Activity.itemsRead(Activity.MAIL_BIND, "\\Inbox", 4, -1, false)).build());
        events.add(at(210, ATTACKER).service("exchange").kind(EventKind.MAILBOX).attempts(0)
                .activity(Activity.itemsRead(Activity.MAIL_SYNC, "\\Sent Items", -1, -1, true)).build());
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.DOWNLOADED);
        assertThat(r.attacker().itemsRead()).isEqualTo(4);
        assertThat(r.attacker().foldersSynced()).isEqualTo(1);
        assertThat(r.attacker().throttled()).isEqualTo(1);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("throttled"));
    }

    @Test
    void eventsBeforeTheCompromiseAreNotTheAttackers() {
        ok(50, ATTACKER, "early");
        logout(60, ATTACKER, "early", 100, 100, 0);
        AccountInvestigation r = investigate(T0.plusSeconds(100), ATTACKER);
        assertThat(r.verdict()).isEqualTo(Verdict.NO_ACCESS);
    }

    @Test
    void sessionsAndTimelineAreCappedButTotalsStayExact() {
        for (int i = 0; i < 50; i++) {
            ok(100 + i * 10, ATTACKER, "a" + i);
            logout(105 + i * 10, ATTACKER, "a" + i, 2, 20, 0);
        }
        Investigator inv = new Investigator(List.of(new Suspect(VICTIM, T0, Set.of(ATTACKER))), ip -> false, 10, 30);
        events.forEach(inv::record);
        AccountInvestigation r = inv.results().get(0);
        assertThat(r.sessions()).hasSize(10);
        assertThat(r.timeline()).hasSize(30);
        assertThat(r.attacker().sessions()).isEqualTo(50);
        assertThat(r.attacker().messages()).isEqualTo(100);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("sessions capped at 10: 40 more"))
                .anySatisfy(n -> assertThat(n).contains("timeline capped at 30"));
    }

    @Test
    void aFloodOfUniqueSessionsAddressesAndAccountsStaysBounded() {
        Investigator inv = new Investigator(List.of(new Suspect(VICTIM, T0.plusSeconds(1_000_000), Set.of(ATTACKER))),
                ip -> false, 100, 100);
        for (int i = 0; i < 5_000; i++) { // the owner's addresses before the compromise: more than the cap
            inv.record(at(i, "10.1." + (i >> 8) + "." + (i & 255)).success().build());
        }
        for (int i = 0; i < 30_000; i++) { // the attacker sprays unique accounts
            inv.record(at(2_000_000 + i, ATTACKER).account("u" + i + "@example.org").failure(Reason.BAD_PASSWORD).build());
        }
        for (int i = 0; i < 200_000; i++) { // unique sessions, each with its logout
            inv.record(at(1_000_000 + i, ATTACKER).session("f" + i).success().build());
            inv.record(at(1_000_000 + i, ATTACKER).session("f" + i).kind(EventKind.SESSION).attempts(0)
                    .activity(Activity.traffic(1, 1, 1, 10, 0)).build());
        }
        AccountInvestigation r = inv.results().get(0);
        assertThat(r.sessions()).hasSize(100);
        assertThat(r.timeline()).hasSizeLessThanOrEqualTo(101);
        assertThat(r.attacker().sessions()).isEqualTo(200_000);
        assertThat(r.attacker().messages()).as("every logout found its session, listed or summed").isEqualTo(200_000);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("more than " + Case.FAMILIAR_MAX + " familiar"));
        assertThat(r.timeline()).anySatisfy(t -> assertThat(t.what()).contains("on " + Case.TRAIL_ACCOUNTS + "+ other accounts"));
    }

    @Test
    void limitsOutOfRangeAreRefusedByName() {
        assertThatThrownBy(() -> new Investigator(List.of(), null, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSessions");
    }
}
