package dev.portcullis.core.engine;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.portcullis.core.engine.SourceVerdict.Kind.ATTACKER;
import static dev.portcullis.core.engine.SourceVerdict.Kind.SUSPICIOUS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody accused without cause, and every attack called what it is, on multi-line samples in the
 * shapes real logs show ({@code src/test/resources/nofalse}, sshd lines written by us from the
 * documented format; the Kerberos spray as the events its 4771 lines make). Core has no parser: the
 * sshd lines are read here by one pattern, the three line forms the samples use.
 */
class NoFalseAccusationTest {
    private static final Pattern SSHD = Pattern.compile(
            "^(\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) \\S+ sshd\\[\\d+\\]: (?:(Failed|Accepted) password for (invalid user )?(\\S+)"
                    + " from (\\S+) port \\d+ ssh2|Invalid user \\S+ from \\S+ port \\d+)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ENGLISH);

    private final Engine engine = new Engine();

    private void sshd(String resource) throws IOException {
        String text;
        try (InputStream in = NoFalseAccusationTest.class.getResourceAsStream("/nofalse/" + resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long n = 0;
        for (String line : text.split("\n")) {
            n++;
            Matcher m = SSHD.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            if (m.group(2) == null) {
                continue; // "Invalid user X": the guess is the "Failed password for invalid user X" line
            }
            Instant t = LocalDateTime.parse("2026 " + m.group(1), STAMP).toInstant(ZoneOffset.UTC);
            AuthEvent.Builder b = AuthEvent.builder().time(t).format("sshd").service("ssh").sourceText(m.group(5))
                    .account(m.group(4)).origin(resource, n);
            engine.record((m.group(2).equals("Accepted") ? b.success()
                    : b.failure(m.group(3) != null ? Reason.UNKNOWN_ACCOUNT : Reason.BAD_PASSWORD)).build());
        }
    }

    private void event(Instant t, String ip, String account, boolean ok, Reason why) {
        AuthEvent.Builder b = AuthEvent.builder().time(t).format("test").service("kerberos").sourceText(ip).account(account);
        engine.record((ok ? b.success() : b.failure(why)).build());
    }

    private static Map<String, SourceVerdict.Kind> verdicts(Findings f) {
        return f.sources().stream().collect(Collectors.toMap(SourceVerdict::ip, SourceVerdict::verdict));
    }

    private static long compromised(Findings f) {
        return f.accounts().stream().filter(a -> a.status() == AccountVerdict.Status.COMPROMISED).count();
    }

    @Test
    void aKerbruteSprayOfOnePasswordOverFortyExistingAccountsIsASprayThatBreaksNobody() {
        // kerbrute passwordspray: 4771 with status 0x18 (pre-authentication failed: the account exists)
        // for 40 accounts within a minute; none of them logs in during these two minutes
        Instant t0 = Instant.parse("2026-03-09T07:10:04Z");
        for (int i = 0; i < 40; i++) {
            event(t0.plusMillis(1500L * i), "203.0.113.50", "staff" + i, false, Reason.BAD_PASSWORD);
        }
        Findings f = engine.findings();
        assertThat(f.attacks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttackKind.PASSWORD_SPRAY);
            assertThat(a.attempts()).isEqualTo(40);
            assertThat(a.compromised()).isEmpty();
        });
        assertThat(compromised(f)).as("a spray that lists existing accounts breaks none of them without a success").isZero();
        assertThat(f.accounts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AccountVerdict.Status.TARGETED));
    }

    @Test
    void aRootDictionaryOf276GuessesIsABruteForce() throws IOException {
        sshd("sshd-root-dictionary.log");
        Findings f = engine.findings();
        assertThat(f.attacks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttackKind.BRUTE_FORCE);
            assertThat(a.attempts()).isEqualTo(276);
            assertThat(a.accountsTargeted()).isEqualTo(1);
        });
    }

    @Test
    void anEnumerationOfUserNamesInAShortLogIsABruteForceNotStuffing() throws IOException {
        // twelve common names that do not exist (sshd says "invalid user"), one guess each, 7 s apart:
        // a dictionary of user names, not a leaked list of people's addresses
        sshd("sshd-enumeration.log");
        Findings f = engine.findings();
        assertThat(verdicts(f)).containsEntry("192.0.2.77", ATTACKER);
        assertThat(f.attacks()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttackKind.BRUTE_FORCE);
            assertThat(a.attempts()).isEqualTo(12);
        });
    }

    @Test
    void aCronJobWithAnOldPasswordIsStaleCredentialsNotABruteForce() throws IOException {
        sshd("sshd-stale-cron.log");
        Findings f = engine.findings();
        assertThat(f.attacks()).isEmpty();
        assertThat(verdicts(f)).doesNotContainKey("10.20.0.31");
        assertThat(f.accounts()).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("backup");
            assertThat(a.status()).isEqualTo(AccountVerdict.Status.STALE_CREDENTIALS);
            assertThat(a.evidence().get(0)).contains("45 failures from 10.20.0.31").contains("a failure every 6");
        });
    }

    @Test
    void aNattedOfficeWithTyposIsNoAttacker() throws IOException {
        sshd("sshd-office-nat.log");
        Findings f = engine.findings();
        assertThat(f.attacks()).isEmpty();
        assertThat(f.sources()).isEmpty();
        assertThat(compromised(f)).isZero();
    }

    @Test
    void dockerBridgeContainersRetryingOneUserAreNoSpray() throws IOException {
        sshd("sshd-docker-bridge.log");
        Findings f = engine.findings();
        assertThat(f.attacks()).isEmpty();
        assertThat(verdicts(f)).isEmpty();
    }

    @Test
    void fiveNamesOverFortyThreeDaysAreNoAttack() throws IOException {
        sshd("sshd-scattered.log");
        Findings f = engine.findings();
        assertThat(f.attacks()).isEmpty();
        assertThat(verdicts(f)).doesNotContainValue(ATTACKER);
    }

    @Test
    void aBulkDownloadFromANewAddressOnAnAccountAttackersOnlyFailedOnIsSuspiciousNotACompromise() {
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        event(t0, "198.51.100.4", "erin", true, Reason.NONE);
        for (int i = 0; i < 30; i++) {
            event(t0.plusSeconds(3600 + 2L * i), "203.0.113.9", i == 0 ? "erin" : "staff" + i, false, Reason.BAD_PASSWORD);
        }
        // erin, travelling, reads her mailbox from a hotel the next morning
        event(t0.plusSeconds(20 * 3600 - 600), "192.0.2.200", "erin", true, Reason.NONE);
        engine.record(AuthEvent.builder().time(t0.plusSeconds(20 * 3600)).format("test").service("imap").kind(EventKind.SESSION)
                .sourceText("192.0.2.200").account("erin").attempts(0)
                .activity(Activity.traffic(100, 9_000_000, 900, 9_000_000, 0)).build());
        Findings f = engine.findings();
        assertThat(compromised(f)).isZero();
        assertThat(verdicts(f)).containsEntry("203.0.113.9", ATTACKER).containsEntry("192.0.2.200", SUSPICIOUS);
    }

    @Test
    void anAttacksSpanReadsEarliestToLatestWhateverTheInputOrder() {
        Instant late = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            event(late.plusSeconds(i), "203.0.113.7", "root", false, Reason.BAD_PASSWORD);
        }
        event(Instant.parse("2015-06-01T10:00:00Z"), "203.0.113.7", "root", false, Reason.BAD_PASSWORD);
        Detection d = engine.findings().attacks().get(0);
        assertThat(d.start()).isBefore(d.end());
        assertThat(d.start()).isEqualTo(Instant.parse("2015-06-01T10:00:00Z"));
    }
}
