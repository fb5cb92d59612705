package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each sshd / pam line of issue 11, as the real logs write it, and what it must give. */
class SshdRealShapesTest {
    private static Map<String, Integer> bySource(Fixture f) {
        Map<String, Integer> m = new TreeMap<>();
        for (AuthEvent e : f.events) {
            if (e.isFailure() && e.attempts() > 0) m.merge(String.valueOf(e.source()), e.attempts(), Integer::sum);
        }
        return m;
    }

    @Test
    void twoAnchorsNamingDifferentAddressesGiveNoSourceButCountTheGuess() {
        Fixture f = Fixture.lines("Jul  5 17:49:11 myhost sshd[4404]: Failed password for invalid user test from 127.0.0.1 port 58946 ssh2: from 10.10.1.2 port 55555 ssh2");
        AuthEvent e = f.one();
        assertThat(e.source()).as("neither address may be chosen by the user name").isNull();
        assertThat(e.accountRaw()).isNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(f.stats().suspects()).isEqualTo(1);
        assertThat(f.stats().suspectSamples()).hasSize(1);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void textAfterTheAnchorsKeyMaterialColonNeverChoosesTheSource() {
        AuthEvent e = Fixture.lines("Sep 29 17:15:02 spaceman sshd[12946]: Failed password for user from 127.0.0.1 port 20000 ssh1: ruser from 1.2.3.4").one();
        assertThat(e.source()).isEqualTo("127.0.0.1");
        assertThat(e.accountRaw()).isEqualTo("user");
    }

    @Test
    void aUserNameContainingFromIsTheAccountNotTheSource() {
        AuthEvent e = Fixture.lines("Nov 11 08:04:51 redbamboo sshd[2737]: Failed password for invalid user from 10.10.1.1 from 127.0.0.1 port 58946 ssh2").one();
        assertThat(e.source()).isEqualTo("127.0.0.1");
        assertThat(e.accountRaw()).isEqualTo("from 10.10.1.1");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void aForgedAnchorInTheUserNameBeforeTheRealOneIsSuspect() {
        Fixture f = Fixture.lines("Nov 11 08:04:51 h sshd[2737]: Failed password for invalid user x from 203.0.113.9 port 1 ssh2 from 198.51.100.4 port 2 ssh2");
        // only the end is an anchor here (the forged one is followed by " from", not ": " or the end)
        assertThat(f.one().source()).isEqualTo("198.51.100.4");
        assertThat(f.stats().suspects()).isZero();
    }

    @Test
    void acceptedPublickeyKeepsItsSourceBeforeTheKeyMaterial() {
        AuthEvent e = Fixture.lines("Nov 11 08:04:51 h sshd[7]: Accepted publickey for deploy from 192.0.2.44 port 50022 ssh2: ED25519 SHA256:AbCdEf0123456789").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.source()).isEqualTo("192.0.2.44");
        assertThat(e.accountRaw()).isEqualTo("deploy");
    }

    @Test
    void aHostNameInRhostDoesNotSwallowTheFailedLineThatNamesTheAddress() {
        Fixture f = Fixture.lines(
                "Dec 10 07:13:31 LabSZ sshd[24227]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76.dynamic-dsl-ip.omantel.net.om  user=root",
                "Dec 10 07:13:43 LabSZ sshd[24227]: Failed password for root from 5.36.59.76 port 42393 ssh2",
                "Dec 10 07:13:56 LabSZ sshd[24227]: message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]",
                "Dec 10 07:13:56 LabSZ sshd[24227]: Disconnecting: Too many authentication failures for root [preauth]",
                "Dec 10 07:13:56 LabSZ sshd[24227]: PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76.dynamic-dsl-ip.omantel.net.om  user=root",
                "Dec 10 07:13:56 LabSZ sshd[24227]: PAM service(sshd) ignoring max retries; 6 > 3");
        assertThat(bySource(f)).containsExactly(Map.entry("5.36.59.76", 6));
    }

    @Test
    void aHostNameTwinNoFailedLineClaimsIsStillCountedAtTheEnd() {
        Fixture f = Fixture.lines("Dec 10 07:13:31 h sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=host.example.net  user=root");
        assertThat(f.attempts()).isEqualTo(1);
        // the host name as a named source, never resolved and never an address (issue 11: no DNS)
        assertThat(f.events).allSatisfy(e -> assertThat(e.source()).isEqualTo("host:HOST.EXAMPLE.NET"));
    }

    @Test
    void invalidUserPamAndFailedAreOneGuessAndInvalidUserAloneIsNone() {
        Fixture f = Fixture.lines(
                "Dec 10 08:25:27 LabSZ sshd[24371]: Invalid user admin from 5.188.10.180",
                "Dec 10 08:25:27 LabSZ sshd[24371]: input_userauth_request: invalid user admin [preauth]",
                "Dec 10 08:25:27 LabSZ sshd[24371]: pam_unix(sshd:auth): check pass; user unknown",
                "Dec 10 08:25:27 LabSZ sshd[24371]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.188.10.180 ",
                "Dec 10 08:25:28 LabSZ sshd[24371]: Failed password for invalid user admin from 5.188.10.180 port 59647 ssh2");
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.events.stream().filter(e -> e.attempts() > 0)).singleElement()
                .satisfies(e -> assertThat(e.accountRaw()).isEqualTo("admin"));
        Fixture alone = Fixture.lines("Dec 10 09:32:20 LabSZ sshd[24680]: Invalid user test9 from 52.80.34.196 port 36060");
        assertThat(alone.one().attempts()).isZero();
        assertThat(alone.one().reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(alone.one().source()).isEqualTo("52.80.34.196");
    }

    @Test
    void oldPamUnixTagAndPrefix() {
        AuthEvent tag = Fixture.lines("Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220.135.151.1  user=root").one();
        assertThat(tag.source()).isEqualTo("220.135.151.1");
        assertThat(tag.accountRaw()).isEqualTo("root");
        assertThat(tag.attempts()).isEqualTo(1);
        assertThat(tag.service()).isEqualTo("ssh");
        assertThat(tag.format()).isEqualTo("pam");
        Fixture prefix = Fixture.lines("Jan  5 11:12:13 host sshd[16004]: (pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.23  user=admin");
        assertThat(prefix.one().source()).isEqualTo("198.51.100.23");
        assertThat(prefix.attempts()).isEqualTo(1);
        AuthEvent pop = Fixture.lines("Jul 10 16:01:17 combo pop(pam_unix)[4920]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.61  user=mail").one();
        assertThat(pop.service()).isEqualTo("pop3");
        assertThat(pop.source()).isEqualTo("192.0.2.61");
        AuthEvent ftp = Fixture.lines("Mar  3 10:00:00 ftp proftpd: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd4321 ruser=bob rhost=203.0.113.70  user=bob").one();
        assertThat(ftp.service()).isEqualTo("ftp");
        assertThat(ftp.source()).isEqualTo("203.0.113.70");
    }

    @Test
    void localSuFailureIsNoRemoteGuess() {
        Fixture f = Fixture.lines("Jul 10 16:01:17 combo su(pam_unix)[4920]: authentication failure; logname=alice uid=500 euid=0 tty=pts/1 ruser=alice rhost=  user=root");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void macOsPamErrorLines() {
        AuthEvent a = Fixture.lines("Jun 21 16:47:48 digital-mlhhyiqscv sshd[13709]: error: PAM: Authentication failure for myhlj1374 from 192.0.30.6").one();
        assertThat(a.source()).isEqualTo("192.0.30.6");
        assertThat(a.accountRaw()).isEqualTo("myhlj1374");
        assertThat(a.attempts()).isEqualTo(1);
        AuthEvent via = Fixture.lines("Apr 29 12:53:38 Jamess-iMac.local sshd[47831]: error: PAM: authentication failure for james from 205.186.180.88 via 192.168.1.201").one();
        assertThat(via.source()).isEqualTo("205.186.180.88");
        AuthEvent error = Fixture.lines("Apr 29 15:53:38 Jamess-iMac.local sshd[47831]: error: PAM: Authentication error for james from 205.186.180.100 via 192.168.1.201").one();
        assertThat(error.source()).isEqualTo("205.186.180.100");
    }

    @Test
    void macOsPamTwinWithAHostNameAndTheFailedLineAreOneGuessOnTheAddress() {
        Fixture f = Fixture.lines(
                "Apr  2 17:51:32 pancake sshd[55628]: Invalid user r00t from 192.0.2.100",
                "Apr  2 17:51:33 pancake sshd[55628]: error: PAM: authentication error for illegal user r00t from example.com",
                "Apr  2 17:51:33 pancake sshd[55628]: Failed keyboard-interactive/pam for invalid user r00t from 192.0.2.100 port 46050 ssh2",
                "Apr  2 17:51:34 pancake sshd[55628]: error: PAM: authentication error for illegal user r00t from example.com",
                "Apr  2 17:51:34 pancake sshd[55628]: Failed keyboard-interactive/pam for invalid user r00t from 192.0.2.100 port 46050 ssh2");
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.100", 2));
    }

    @Test
    void solarisMessageIdIsRemovedAndInvalidUsernameIsAnUnknownAccount() {
        AuthEvent e = Fixture.lines("Mar 29 05:20:09 dusky sshd[19558]: [ID 800047 auth.info] Failed keyboard-interactive for james from 205.186.180.30 port 54520 ssh2").one();
        assertThat(e.source()).isEqualTo("205.186.180.30");
        assertThat(e.accountRaw()).isEqualTo("james");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-29T05:20:09Z"));
        AuthEvent u = Fixture.lines("Mar 29 05:59:23 dusky sshd[20878]: [ID 800047 auth.info] Failed keyboard-interactive for <invalid username> from 205.186.180.55 port 42742 ssh2").one();
        assertThat(u.accountRaw()).isNull();
        assertThat(u.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(u.source()).isEqualTo("205.186.180.55");
    }

    @Test
    void bsdSyslogdVerbosePriorityBeforeTheHostIsSkipped() {
        // lines written by us in the format of FreeBSD syslogd -v / -vv (numeric and named facility.priority)
        AuthEvent e = Fixture.lines("Apr  2 17:51:33 <4.6> pancake sshd[55628]: Failed keyboard-interactive/pam for invalid user r00t from 192.0.2.100 port 46050 ssh2").one();
        assertThat(e.source()).isEqualTo("192.0.2.100");
        assertThat(e.accountRaw()).isEqualTo("r00t");
        assertThat(e.attempts()).isEqualTo(1);
        Fixture named = Fixture.lines("Apr  2 17:51:35 <auth.info> pancake sshd[55629]: Failed password for root from 192.0.2.101 port 46051 ssh2");
        AuthEvent n = named.one();
        assertThat(n.source()).isEqualTo("192.0.2.101");
        assertThat(n.accountRaw()).isEqualTo("root");
        assertThat(named.stats().unparsed()).isZero();
    }

    @Test
    void dropbear() {
        AuthEvent bad = Fixture.lines("Jul 27 01:04:12 fail2ban-test dropbear[1335]: Bad password attempt for 'root' from 1.2.3.4:60588").one();
        assertThat(bad.source()).isEqualTo("1.2.3.4");
        assertThat(bad.accountRaw()).isEqualTo("root");
        assertThat(bad.attempts()).isEqualTo(1);
        AuthEvent none = Fixture.lines("Feb 11 15:23:17 h dropbear[1252]: Login attempt for nonexistent user from 198.51.100.215:60495").one();
        assertThat(none.source()).isEqualTo("198.51.100.215");
        assertThat(none.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void aPamTwinWithoutSshdLinesIsCountedOnceAtTheEndOfInput() {
        // a log that kept only pam_unix's lines (Linux_2k of Loghub): each failure is one guess
        Fixture f = Fixture.lines(
                "Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220.135.151.1",
                "Jun 15 02:04:59 combo sshd(pam_unix)[20884]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220.135.151.1");
        assertThat(bySource(f)).containsExactly(Map.entry("220.135.151.1", 2));
    }

    @Test
    void debianAuthLogCountsEveryGuessOnce() {
        Fixture f = OwnFixtures.read("sshd/debian-auth.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().suspects()).isZero();
        assertThat(bySource(f)).containsExactly(
                Map.entry("192.0.2.15", 40),
                Map.entry("192.0.2.23", 26),
                Map.entry("192.0.2.41", 3),
                Map.entry("192.0.2.66", 20),
                Map.entry("192.0.2.7", 31),
                Map.entry("192.0.2.98", 16),
                Map.entry("198.51.100.140", 1),
                Map.entry("198.51.100.3", 4),
                Map.entry("198.51.100.77", 8),
                Map.entry("198.51.100.9", 3),
                Map.entry("203.0.113.12", 1),
                Map.entry("203.0.113.5", 6));
        assertThat(f.stats().failures()).isEqualTo(159);
    }

    @Test
    void anIdentWithoutAPidAndABracketedProgramAreSshd() {
        // OpenSSH's own words, in the envelopes real syslogs wrote them: a tag without a pid, a host-less
        // "[sshd]:" and "[sshd]" (embedded and BSD syslogs)
        Fixture f = Fixture.lines(
                "Mar  3 00:17:22 gw sshd: User root from 192.0.2.49 not allowed because not listed in AllowUsers",
                "Mar  3 00:17:23 [sshd]: User root from 192.0.2.50 not allowed because not listed in AllowUsers",
                "Jun 25 23:53:34 [sshd] User root from 192.0.2.51 not allowed because not listed in AllowUsers",
                "Jun 25 23:53:35 [sshd] Failed password for root from 192.0.2.51 port 40022 ssh2");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(4).allSatisfy(e -> {
            assertThat(e.format()).isEqualTo("sshd");
            assertThat(e.accountRaw()).isEqualTo("root");
        });
        assertThat(f.events).extracting(AuthEvent::source)
                .containsExactly("192.0.2.49", "192.0.2.50", "192.0.2.51", "192.0.2.51");
        assertThat(f.events).extracting(AuthEvent::reason)
                .containsExactly(Reason.POLICY, Reason.POLICY, Reason.POLICY, Reason.BAD_PASSWORD);
        // "not allowed" names the refusal, the Failed line counts the guess
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.51", 1));
    }

    @Test
    void aBracketThatIsNoProgramNameIsNotTakenForOne() {
        Fixture f = Fixture.lines("Jun 25 23:53:34 [12 34] Failed password for root from 192.0.2.51 port 40022 ssh2");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void rootLoginRefusedIsAGuessForRootFromItsAddress() {
        Fixture f = Fixture.lines(
                "Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 192.0.2.4",
                "Jan  5 01:32:41 www sshd[1644]: ROOT LOGIN REFUSED FROM 192.0.2.4 port 12345 [preauth]",
                "Jan  5 01:33:41 www sshd[1645]: ROOT LOGIN REFUSED FROM ::ffff:192.0.2.4",
                "Jan  5 01:34:41 www sshd[1646]: ROOT LOGIN REFUSED FROM 2001:db8::7 port 2222");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(4).allSatisfy(e -> {
            assertThat(e.isFailure()).isTrue();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.accountRaw()).isEqualTo("root");
            assertThat(e.reason()).isEqualTo(Reason.POLICY);
        });
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.4", 3), Map.entry("2001:db8::7", 1));
    }

    @Test
    void rootLoginRefusedAndTheFailedLineOfTheSameAttemptAreOneGuess() {
        // sshd checks the credentials, refuses root by PermitRootLogin, then logs the attempt as failed
        Fixture f = Fixture.lines(
                "Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 192.0.2.4 port 12345 [preauth]",
                "Jan  5 01:31:41 www sshd[1643]: Failed keyboard-interactive/pam for root from 192.0.2.4 port 12345 ssh2",
                "Jan  5 01:31:45 www sshd[1643]: Failed password for root from 192.0.2.4 port 12345 ssh2");
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.4", 2));
    }

    @Test
    void rootLoginRefusedWithTextAfterTheAddressIsNotRead() {
        Fixture f = Fixture.lines("Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 192.0.2.4 via 10.0.0.1");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void lockedAccountsAndConsoleRootLoginsAreIgnoredNotUnparsed() {
        Fixture f = Fixture.lines(
                "Apr 24 01:39:19 host sshd[3719]: User root not allowed because account is locked",
                "Apr 24 01:39:20 host sshd[3720]: User backup not allowed because shell /bin/false does not exist",
                "Jul  7 08:06:15 combo login(pam_unix)[2421]: session opened for user root by LOGIN(uid=0)",
                "Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2",
                "Jul  7 08:06:16 combo -- root[2422]: ROOT LOGIN ON tty3",
                "Jul  7 08:06:17 combo login[2423]: ROOT LOGIN ON tty2");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(6);
    }

    @Test
    void theNoneMethodProbeIsNoGuess() {
        // Loghub OpenSSH: a client asks which methods exist ("none"), then guesses once with a password
        Fixture f = Fixture.lines(
                "Dec 10 08:24:40 LabSZ sshd[24363]: Invalid user 0 from 5.188.10.180",
                "Dec 10 08:24:40 LabSZ sshd[24363]: input_userauth_request: invalid user 0 [preauth]",
                "Dec 10 08:24:40 LabSZ sshd[24363]: Failed none for invalid user 0 from 5.188.10.180 port 49811 ssh2",
                "Dec 10 08:24:43 LabSZ sshd[24363]: pam_unix(sshd:auth): check pass; user unknown",
                "Dec 10 08:24:43 LabSZ sshd[24363]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.188.10.180 ",
                "Dec 10 08:24:45 LabSZ sshd[24363]: Failed password for invalid user 0 from 5.188.10.180 port 49811 ssh2");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(bySource(f)).containsExactly(Map.entry("5.188.10.180", 1));
        Fixture none = Fixture.lines("Dec 10 08:24:40 LabSZ sshd[24363]: Failed none for invalid user 0 from 5.188.10.180 port 49811 ssh2");
        assertThat(none.stats().attempts()).isZero();
        assertThat(none.stats().unparsed()).isZero();
    }
}
