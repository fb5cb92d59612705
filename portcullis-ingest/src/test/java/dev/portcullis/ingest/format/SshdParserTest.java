package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SshdParserTest {
    @Test
    void failedPasswordForARealUser() {
        AuthEvent e = Fixture.lines("Nov  2 15:40:14 workshop sshd[28179]: Failed password for root from 5.33.63.160 port 4242 ssh2").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-02T15:40:14Z"));
        assertThat(e.account()).isEqualTo("root");
        assertThat(e.source()).isEqualTo("5.33.63.160");
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.service()).isEqualTo("ssh");
    }

    @Test
    void acceptedPasswordAndPublickey() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/sshd-success-logs_sshd-success-logs.log");
        assertThat(f.events).hasSize(4).allSatisfy(e -> assertThat(e.isSuccess()).isTrue());
        assertThat(f.events.get(3).account()).isEqualTo("test");
        assertThat(f.events.get(3).source()).isEqualTo("192.168.121.1");
    }

    @Test
    void invalidUserThenFailedPasswordIsOneGuess() {
        Fixture f = Fixture.lines(
                "Sep 30 12:11:33 h sshd[22789]: Invalid user hadoop from 103.100.210.198 port 56762",
                "Sep 30 12:11:35 h sshd[22789]: Failed password for invalid user hadoop from 103.100.210.198 port 56762 ssh2",
                "Sep 30 12:11:38 h sshd[22789]: Failed password for invalid user hadoop from 103.100.210.198 port 56762 ssh2");
        assertThat(f.events).hasSize(3).allSatisfy(e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT));
        assertThat(f.attempts()).isEqualTo(2);
    }

    @Test
    void pamLineAndFailedLineAreOneGuessAndPamSummaryAddsOnlyTheRest() {
        Fixture f = Fixture.lines(
                "Nov 2 15:40:14 w sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.33.63.160  user=workshop",
                "Nov 2 15:40:16 w sshd[1]: Failed password for workshop from 5.33.63.160 port 5 ssh2",
                "Nov 2 15:40:19 w sshd[1]: Failed password for workshop from 5.33.63.160 port 5 ssh2",
                "Nov 2 15:40:22 w sshd[1]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.33.63.160  user=workshop");
        assertThat(f.attempts()).isEqualTo(3);
    }

    @Test
    void invalidUserWithPamCountsEachGuessOnceAndKeepsItsName() {
        // Debian's sshd (UsePAM yes): pam_unix names no user for an unknown one
        Fixture f = Fixture.lines(
                "Nov 25 10:00:01 h sshd[100]: Invalid user admin from 1.2.3.4 port 5555",
                "Nov 25 10:00:03 h sshd[100]: pam_unix(sshd:auth): check pass; user unknown",
                "Nov 25 10:00:03 h sshd[100]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4",
                "Nov 25 10:00:05 h sshd[100]: Failed password for invalid user admin from 1.2.3.4 port 5555 ssh2",
                "Nov 25 10:00:07 h sshd[100]: pam_unix(sshd:auth): check pass; user unknown",
                "Nov 25 10:00:07 h sshd[100]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4",
                "Nov 25 10:00:09 h sshd[100]: Failed password for invalid user admin from 1.2.3.4 port 5555 ssh2",
                "Nov 25 10:00:11 h sshd[100]: PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4");
        assertThat(f.attempts()).isEqualTo(2);
        assertThat(f.events.stream().filter(e -> e.attempts() > 0 && e.account() == null)).as("a counted guess without its name").isEmpty();
    }

    @Test
    void messageRepeatedCountsEachRepeat() {
        AuthEvent e = Fixture.lines("Nov 2 15:40:14 w sshd[9]: message repeated 5 times: [ Failed password for root from 5.33.63.160 port 22 ssh2]").one();
        assertThat(e.attempts()).isEqualTo(5);
    }

    @Test
    void userNamesWithSpacesAndIpv6() {
        AuthEvent e = Fixture.lines("Nov 2 15:40:14 w sshd-session[9]: Failed password for invalid user a b from 2001:db8::7 port 22 ssh2").one();
        assertThat(e.accountRaw()).isEqualTo("a b");
        assertThat(e.source()).isEqualTo("2001:db8::7");
    }

    @Test
    void nonPasswordMethodsAndConnectionNoiseAreNotGuesses() {
        Fixture f = Fixture.lines(
                "Nov 2 15:40:14 w sshd[9]: Failed publickey for root from 5.33.63.160 port 22 ssh2: RSA SHA256:x",
                "Nov 2 15:40:14 w sshd[9]: Failed none for invalid user x from 5.33.63.160 port 22 ssh2",
                "Nov 2 15:40:14 w sshd[9]: Connection closed by authenticating user root 206.81.24.125 port 45362 [preauth]");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void everySshdFixtureLineIsReadOrKnownNoise() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/sshd-logs_sshd-logs.log");
        assertThat(f.stats().unparsed()).isZero();
        Fixture slow = Fixture.thirdParty("crowdsec-hub/ssh-slow-bf_ssh-slow-bf.log");
        assertThat(slow.stats().unparsed()).isZero();
        assertThat(slow.events).isNotEmpty().allSatisfy(e -> assertThat(e.source()).isNotNull());
    }
}
