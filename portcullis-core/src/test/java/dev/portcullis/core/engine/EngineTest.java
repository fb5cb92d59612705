package dev.portcullis.core.engine;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.portcullis.core.engine.SourceVerdict.Kind.ATTACKER;
import static dev.portcullis.core.engine.SourceVerdict.Kind.SUSPICIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule on small hand-made event streams; time comes only from the events. */
class EngineTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private final Engine engine = new Engine();

    private void fail(long sec, String ip, String account) {
        fail(sec, ip, account, Reason.BAD_PASSWORD);
    }

    private void fail(long sec, String ip, String account, Reason why) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(sec)).format("test").service("imap")
                .sourceText(ip).account(account).failure(why).build());
    }

    private void ok(long sec, String ip, String account) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(sec)).format("test").service("imap")
                .sourceText(ip).account(account).success().build());
    }

    private void download(long sec, String ip, String account, long messages) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(sec)).format("test").service("imap").kind(EventKind.SESSION)
                .sourceText(ip).account(account).attempts(0)
                .activity(Activity.traffic(100, messages * 10_000, messages, messages * 10_000, 0)).build());
    }

    private Map<String, SourceVerdict.Kind> verdicts(Findings f) {
        return f.sources().stream().collect(Collectors.toMap(SourceVerdict::ip, SourceVerdict::verdict));
    }

    private Set<String> compromised(Findings f) {
        return f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED).map(AccountVerdict::account)
                .collect(Collectors.toSet());
    }

    /** An ordinary population: 200 users logging in from their own addresses. */
    private void everydayTraffic() {
        for (int u = 0; u < 200; u++) {
            ok(u * 30L, "198.51." + (u / 200) + "." + (u % 200 + 1), "user" + u);
        }
    }

    @Test
    void bruteForceOnOneAccountIsAnAttack() {
        everydayTraffic();
        for (int i = 0; i < 30; i++) fail(7200 + i * 20L, "203.0.113.7", "user3");
        Findings f = engine.findings();
        assertThat(verdicts(f)).containsEntry("203.0.113.7", ATTACKER);
        assertThat(f.attacks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttackKind.BRUTE_FORCE);
            assertThat(a.attempts()).isEqualTo(30);
        });
        assertThat(f.accounts()).anySatisfy(a -> {
            assertThat(a.account()).isEqualTo("user3");
            assertThat(a.status()).isEqualTo(AccountVerdict.Status.TARGETED);
        });
    }

    @Test
    void sprayAcrossManyAccountsAndTheSuccessItGotIsACompromise() {
        everydayTraffic();
        for (int u = 0; u < 50; u++) fail(7200 + u * 60L, "203.0.113.9", "user" + u);
        ok(7200 + 51 * 60L, "203.0.113.9", "user77");
        Findings f = engine.findings();
        assertThat(f.attacks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttackKind.PASSWORD_SPRAY);
            assertThat(a.compromised()).containsExactly("user77");
        });
        assertThat(compromised(f)).containsExactly("user77");
        AccountVerdict v = f.accounts().get(0);
        assertThat(v.compromisedAt()).isEqualTo(T0.plusSeconds(7200 + 51 * 60L));
        assertThat(v.attackerSources()).containsExactly("203.0.113.9");
    }

    @Test
    void anOfficeNatWithTyposIsNeverAnAttacker() {
        everydayTraffic();
        for (int u = 0; u < 120; u++) ok(100 + u, "192.0.2.10", "user" + u);
        for (int u = 0; u < 30; u++) fail(3600 + u * 10L, "192.0.2.10", "user" + (u * 3));
        for (int u = 0; u < 15; u++) fail(4000 + u * 10L, "192.0.2.10", "nosuchuser" + u, Reason.UNKNOWN_ACCOUNT);
        Findings f = engine.findings();
        assertThat(verdicts(f)).doesNotContainKey("192.0.2.10");
        assertThat(f.attacks()).isEmpty();
    }

    @Test
    void aPhoneRetryingAnOldPasswordIsStaleCredentialsNotBruteForce() {
        everydayTraffic();
        ok(10, "100.64.1.1", "carol");
        for (int i = 0; i < 120; i++) fail(3600 + i * 300L, "100.64.1.1", "carol");
        Findings f = engine.findings();
        assertThat(verdicts(f)).doesNotContainKey("100.64.1.1");
        assertThat(f.accounts()).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("carol");
            assertThat(a.status()).isEqualTo(AccountVerdict.Status.STALE_CREDENTIALS);
            assertThat(a.evidence().get(0)).contains("120 failures from 100.64.1.1");
        });
    }

    @Test
    void lowAndSlowBotnetIsACampaignAndAUserGivingUpIsNot() {
        everydayTraffic();
        // 300 addresses, 1–2 guesses each on different accounts, over three hours
        for (int i = 0; i < 300; i++) {
            String ip = "45." + (i / 250) + "." + (i % 250) + ".9";
            fail(3600 + i * 36L, ip, "user" + (i % 200));
            if (i % 2 == 0) fail(3600 + i * 36L + 5, ip, "user" + ((i + 7) % 200));
        }
        // a user abroad failing three times on their own account, then giving up
        fail(5000, "81.2.69.160", "user5");
        fail(5030, "81.2.69.160", "user5");
        fail(5090, "81.2.69.160", "user5");
        Findings f = engine.findings();
        Map<String, SourceVerdict.Kind> v = verdicts(f);
        assertThat(v.entrySet().stream().filter(e -> e.getValue() == ATTACKER).count()).isEqualTo(300);
        assertThat(v).doesNotContainKey("81.2.69.160");
        assertThat(f.attacks()).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AttackKind.DISTRIBUTED_SPRAY));
    }

    @Test
    void aFewScatteredFailuresAreNoCampaign() {
        everydayTraffic();
        for (int i = 0; i < 8; i++) fail(i * 4000L, "45.0." + i + ".9", "user" + i);
        assertThat(engine.findings().attacks()).isEmpty();
    }

    @Test
    void bulkDownloadsFromNewAddressesAfterACompromiseAreTheAttackers() {
        everydayTraffic();
        for (int u = 0; u < 50; u++) fail(7200 + u * 60L, "203.0.113.9", "user" + u);
        ok(10_500, "203.0.113.9", "user42");
        // the attacker comes back from two new addresses and downloads the mailbox
        ok(20_000, "5.188.10.1", "user42");
        download(20_900, "5.188.10.1", "user42", 4000);
        ok(30_000, "5.188.10.2", "user42");
        download(30_500, "5.188.10.2", "user42", 3000);
        // the owner reads a few messages from home, and from a new café
        ok(40_000, "198.51.0.43", "user42");
        download(40_100, "198.51.0.43", "user42", 12);
        ok(41_000, "93.184.216.34", "user42");
        download(41_100, "93.184.216.34", "user42", 20);
        Findings f = engine.findings();
        Map<String, SourceVerdict.Kind> v = verdicts(f);
        assertThat(v).containsEntry("5.188.10.1", ATTACKER).containsEntry("5.188.10.2", ATTACKER)
                .doesNotContainKeys("198.51.0.43", "93.184.216.34");
        assertThat(compromised(f)).containsExactly("user42");
    }

    @Test
    void twoBulkDownloadsFromUnknownAddressesAloneRevealACompromise() {
        everydayTraffic();
        ok(20_000, "5.188.10.1", "user9");
        download(20_900, "5.188.10.1", "user9", 4000);
        ok(30_000, "5.188.10.2", "user9");
        download(30_500, "5.188.10.2", "user9", 3000);
        assertThat(compromised(engine.findings())).containsExactly("user9");
    }

    @Test
    void oneNewPhoneSyncingEverythingIsOnlySuspicious() {
        everydayTraffic();
        ok(20_000, "5.188.10.1", "user9");
        download(20_900, "5.188.10.1", "user9", 4000);
        Findings f = engine.findings();
        assertThat(compromised(f)).isEmpty();
        assertThat(verdicts(f)).containsEntry("5.188.10.1", SUSPICIOUS);
    }

    @Test
    void anAttackSpreadOverOneSubnetIsFoundThoughEachAddressIsSmall() {
        everydayTraffic();
        for (int i = 1; i <= 12; i++) {
            fail(8000 + i * 600L, "203.0.113." + i, "user" + i);
            fail(8000 + i * 600L + 30, "203.0.113." + i, "user" + (i + 50));
        }
        Findings f = engine.findings();
        assertThat(verdicts(f).values()).hasSize(12).containsOnly(ATTACKER);
        assertThat(f.attacks()).singleElement().satisfies(a -> assertThat(a.evidence()).anySatisfy(ev -> assertThat(ev).contains("203.0.113.0/24")));
    }

    @Test
    void eventsWithoutAddressOrAccountAreTolerated() {
        engine.record(null);
        engine.record(AuthEvent.builder().time(T0).format("t").failure(Reason.UNSPECIFIED).build());
        engine.record(AuthEvent.builder().time(T0).format("t").success().build());
        assertThat(engine.findings().attacks()).isEmpty();
    }

    @Test
    void configValidationNamesKeyValueAndRange() {
        assertThatThrownBy(() -> EngineConfig.fromMap(Map.of("brute_force.failures", "1")))
                .hasMessageContaining("detection.brute_force.failures: 1 is out of range; allowed 3..10000");
        assertThatThrownBy(() -> EngineConfig.fromMap(Map.of("spray.acounts", "10")))
                .hasMessageContaining("detection.spray.acounts: unknown key; allowed ");
        assertThatThrownBy(() -> EngineConfig.fromMap(Map.of("campaign.window", "soon")))
                .hasMessageContaining("detection.campaign.window: 'soon' is not a duration");
        assertThat(EngineConfig.fromMap(Map.of("brute_force.window", "30m")).bruteForceWindow().toMinutes()).isEqualTo(30);
    }
}
