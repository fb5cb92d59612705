package dev.portcullis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.core.Network;
import dev.portcullis.core.engine.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    private Instant now = Instant.parse("2026-06-10T09:00:00Z");
    private final List<GateRecord> puts = new ArrayList<>();
    private final List<GateRecord> removes = new ArrayList<>();
    private final GateListener listener = new GateListener() {
        @Override
        public void put(GateRecord r) { puts.add(r); }

        @Override
        public void removed(GateRecord r) { removes.add(r); }
    };

    private Gate gate(GateConfig c) {
        return new Gate(c, new Engine(), listener);
    }

    private static GateConfig config(Map<String, ?> m) {
        return GateConfig.fromMap(m);
    }

    private static final GateConfig OFFICE = config(Map.of("internal_networks", List.of("10.0.0.0/8")));

    private static Login login(String acc, String ip) {
        return new Login(acc, ip, null, "imap", null, null, false);
    }

    private static Login login(String acc, String ip, String pwhash) {
        return new Login(acc, ip, pwhash, "imap", null, null, false);
    }

    private Decision fail(Gate g, String acc, String ip, String pwhash) {
        now = now.plusSeconds(2);
        Decision d = g.decide(login(acc, ip, pwhash), now);
        if (d.status() >= 0) {
            g.report(login(acc, ip, pwhash), false, false, now);
        }
        return d;
    }

    private void succeed(Gate g, String acc, String ip) {
        now = now.plusSeconds(2);
        g.report(login(acc, ip), true, false, now);
    }

    @Test
    void aSprayFromOneAddressIsRejectedAfterTheThresholdWhileOthersLogIn() {
        Gate g = gate(OFFICE);
        succeed(g, "alice", "198.51.100.7");
        for (int i = 0; i < 40; i++) succeed(g, "user" + i, "198.51.100." + (i + 10));
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            if (fail(g, "user" + i, "203.0.113.9", "h" + i).status() == 0) allowed++;
        }
        // a stranger failing on 4 real accounts 2 s apart is a spray already (stuffing.accounts at a
        // script's pace); it used to take spray.accounts = 10
        assertThat(allowed).isEqualTo(4);
        Gate h = gate(OFFICE);
        allowed = 0;
        for (int i = 0; i < 40; i++) {
            if (fail(h, "nobody" + i, "203.0.113.9", "h" + i).status() == 0) allowed++;
        }
        assertThat(allowed).isEqualTo(4); // stuffing.accounts = 4 accounts that never log in
        assertThat(g.decide(login("user99", "203.0.113.9"), now).status()).isEqualTo(-1);
        assertThat(g.decide(login("alice", "198.51.100.7"), now).status()).isZero();
        assertThat(puts).filteredOn(r -> r instanceof Block).first()
                .satisfies(r -> assertThat(((Block) r).by()).isEqualTo("engine"));
    }

    @Test
    void blocksExpireAndEscalate() {
        Gate g = gate(OFFICE);
        for (int i = 0; i < 12; i++) fail(g, "user" + i, "203.0.113.9", "h" + i);
        Block first = g.blocks(now).get(0);
        assertThat(Duration.between(first.since(), first.until())).isEqualTo(Duration.ofMinutes(15));
        now = first.until().plusSeconds(1);
        assertThat(g.decide(login("x", "203.0.113.9"), now).status()).isZero();
        for (int i = 12; i < 14; i++) fail(g, "user" + i, "203.0.113.9", "h" + i);
        Block second = g.blocks(now).get(0);
        assertThat(second.level()).isEqualTo(2);
        assertThat(Duration.between(second.since(), second.until())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSharedNatWithRealUsersIsNeverBlocked() {
        Gate g = gate(OFFICE);
        for (int i = 0; i < 30; i++) succeed(g, "staff" + i, "192.0.2.50");
        for (int i = 0; i < 15; i++) fail(g, "staff" + i, "192.0.2.50", "typo" + i);
        assertThat(g.decide(login("staff1", "192.0.2.50"), now).status()).isZero();
        assertThat(g.blocks(now)).isEmpty();
    }

    @Test
    void smartLockoutLocksUnfamiliarAddressesOnlyAndIgnoresTheSamePasswordAgain() {
        Gate g = gate(OFFICE);
        succeed(g, "bob", "198.51.100.20"); // bob's phone
        // a distributed attack: each address tries once, so no address is blocked
        for (int i = 0; i < 12; i++) fail(g, "bob", "203.0.113." + (i + 1), "guess" + i);
        assertThat(g.lockouts(now)).singleElement()
                .satisfies(l -> assertThat(l.scope()).isEqualTo(Lockout.Scope.UNFAMILIAR));
        assertThat(g.decide(login("bob", "203.0.113.200"), now).reason()).isEqualTo("locked_out");
        assertThat(g.decide(login("bob", "198.51.100.20"), now).status()).isZero();
        assertThat(g.decide(login("bob", "10.1.2.3"), now).status()).isZero(); // the office

        Gate h = gate(OFFICE);
        for (int i = 0; i < 30; i++) fail(h, "carol", "198.51.100.30", "same-old-password");
        assertThat(h.lockouts(now)).isEmpty();
    }

    @Test
    void failuresDelayBeforeTheyLock() {
        Gate g = gate(OFFICE);
        for (int i = 0; i < 3; i++) fail(g, "dave", "203.0.113." + (i + 1), "p" + i);
        Decision d = g.decide(login("dave", "203.0.113.99"), now);
        assertThat(d.verdict()).isEqualTo(Decision.Verdict.DELAY);
        assertThat(d.status()).isEqualTo(1);
        for (int i = 3; i < 6; i++) fail(g, "dave", "203.0.113." + (i + 1), "p" + i);
        assertThat(g.decide(login("dave", "203.0.113.99"), now).status()).isEqualTo(5); // max_delay_seconds
    }

    @Test
    void lockdownRejectsExternalLoginsAndKeepsTheOfficeAndBreakGlassAccounts() {
        Gate g = gate(OFFICE);
        g.put(new Lockdown("all", Lockdown.Scope.ALL, List.of(), List.of("admin-*"), "incident 7", now,
                now.plus(Duration.ofHours(4)), "admin:ops"), true);
        Decision d = g.decide(login("alice", "198.51.100.7"), now);
        assertThat(d.status()).isEqualTo(-1);
        assertThat(d.message()).contains("locked down").contains("incident 7");
        assertThat(g.decide(login("alice", "10.20.30.40"), now).status()).isZero();
        assertThat(g.decide(login("admin-ops", "198.51.100.7"), now).status()).isZero();
        now = now.plus(Duration.ofHours(5));
        g.tick(now);
        assertThat(g.decide(login("alice", "198.51.100.7"), now).status()).isZero();
        assertThat(removes).singleElement().isInstanceOf(Lockdown.class);
    }

    @Test
    void groupAndAccountLockdownsCoverOnlyTheirAccounts() {
        Gate g = gate(OFFICE);
        g.put(new Lockdown("sales", Lockdown.Scope.GROUP, List.of("*@sales.example.org", "ceo"), List.of(), "",
                now, null, "cli"), true);
        assertThat(g.decide(login("ann@sales.example.org", "198.51.100.7"), now).status()).isEqualTo(-1);
        assertThat(g.decide(login("ceo", "198.51.100.7"), now).status()).isEqualTo(-1);
        assertThat(g.decide(login("ann@eng.example.org", "198.51.100.7"), now).status()).isZero();
        assertThrows(IllegalArgumentException.class, () -> new Lockdown("x", Lockdown.Scope.GROUP, List.of(),
                List.of(), "", now, null, "cli"));
    }

    @Test
    void allowlistsAlwaysPassAndLogOnlyDecidesButAllows() {
        Gate g = gate(config(Map.of("internal_networks", List.of("10.0.0.0/8"), "allow.networks", "203.0.113.0/24")));
        for (int i = 0; i < 40; i++) fail(g, "user" + i, "203.0.113.9", "h" + i);
        assertThat(g.decide(login("user1", "203.0.113.9"), now).reason()).isEqualTo("allowlisted");

        Gate lo = gate(config(Map.of("log_only", "true")));
        for (int i = 0; i < 40; i++) fail(lo, "user" + i, "203.0.113.9", "h" + i);
        Decision d = lo.decide(login("user1", "203.0.113.9"), now);
        assertThat(d.verdict()).isEqualTo(Decision.Verdict.REJECT);
        assertThat(d.enforced()).isFalse();
        assertThat(d.status()).isZero();
    }

    @Test
    void operatorBlocksOfNetworksAndResets() {
        Gate g = gate(OFFICE);
        g.put(new Block("198.18.0.0/15", Block.Action.REJECT, 1, "abuse", now, null, "admin:ops"), true);
        g.put(new Block("192.0.2.0/24", Block.Action.TARPIT, 1, "abuse", now, null, "admin:ops"), true);
        assertThat(g.decide(login("a", "198.19.4.4"), now).status()).isEqualTo(-1);
        assertThat(g.decide(login("a", "192.0.2.77"), now).status()).isEqualTo(5);
        assertThat(g.remove(Block.class, "198.18.0.0/15")).isNotNull();
        assertThat(g.decide(login("a", "198.19.4.4"), now).status()).isZero();
        for (int i = 0; i < 12; i++) fail(g, "eve", "203.0.113." + (i + 1), "p" + i);
        g.reset("eve", null);
        assertThat(g.decide(login("eve", "203.0.113.50"), now).status()).isZero();
    }

    @Test
    void aCampaignSpreadOverASubnetIsBlockedAsASubnetAtTheNextJudgement() {
        Gate g = gate(OFFICE);
        for (int i = 0; i < 1200; i++) succeed(g, "u" + i, "198.51.100." + (i % 200));
        for (int i = 0; i < 30; i++) fail(g, "u" + i, "203.0.113." + (i + 1), "x" + i);
        g.tick(now);
        assertThat(g.blocks(now)).extracting(Block::target).contains("203.0.113.0/24");
        assertThat(g.decide(login("u1", "203.0.113.250"), now).status()).isEqualTo(-1);
    }

    @Test
    void configErrorsNameTheKeyAndTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("lockout.unfamiliar_failures", "0", "internal_networks", List.of("10.0.0.300/8"),
                        "nope", 1)));
        assertThat(e.getMessage()).contains("gate.nope: unknown key; allowed ").contains("gate.internal_networks: ")
                .contains("10.0.0.300");
        e = assertThrows(IllegalArgumentException.class, () -> config(Map.of("lockout.unfamiliar_failures", "0")));
        assertThat(e.getMessage()).contains("gate.lockout.unfamiliar_failures: 0 is out of range; allowed 1..100");
    }

    @Test
    void networksParseAndMatch() {
        assertThat(Network.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
        assertThat(Network.parse("2001:db8::1/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(Network.parse("2001:db8::1/32").contains("2001:db9::1")).isFalse();
        assertThat(Network.parse("192.0.2.1").isAddress()).isTrue();
        assertThat(Network.tryParse("192.0.2.1/33")).isNull();
        assertThat(Network.tryParse("example.org")).isNull();
        assertThat(Lockdown.glob("j*@*.org", "jo@x.org")).isTrue();
        assertThat(Lockdown.glob("j?", "jon")).isFalse();
    }

    @Test
    void thePulseSeesWhatTheGateDecidedAndWasTold() {
        Gate g = gate(OFFICE);
        g.put(new Block("203.0.113.9", Block.Action.REJECT, 1, "test", now, now.plusSeconds(600), "admin"), false);
        fail(g, "ann", "203.0.113.9", null);
        succeed(g, "bob", "198.51.100.1");
        assertThat(g.pulse().refusalsByReason()).containsEntry("blocked", 1L);
        assertThat(g.pulse().recentFor("ann", 10)).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("blocked"));
        assertThat(g.pulse().recentFor("bob", 10)).extracting(Pulse.Seen::outcome).containsExactly(Pulse.Outcome.SUCCEEDED);
    }
}
