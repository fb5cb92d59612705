package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
        Fixture f = Fixture.lines("Jul  5 17:49:11 bastion sshd[5120]: Failed password for invalid user test from 127.0.0.1 port 41022 ssh2: from 192.0.2.200 port 50001 ssh2");
        AuthEvent e = f.one();
        assertThat(e.source()).as("neither address may be chosen by the user name").isNull();
        assertThat(e.accountRaw()).isNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(f.stats().suspects()).isEqualTo(1);
        assertThat(f.stats().suspectSamples()).hasSize(1);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void aSecondFromAfterTheAnchorsColonMakesTheLineSuspect() {
        // an ssh1 "ruser" after "ssh1: " is the client's text: the line has two "from"s and no way to
        // tell which one the socket gave; the guess counts, with no source and no account
        Fixture f = Fixture.lines("Sep 29 17:15:02 oldbox sshd[9120]: Failed password for webmaster from 192.0.2.88 port 20000 ssh1: ruser from 198.51.100.99");
        AuthEvent e = f.one();
        assertThat(e.source()).isNull();
        assertThat(e.accountRaw()).isNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(f.stats().suspects()).isEqualTo(1);
        assertThat(f.stats().unparsed()).isZero();
        // key material after the colon (no "from" in it) keeps the anchor's address
        AuthEvent key = Fixture.lines("Sep 29 17:15:03 oldbox sshd[9121]: Accepted publickey for webmaster from 192.0.2.88 port 20001 ssh2: RSA SHA256:Zm9vYmFy").one();
        assertThat(key.source()).isEqualTo("192.0.2.88");
    }

    @Test
    void aUserNameContainingFromIsTheAccountNotTheSource() {
        AuthEvent e = Fixture.lines("Nov 11 08:04:51 bastion sshd[6011]: Failed password for invalid user from 192.0.2.201 from 198.51.100.202 port 41877 ssh2").one();
        assertThat(e.source()).isEqualTo("198.51.100.202");
        assertThat(e.accountRaw()).isEqualTo("from 192.0.2.201");
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
                "Mar  2 04:10:31 web3 sshd[30811]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.76.dyn-dsl.example.net  user=root",
                "Mar  2 04:10:43 web3 sshd[30811]: Failed password for root from 203.0.113.76 port 51732 ssh2",
                "Mar  2 04:10:58 web3 sshd[30811]: message repeated 5 times: [ Failed password for root from 203.0.113.76 port 51732 ssh2]",
                "Mar  2 04:10:58 web3 sshd[30811]: Disconnecting: Too many authentication failures for root [preauth]",
                "Mar  2 04:10:58 web3 sshd[30811]: PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.76.dyn-dsl.example.net  user=root",
                "Mar  2 04:10:58 web3 sshd[30811]: PAM service(sshd) ignoring max retries; 6 > 3");
        assertThat(bySource(f)).containsExactly(Map.entry("203.0.113.76", 6));
    }

    @Test
    void aHostNameTwinNoFailedLineClaimsIsStillCountedAtTheEnd() {
        Fixture f = Fixture.lines("Mar  2 04:11:31 web3 sshd[30840]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=host.example.net  user=root");
        assertThat(f.attempts()).isEqualTo(1);
        // the host name as a named source, never resolved and never an address (issue 11: no DNS)
        assertThat(f.events).allSatisfy(e -> assertThat(e.source()).isEqualTo("host:HOST.EXAMPLE.NET"));
    }

    @Test
    void invalidUserPamAndFailedAreOneGuessAndInvalidUserAloneIsNone() {
        Fixture f = Fixture.lines(
                "Mar  2 05:40:12 web3 sshd[31207]: Invalid user admin from 198.51.100.180",
                "Mar  2 05:40:12 web3 sshd[31207]: input_userauth_request: invalid user admin [preauth]",
                "Mar  2 05:40:12 web3 sshd[31207]: pam_unix(sshd:auth): check pass; user unknown",
                "Mar  2 05:40:12 web3 sshd[31207]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.180 ",
                "Mar  2 05:40:14 web3 sshd[31207]: Failed password for invalid user admin from 198.51.100.180 port 40118 ssh2");
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.events.stream().filter(e -> e.attempts() > 0)).singleElement()
                .satisfies(e -> assertThat(e.accountRaw()).isEqualTo("admin"));
        Fixture alone = Fixture.lines("Mar  2 06:02:20 web3 sshd[31390]: Invalid user test9 from 203.0.113.196 port 47210");
        assertThat(alone.one().attempts()).isZero();
        assertThat(alone.one().reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(alone.one().source()).isEqualTo("203.0.113.196");
    }

    @Test
    void pamUserIsTheRestOfTheLine() {
        // pam_unix writes user=%s last: a client's name with brackets or spaces is the whole rest
        Fixture f = Fixture.lines(
                "Feb 25 15:00:01 h sshd[5101]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.91  user=<b>root</b>",
                "Feb 25 15:00:02 h sshd[5102]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.92  user=web admin ",
                "Feb 25 15:00:03 h sshd[5103]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.93  user=a user=b");
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source)
                .containsExactlyInAnyOrder(tuple("<b>root</b>", "192.0.2.91"), tuple("web admin", "192.0.2.92"), tuple("a user=b", "192.0.2.93"));
    }

    @Test
    void oldPamUnixTagAndPrefix() {
        AuthEvent tag = Fixture.lines("Aug  9 03:15:40 oldbox sshd(pam_unix)[7731]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.151  user=root").one();
        assertThat(tag.source()).isEqualTo("198.51.100.151");
        assertThat(tag.accountRaw()).isEqualTo("root");
        assertThat(tag.attempts()).isEqualTo(1);
        assertThat(tag.service()).isEqualTo("ssh");
        assertThat(tag.format()).isEqualTo("pam");
        Fixture prefix = Fixture.lines("Jan  5 11:12:13 oldbox sshd[8102]: (pam_unix) authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.23  user=admin");
        assertThat(prefix.one().source()).isEqualTo("198.51.100.23");
        assertThat(prefix.attempts()).isEqualTo(1);
        AuthEvent pop = Fixture.lines("Aug  9 16:01:17 oldbox pop(pam_unix)[8230]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.61  user=mail").one();
        assertThat(pop.service()).isEqualTo("pop3");
        assertThat(pop.source()).isEqualTo("192.0.2.61");
        AuthEvent ftp = Fixture.lines("Mar  3 10:00:00 ftp proftpd: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd4321 ruser=bob rhost=203.0.113.70  user=bob").one();
        assertThat(ftp.service()).isEqualTo("ftp");
        assertThat(ftp.source()).isEqualTo("203.0.113.70");
    }

    @Test
    void localSuFailureIsNoRemoteGuess() {
        Fixture f = Fixture.lines("Aug  9 16:02:17 oldbox su(pam_unix)[8231]: authentication failure; logname=alice uid=500 euid=0 tty=pts/1 ruser=alice rhost=  user=root");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void macOsPamErrorLines() {
        AuthEvent a = Fixture.lines("Jun 21 16:47:48 mbp-lena sshd[4410]: error: PAM: Authentication failure for webadmin from 192.0.2.30").one();
        assertThat(a.source()).isEqualTo("192.0.2.30");
        assertThat(a.accountRaw()).isEqualTo("webadmin");
        assertThat(a.attempts()).isEqualTo(1);
        AuthEvent via = Fixture.lines("Apr 29 12:53:38 imac-studio.local sshd[5021]: error: PAM: authentication failure for lena from 203.0.113.88 via 192.168.7.20").one();
        assertThat(via.source()).isEqualTo("203.0.113.88");
        AuthEvent error = Fixture.lines("Apr 29 15:53:38 imac-studio.local sshd[5022]: error: PAM: Authentication error for lena from 203.0.113.100 via 192.168.7.20").one();
        assertThat(error.source()).isEqualTo("203.0.113.100");
    }

    @Test
    void macOsPamTwinWithAHostNameAndTheFailedLineAreOneGuessOnTheAddress() {
        Fixture f = Fixture.lines(
                "May 14 09:20:02 mini sshd[6620]: Invalid user oper from 192.0.2.110",
                "May 14 09:20:03 mini sshd[6620]: error: PAM: authentication error for illegal user oper from client.example.net",
                "May 14 09:20:03 mini sshd[6620]: Failed keyboard-interactive/pam for invalid user oper from 192.0.2.110 port 50731 ssh2",
                "May 14 09:20:05 mini sshd[6620]: error: PAM: authentication error for illegal user oper from client.example.net",
                "May 14 09:20:05 mini sshd[6620]: Failed keyboard-interactive/pam for invalid user oper from 192.0.2.110 port 50731 ssh2");
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.110", 2));
    }

    @Test
    void solarisMessageIdIsRemovedAndInvalidUsernameIsAnUnknownAccount() {
        AuthEvent e = Fixture.lines("Mar 29 05:20:09 sol-db sshd[2931]: [ID 800047 auth.info] Failed keyboard-interactive for oracle from 198.51.100.30 port 40512 ssh2").one();
        assertThat(e.source()).isEqualTo("198.51.100.30");
        assertThat(e.accountRaw()).isEqualTo("oracle");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-29T05:20:09Z"));
        AuthEvent u = Fixture.lines("Mar 29 05:59:23 sol-db sshd[3007]: [ID 800047 auth.info] Failed keyboard-interactive for <invalid username> from 198.51.100.55 port 40907 ssh2").one();
        assertThat(u.accountRaw()).isNull();
        assertThat(u.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(u.source()).isEqualTo("198.51.100.55");
    }

    @Test
    void bsdSyslogdVerbosePriorityBeforeTheHostIsSkipped() {
        // lines written by us in the format of FreeBSD syslogd -v / -vv (numeric and named facility.priority)
        AuthEvent e = Fixture.lines("May 14 10:01:33 <4.6> mini sshd[6702]: Failed keyboard-interactive/pam for invalid user oper from 192.0.2.112 port 50840 ssh2").one();
        assertThat(e.source()).isEqualTo("192.0.2.112");
        assertThat(e.accountRaw()).isEqualTo("oper");
        assertThat(e.attempts()).isEqualTo(1);
        Fixture named = Fixture.lines("May 14 10:01:35 <auth.info> mini sshd[6703]: Failed password for root from 192.0.2.101 port 46051 ssh2");
        AuthEvent n = named.one();
        assertThat(n.source()).isEqualTo("192.0.2.101");
        assertThat(n.accountRaw()).isEqualTo("root");
        assertThat(named.stats().unparsed()).isZero();
    }

    @Test
    void dropbear() {
        AuthEvent bad = Fixture.lines("Jul 27 01:04:12 nas7 dropbear[2210]: Bad password attempt for 'root' from 203.0.113.4:51044").one();
        assertThat(bad.source()).isEqualTo("203.0.113.4");
        assertThat(bad.accountRaw()).isEqualTo("root");
        assertThat(bad.attempts()).isEqualTo(1);
        AuthEvent none = Fixture.lines("Feb 11 15:23:17 nas7 dropbear[2251]: Login attempt for nonexistent user from 198.51.100.216:52871").one();
        assertThat(none.source()).isEqualTo("198.51.100.216");
        assertThat(none.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void aPamTwinWithoutSshdLinesIsCountedOnceAtTheEndOfInput() {
        // a log that kept only pam_unix's lines (Linux_2k of Loghub): each failure is one guess
        Fixture f = Fixture.lines(
                "Aug  9 03:15:40 oldbox sshd(pam_unix)[7731]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.151",
                "Aug  9 03:15:41 oldbox sshd(pam_unix)[7733]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=198.51.100.151");
        assertThat(bySource(f)).containsExactly(Map.entry("198.51.100.151", 2));
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
                "Jan  5 01:31:41 edge-gw sshd[7420]: ROOT LOGIN REFUSED FROM 192.0.2.4",
                "Jan  5 01:32:41 edge-gw sshd[7421]: ROOT LOGIN REFUSED FROM 192.0.2.4 port 40871 [preauth]",
                "Jan  5 01:33:41 edge-gw sshd[7422]: ROOT LOGIN REFUSED FROM ::ffff:192.0.2.4",
                "Jan  5 01:34:41 edge-gw sshd[7423]: ROOT LOGIN REFUSED FROM 2001:db8::7 port 2222");
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
                "Jan  5 01:31:41 edge-gw sshd[7420]: ROOT LOGIN REFUSED FROM 192.0.2.4 port 40871 [preauth]",
                "Jan  5 01:31:41 edge-gw sshd[7420]: Failed keyboard-interactive/pam for root from 192.0.2.4 port 40871 ssh2",
                "Jan  5 01:31:45 edge-gw sshd[7420]: Failed password for root from 192.0.2.4 port 40871 ssh2");
        assertThat(bySource(f)).containsExactly(Map.entry("192.0.2.4", 2));
    }

    @Test
    void rootLoginRefusedWithTextAfterTheAddressIsNotRead() {
        Fixture f = Fixture.lines("Jan  5 01:31:41 edge-gw sshd[7420]: ROOT LOGIN REFUSED FROM 192.0.2.4 via 10.0.0.1");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void lockedAccountsAndConsoleRootLoginsAreIgnoredNotUnparsed() {
        Fixture f = Fixture.lines(
                "Apr 24 01:39:19 edge-gw sshd[8811]: User root not allowed because account is locked",
                "Apr 24 01:39:20 edge-gw sshd[8812]: User backup not allowed because shell /bin/false does not exist",
                "Sep  3 08:06:15 oldbox login(pam_unix)[3102]: session opened for user root by LOGIN(uid=0)",
                "Sep  3 08:06:15 oldbox  -- root[3102]: ROOT LOGIN ON tty2",
                "Sep  3 08:06:16 oldbox -- root[3103]: ROOT LOGIN ON tty3",
                "Sep  3 08:06:17 oldbox login[3104]: ROOT LOGIN ON tty2");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(6);
    }

    @Test
    void theNoneMethodProbeIsNoGuess() {
        // as in public OpenSSH logs: a client asks which methods exist ("none"), then guesses once with a password
        Fixture f = Fixture.lines(
                "Mar  2 05:41:40 web3 sshd[31230]: Invalid user 0 from 198.51.100.181",
                "Mar  2 05:41:40 web3 sshd[31230]: input_userauth_request: invalid user 0 [preauth]",
                "Mar  2 05:41:40 web3 sshd[31230]: Failed none for invalid user 0 from 198.51.100.181 port 43307 ssh2",
                "Mar  2 05:41:43 web3 sshd[31230]: pam_unix(sshd:auth): check pass; user unknown",
                "Mar  2 05:41:43 web3 sshd[31230]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.181 ",
                "Mar  2 05:41:45 web3 sshd[31230]: Failed password for invalid user 0 from 198.51.100.181 port 43307 ssh2");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(bySource(f)).containsExactly(Map.entry("198.51.100.181", 1));
        Fixture none = Fixture.lines("Mar  2 05:41:40 web3 sshd[31230]: Failed none for invalid user 0 from 198.51.100.181 port 43307 ssh2");
        assertThat(none.stats().attempts()).isZero();
        assertThat(none.stats().unparsed()).isZero();
    }

    @Test
    void oldOpenSshLinesWithoutTheProtocolAndWithIllegalUser() {
        // OpenSSH before 3.9 wrote no "sshN" after the port, before 3.8 "illegal user" for "invalid user"
        Fixture f = Fixture.lines(
                "Feb 25 14:34:10 oldbox sshd[4410]: Failed password for root from 192.0.2.70 port 33012",
                "Feb 25 14:34:12 oldbox sshd[4411]: Illegal user guest from 192.0.2.71",
                "Feb 25 14:34:12 oldbox sshd[4411]: Failed password for illegal user guest from 192.0.2.71 port 33020",
                "Feb 25 14:34:13 oldbox sshd[4412]: Failed password for invalid user admin from 2001:db8::71 port 33022",
                "Feb 25 14:34:14 oldbox sshd[4413]: Failed password for illegal user test from 192.0.2.72 port 33030 ssh2");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::reason, AuthEvent::attempts)
                .containsExactly(
                        tuple("root", "192.0.2.70", Reason.BAD_PASSWORD, 1),
                        tuple("guest", "192.0.2.71", Reason.UNKNOWN_ACCOUNT, 0),
                        tuple("guest", "192.0.2.71", Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("admin", "2001:db8::71", Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("test", "192.0.2.72", Reason.UNKNOWN_ACCOUNT, 1));
    }

    @Test
    void illegalUserPamAndFailedAreOneGuessLikeInvalidUser() {
        Fixture f = Fixture.lines(
                "Feb 25 14:40:01 oldbox sshd[4500]: Illegal user oracle from 198.51.100.73",
                "Feb 25 14:40:01 oldbox sshd[4500]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.73 ",
                "Feb 25 14:40:03 oldbox sshd[4500]: Failed password for illegal user oracle from 198.51.100.73 port 40001");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(bySource(f)).containsExactly(Map.entry("198.51.100.73", 1));
    }

    @Test
    void aPortWithoutTheProtocolIsNoAnchorInsideAUserName() {
        // " from A port N" is an anchor only where it ends the line: inside a name it is the name's
        Fixture f = Fixture.lines("Feb 25 14:50:00 oldbox sshd[4600]: Failed password for invalid user x from 203.0.113.9 port 1 from 198.51.100.74 port 40002");
        AuthEvent e = f.one();
        assertThat(e.source()).isEqualTo("198.51.100.74");
        assertThat(e.accountRaw()).isEqualTo("x from 203.0.113.9 port 1");
        assertThat(f.stats().suspects()).isZero();
    }

    @Test
    void anAddressEndingTheLineWithNoPortIsTheSource() {
        // some old or patched sshd builds log no port at all (fail2ban's sshd sample has such a line)
        Fixture f = Fixture.lines(
                "Feb 25 14:34:11 oldbox sshd[31603]: Failed password for invalid user ROOT from 2001:db8::1:1",
                "Feb 25 14:34:15 oldbox sshd[31604]: Failed password for guest from 192.0.2.76");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::reason)
                .containsExactly(tuple("ROOT", "2001:db8::1:1", Reason.UNKNOWN_ACCOUNT), tuple("guest", "192.0.2.76", Reason.BAD_PASSWORD));
    }

    @Test
    void aProtocolLessAnchorOnALineLongEnoughToHaveBeenCutIsNotBelieved() {
        // a kilobyte of user name ending in a fake " from A port N": sshd's 1024-byte buffer (or syslog)
        // may have cut the real anchor off, leaving the client's at the end
        String name = "a".repeat(SshdMessage.PROTOCOL_LESS_MAX);
        Fixture cut = Fixture.lines("Feb 25 14:50:02 oldbox sshd[4602]: Failed password for invalid user " + name + " from 10.0.0.1 port 22");
        assertThat(cut.events).noneMatch(e -> "10.0.0.1".equals(e.source()));
        Fixture cutNoPort = Fixture.lines("Feb 25 14:50:03 oldbox sshd[4603]: Failed password for invalid user " + name + " from 10.0.0.1");
        assertThat(cutNoPort.events).noneMatch(e -> "10.0.0.1".equals(e.source()));
        // the same name before a whole anchor is only a long name
        Fixture whole = Fixture.lines("Feb 25 14:50:04 oldbox sshd[4604]: Failed password for invalid user " + name + " from 10.0.0.1 port 22 ssh2");
        assertThat(whole.one().source()).isEqualTo("10.0.0.1");
    }

    @Test
    void theNoneMethodWithoutTheProtocolIsNoGuessEither() {
        Fixture f = Fixture.lines("Feb 25 14:50:01 oldbox sshd[4601]: Failed none for root from 198.51.100.75 port 40003");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().attempts()).isZero();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void solarisMessageIdAfterAnIdentWithoutAPid() {
        AuthEvent e = Fixture.lines("Mar 29 06:00:01 sol-db sshd: [ID 800047 auth.info] Failed password for oracle from 198.51.100.31 port 40990 ssh2").one();
        assertThat(e.source()).isEqualTo("198.51.100.31");
        assertThat(e.accountRaw()).isEqualTo("oracle");
    }

    @Test
    void dropbearPamAndLowerCaseAndIpv6Forms() {
        Fixture f = Fixture.lines(
                "Jul 27 02:00:01 nas7 dropbear[2300]: Bad PAM password attempt for 'admin' from 203.0.113.5:50110",
                "Jul 27 02:00:02 nas7 dropbear[2301]: bad password attempt for 'root' from 203.0.113.6:50111",
                "Jul 27 02:00:03 nas7 dropbear[2302]: login attempt for nonexistent user from ::ffff:203.0.113.7:50112",
                // Dropbear writes an IPv6 client as HOST:PORT with no brackets: the port is after the last colon
                "Jul 27 02:00:04 nas7 dropbear[2303]: Bad password attempt for 'root' from 2001:db8::5:2222",
                "Jul 27 02:00:05 nas7 dropbear[2304]: Bad PAM password attempt for 'x' from 192.0.2.9:1' from 203.0.113.8:50113",
                // the summary at the end of a connection: its guesses were each logged already
                "Jul 27 02:00:06 nas7 dropbear[2301]: Exit before auth (user 'root', 10 fails): Max auth tries reached - user 'root' from 203.0.113.6:50111",
                "Jul 27 02:00:07 nas7 dropbear[2305]: Exit before auth from <203.0.113.9:50114>: (user 'root', 10 fails): Max auth tries reached - user 'root'");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::reason, AuthEvent::attempts)
                .containsExactly(
                        tuple("admin", "203.0.113.5", Reason.BAD_PASSWORD, 1),
                        tuple("root", "203.0.113.6", Reason.BAD_PASSWORD, 1),
                        tuple(null, "203.0.113.7", Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("root", "2001:db8::5", Reason.BAD_PASSWORD, 1),
                        // the name cannot choose the address: the last token is the socket's
                        tuple("x' from 192.0.2.9:1", "203.0.113.8", Reason.BAD_PASSWORD, 1));
        assertThat(f.stats().failures()).isEqualTo(5);
    }

    @Test
    void dropbearsOwnStampBeforeItsMessage() {
        // journald's copy of Dropbear's stderr ("[pid] Mon DD HH:MM:SS message"), and that log on its own
        Fixture f = Fixture.lines(
                "Jul 10 23:53:52 nas7 dropbear[825]: [825] Jul 10 23:53:52 Bad password attempt for 'root' from 203.0.113.10:52289",
                "[826] Jul 10 23:54:07 Bad PAM password attempt for 'admin' from 203.0.113.11:52290",
                "[826] Jul 10 23:54:08 Exit before auth from <203.0.113.11:52290>: Max auth tries reached - user 'admin'",
                "[827] Jul 05 23:54:09 Child connection from 203.0.113.12:52291");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::time)
                .containsExactly(
                        tuple("root", "203.0.113.10", Instant.parse("2026-07-10T23:53:52Z")),
                        tuple("admin", "203.0.113.11", Instant.parse("2026-07-10T23:54:07Z")));
        assertThat(f.events).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        // a line that only looks like one ("[12] " then no stamp) is not taken for Dropbear's
        assertThat(Fixture.lines("[12] not a stamp Bad password attempt for 'root' from 203.0.113.13:1").stats().unparsed())
                .isEqualTo(1);
    }

    @Test
    void anAddressWithALeadingZeroIsAmbiguousSoTheLineIsSuspect() {
        // 192.030.0.6 is 192.24.0.6 to inet_aton (octal) and 192.30.0.6 to others; sshd never writes it
        Fixture f = Fixture.lines(
                "Jul 27 01:04:22 web3 sshd[1335]: Failed password for alice from 192.030.0.6 port 41022 ssh2",
                "Jul 27 01:04:23 web3 sshd[1336]: Invalid user bob from 192.030.0.6",
                "Jul 27 01:04:24 web3 sshd[1337]: Failed password for invalid user bob from 192.030.0.6 port 41023");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().suspects()).isEqualTo(3);
        assertThat(f.events).allSatisfy(e -> assertThat(e.source()).as("neither reading is blamed").isNull());
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::attempts)
                .containsExactly(tuple("alice", 1), tuple("bob", 0), tuple("bob", 1));
        // fixed-width padding (every part three digits) is decimal
        assertThat(Fixture.lines("Jul 27 01:04:25 web3 sshd[1338]: Failed password for alice from 192.000.002.006 port 41024 ssh2")
                .one().source()).isEqualTo("192.0.2.6");
    }
}
