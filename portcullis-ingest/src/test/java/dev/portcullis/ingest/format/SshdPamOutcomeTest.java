package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, found on real logs (fail2ban's gh-2070 test case, Loghub's Linux sample): what a PAM
 * failure line means depends on the lines of its connection that follow. Lines written by us in the
 * shapes those logs have (documentation addresses).
 */
class SshdPamOutcomeTest {
    private static Map<String, Integer> failuresBySource(Fixture f) {
        Map<String, Integer> m = new TreeMap<>();
        for (AuthEvent e : f.events) {
            if (e.isFailure() && e.attempts() > 0) m.merge(String.valueOf(e.source()), e.attempts(), Integer::sum);
        }
        return m;
    }

    private static long successes(Fixture f) {
        return f.events.stream().filter(AuthEvent::isSuccess).count();
    }

    @Test
    void aPamUnixFailureFollowedByAcceptedPasswordIsTheAttemptThatSucceededNotAGuess() {
        // stacked PAM (pam_unix, then pam_ldap): pam_unix says no, the directory says yes, sshd accepts
        Fixture f = Fixture.lines(
                "Mar  7 18:53:20 gw sshd[1556]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.113  user=carol",
                "Mar  7 18:53:20 gw sshd[1556]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=carol rhost=192.0.2.113 [preauth]",
                "Mar  7 18:53:20 gw sshd[1556]: Accepted password for carol from 192.0.2.113 port 52100 ssh2",
                "Mar  7 18:53:21 gw sshd[1556]: pam_unix(sshd:session): session opened for user carol by (uid=0)");
        assertThat(failuresBySource(f)).isEmpty();
        assertThat(successes(f)).isEqualTo(1);
    }

    @Test
    void aWrongPasswordThenTheRightOneIsOneGuessAndALogin() {
        Fixture f = Fixture.lines(
                "Mar  7 19:02:01 gw sshd[1601]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.20  user=dave",
                "Mar  7 19:02:03 gw sshd[1601]: Failed password for dave from 198.51.100.20 port 40022 ssh2",
                "Mar  7 19:02:09 gw sshd[1601]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.20  user=dave",
                "Mar  7 19:02:09 gw sshd[1601]: Accepted keyboard-interactive/pam for dave from 198.51.100.20 port 40022 ssh2");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("198.51.100.20", 1));
        assertThat(successes(f)).isEqualTo(1);
    }

    @Test
    void inALogWithoutFailedLinesOnlyThePamFailureOfTheSucceedingMomentIsDropped() {
        // pam-only: a wrong password at :22 (PAM's fail delay follows), then at :25 pam_unix fails and
        // the directory accepts the same attempt
        Fixture f = Fixture.lines(
                "Mar  7 18:53:22 gw sshd[1558]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.114  user=frank",
                "Mar  7 18:53:25 gw sshd[1558]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.114  user=frank",
                "Mar  7 18:53:25 gw sshd[1558]: Accepted password for frank from 192.0.2.114 port 52100 ssh2");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("192.0.2.114", 1));
    }

    @Test
    void onlyTheSecondBeforeTheLoginIsItsAttempt() {
        // two pam-only failures a second apart, then a login: the first stays a failure
        Fixture f = Fixture.lines(
                "Mar  7 18:53:22 gw sshd[1570]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=root rhost=192.0.2.118",
                "Mar  7 18:53:23 gw sshd[1570]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=sudoer rhost=192.0.2.118",
                "Mar  7 18:53:24 gw sshd[1570]: Accepted password for heidi from 192.0.2.118 port 52100 ssh2");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("192.0.2.118", 1));
    }

    @Test
    void aPamFailureForAnotherAccountIsNotTheAttemptThatSucceeded() {
        Fixture f = Fixture.lines(
                "Mar  7 18:53:30 gw sshd[1560]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.115  user=root",
                "Mar  7 18:53:30 gw sshd[1560]: Accepted password for grace from 192.0.2.115 port 52100 ssh2");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("192.0.2.115", 1));
    }

    @Test
    void aKeyLoginDoesNotEraseAPasswordGuessOfALogWithoutFailedLines() {
        // a log that kept only pam_unix's lines: the password failed; the key that got in later is no password
        Fixture f = Fixture.lines(
                "Mar  7 19:10:00 gw sshd[1700]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.5  user=erin",
                "Mar  7 19:10:04 gw sshd[1700]: Accepted publickey for erin from 203.0.113.5 port 51000 ssh2: ED25519 SHA256:AAAAtestkeyfingerprint");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("203.0.113.5", 1));
    }

    @Test
    void oldPamOnlyLogWithHostNamesGivesNamedHostSourcesNeverAddresses() {
        // old Red Hat syslog: only sshd(pam_unix) lines, rhost= as reverse DNS wrote it; one connection each
        Fixture f = Fixture.lines(
                "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-198-51-100-7.example.net  user=root",
                "Jun 14 15:16:02 combo sshd(pam_unix)[19937]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-198-51-100-7.example.net  user=root",
                "Jun 14 15:16:04 combo sshd(pam_unix)[19941]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=dsl-198-51-100-7.example.net  user=root",
                "Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.151  user=root",
                // a name that looks like an address inside: never read as one
                "Jun 15 04:06:18 combo sshd(pam_unix)[21010]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=203-0-113-9.dyn.example.org ");
        assertThat(failuresBySource(f)).containsExactly(
                Map.entry("192.0.2.151", 1),
                Map.entry("host:203-0-113-9.DYN.EXAMPLE.ORG", 1),
                Map.entry("host:DSL-198-51-100-7.EXAMPLE.NET", 3));
    }

    @Test
    void aHostNameTwinGivesWayToTheFailedLineWithTheAddress() {
        Fixture f = Fixture.lines(
                "Dec 10 07:13:31 gw sshd[24227]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198-51-100-76.dsl.example.net  user=root",
                "Dec 10 07:13:33 gw sshd[24227]: Failed password for root from 198.51.100.76 port 42393 ssh2");
        assertThat(failuresBySource(f)).containsExactly(Map.entry("198.51.100.76", 1));
    }
}
