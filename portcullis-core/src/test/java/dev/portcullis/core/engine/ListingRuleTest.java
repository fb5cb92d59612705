package dev.portcullis.core.engine;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is listed without being an attacker (docs/detection.md, rule 7; issue 11): one rule for small
 * guessers, probes as probing, and nobody who got in or whose failures are a device's timer.
 */
class ListingRuleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final Engine engine = new Engine();

    private void fail(String ip, String account, long at, Reason why) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(at)).format("test").service("ssh").sourceText(ip)
                .account(account).failure(why).attempts(1).build());
    }

    private void probe(String ip, String account, long at) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(at)).format("test").service("ssh").sourceText(ip)
                .account(account).failure(Reason.UNKNOWN_ACCOUNT).attempts(0).build());
    }

    private void login(String ip, String account, long at) {
        engine.record(AuthEvent.builder().time(T0.plusSeconds(at)).format("test").service("ssh").sourceText(ip)
                .account(account).success().build());
    }

    private Map<String, SourceVerdict.Kind> verdicts() {
        return engine.findings().sources().stream().collect(Collectors.toMap(SourceVerdict::ip, SourceVerdict::verdict));
    }

    @Test
    void fiveGuessesInAnHourAreSuspiciousFourAreNot() {
        for (int i = 0; i < 5; i++) fail("198.51.100.1", "root", i * 40L, Reason.BAD_PASSWORD);
        for (int i = 0; i < 4; i++) fail("198.51.100.2", "root", i * 40L, Reason.BAD_PASSWORD);
        // five guesses spread over five hours: never five within the window
        for (int i = 0; i < 5; i++) fail("198.51.100.3", "root", i * 4_000L, Reason.BAD_PASSWORD);
        assertThat(verdicts()).containsExactly(Map.entry("198.51.100.1", SourceVerdict.Kind.SUSPICIOUS));
    }

    @Test
    void nobodyWhoGotInToTheAccountItFailedOnIsListed() {
        for (int i = 0; i < 6; i++) fail("192.0.2.10", "alice", i * 20L, Reason.BAD_PASSWORD);
        login("192.0.2.10", "alice", 200);
        probe("192.0.2.11", "alcie", 300);
        login("192.0.2.11", "alice", 320);
        assertThat(verdicts()).isEmpty();
    }

    @Test
    void aDeviceOnATimerIsStaleCredentialsNotSuspicious() {
        login("192.0.2.20", "bob", 0);
        for (int i = 0; i < 12; i++) fail("203.0.113.20", "bob", 600 + i * 300L, Reason.BAD_PASSWORD);
        assertThat(verdicts()).isEmpty();
        assertThat(engine.findings().accounts()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AccountVerdict.Status.STALE_CREDENTIALS));
    }

    @Test
    void aPhoneRetryingAnOldPasswordEveryTenMinutesIsStaleCredentialsNotSuspicious() {
        // six failures an hour: more than a user's typos, fewer than the nine a timer needs
        login("192.0.2.30", "carol", 0);
        for (int i = 0; i < 6; i++) fail("203.0.113.30", "carol", 300 + i * 600L, Reason.BAD_PASSWORD);
        login("192.0.2.30", "carol", 2_000);
        assertThat(verdicts()).isEmpty();
        assertThat(engine.findings().accounts()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AccountVerdict.Status.STALE_CREDENTIALS);
            assertThat(a.evidence().get(0)).contains("6 failures from 203.0.113.30", "every 600 s", "logs in elsewhere");
        });
    }

    @Test
    void aBurstOrAnUnknownAccountOrAnIrregularPaceStaysSuspicious() {
        login("192.0.2.40", "root", 0);
        login("192.0.2.40", "dave", 0);
        // five root guesses within a minute, root logging in from its admin's address: a dictionary burst
        for (int i = 0; i < 5; i++) fail("198.51.100.41", "root", 100 + i * 12L, Reason.BAD_PASSWORD);
        // every 10 min, but on an account that never logs in: nothing says it is somebody's device
        for (int i = 0; i < 6; i++) fail("198.51.100.42", "erin", i * 600L, Reason.BAD_PASSWORD);
        // on dave, slow on average but two guesses 30 s apart: no device's interval
        long[] at = {0, 30, 600, 1_200, 1_800, 2_400};
        for (long t : at) fail("198.51.100.43", "dave", 200 + t, Reason.BAD_PASSWORD);
        assertThat(verdicts()).containsOnly(Map.entry("198.51.100.41", SourceVerdict.Kind.SUSPICIOUS),
                Map.entry("198.51.100.42", SourceVerdict.Kind.SUSPICIOUS),
                Map.entry("198.51.100.43", SourceVerdict.Kind.SUSPICIOUS));
        assertThat(engine.findings().accounts()).isEmpty();
    }

    @Test
    void probesAreProbingAndNeverGuesses() {
        probe("203.0.113.70", "oracle", 0);
        probe("203.0.113.70", "postgres", 2);
        Findings f = engine.findings();
        assertThat(verdicts()).containsExactly(Map.entry("203.0.113.70", SourceVerdict.Kind.PROBING));
        assertThat(f.sources().get(0).failures()).isZero();
        assertThat(f.sources().get(0).why()).contains("2 probes", "no password tried");
        assertThat(f.attacks()).isEmpty();
    }
}
