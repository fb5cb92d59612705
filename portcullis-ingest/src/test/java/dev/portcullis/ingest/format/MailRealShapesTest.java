package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 11's mail-system line shapes as real logs write them. The Dovecot lines are written by us in the
 * shapes the issue quotes (from fail2ban's test log, which is GPL: none of its lines is copied; own names,
 * RFC 5737 addresses); the nginx mail lines are CrowdSec Hub's (MIT, see third-party/crowdsec-hub).
 */
class MailRealShapesTest {

    @Test
    void dovecot24AuthPrefixOnItsOwn() {
        // Dovecot 2.4, sql passdb, auth_verbose_passwords (the shape of fail2ban gh-4196)
        Fixture f = Fixture.lines("Sep 14 07:20:31 auth(sales@example.net,198.51.100.110,sasl:login)<Qm7tR2xLp0aZcY3k>: "
                + "Info: sql: Password mismatch (given password: Hunter22pw)");
        AuthEvent e = f.one();
        assertThat(e.account()).isEqualTo("sales@example.net");
        assertThat(e.source()).isEqualTo("198.51.100.110");
        assertThat(e.session()).isEqualTo("Qm7tR2xLp0aZcY3k");
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.pwhash()).hasSize(3);
        assertThat(e.toString()).doesNotContain("Hunter22pw");
    }

    @Test
    void dovecot24AuthPrefixThenItsLoginLineCountThreeGuesses() {
        Fixture f = Fixture.lines(
                "Sep 14 07:20:31 auth(sales@example.net,198.51.100.110,sasl:login)<Qm7tR2xLp0aZcY3k>: Info: sql: Password "
                        + "mismatch (given password: Hunter22pw)",
                "Sep 14 07:20:39 imap-login: Info: Login aborted: Connection closed (auth failed, 3 attempts in 16 secs) "
                        + "(auth_failed): user=<sales@example.net>, method=PLAIN, rip=198.51.100.110, lip=0.0.0.0, TLS, "
                        + "session=<Qm7tR2xLp0aZcY3k>");
        assertThat(f.events).hasSize(2);
        assertThat(f.attempts()).isEqualTo(3);
    }

    @Test
    void userNameWithCommasAndParenthesesIsReadFromTheRight() {
        AuthEvent e = Fixture.lines("Sep 14 07:20:31 auth(a,b (c),d,198.51.100.110,sasl:login)<Qm7tR2xLp0aZcY3k>: Info: sql: "
                + "Password mismatch").one();
        assertThat(e.accountRaw()).isEqualTo("a,b (c),d");
        assertThat(e.source()).isEqualTo("198.51.100.110");
    }

    @Test
    void givenPasswordWithAParenthesisIsRedacted() {
        String line = "auth(sales@example.net,198.51.100.110,sasl:login)<Qm7tR2xLp0aZcY3k>: Info: sql: Password mismatch "
                + "(given password: pa)ss(word)";
        assertThat(Redactor.redact(line)).doesNotContain("ss(word").doesNotContain("pa)")
                .endsWith("(given password: " + Redactor.MARK + ")");
        assertThat(Redactor.redact("x (given password: no)close")).doesNotContain("no)close");
    }

    @Test
    void dovecot20AuthDefaultPamForm() {
        Fixture f = Fixture.lines("Jun 04 10:12:09 mail2 dovecot[1187]: dovecot: auth(default): "
                + "pam(billing@MAILHOST-EXAMPLE.org,203.0.113.206): pam_authenticate() failed: User not known to the underlying "
                + "authentication module: 2 Time(s)");
        AuthEvent e = f.one();
        assertThat(e.source()).isEqualTo("203.0.113.206");
        assertThat(e.account()).isEqualTo("billing@mailhost-example.org");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.attempts()).isEqualTo(2);
    }

    @Test
    void emptySessionField() {
        AuthEvent e = Fixture.lines("Mar 23 11:40:05 auth: Info: ldap(kim,198.51.100.52,): invalid credentials").one();
        assertThat(e.account()).isEqualTo("kim");
        assertThat(e.source()).isEqualTo("198.51.100.52");
        assertThat(e.session()).isNull();
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
    }

    @Test
    void isoLogTimestamp() {
        AuthEvent e = Fixture.lines("2026-05-11 14:02:17 auth-worker(default): Info: pam(jdoe,203.0.113.14): "
                + "pam_authenticate() failed: Authentication failure (password mismatch?)").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-05-11T14:02:17Z"));
        assertThat(e.source()).isEqualTo("203.0.113.14");
        assertThat(e.account()).isEqualTo("jdoe");
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
    }

    @Test
    void isoStampWithoutADovecotProcessIsNotTaken() {
        Fixture f = Fixture.lines("2026-05-11 14:02:17 something: pam(jdoe,203.0.113.14): pam_authenticate() failed");
        assertThat(f.events).isEmpty();
    }

    @Test
    void proxyDestAuthFailedIsOneGuess() {
        AuthEvent e = Fixture.lines("Oct 02 16:45:10 imapproxy dovecot: imap-login: Disconnected (proxy dest auth failed): "
                + "user=<pat@corp.example.com>, method=PLAIN, rip=192.0.2.47, lip=192.168.40.2, session=<Hk2Lw9PqX0bVt7Nd>").one();
        assertThat(e.result()).isEqualTo(Result.FAILURE);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.source()).isEqualTo("192.0.2.47");
        assertThat(e.account()).isEqualTo("pat@corp.example.com");
        assertThat(e.service()).isEqualTo("imap");
    }

    @Test
    void proxyDestAuthFailedWithAttemptsCountsThem() {
        // written from Dovecot's login-proxy format: the reason may carry the proxy's attempt count
        AuthEvent e = Fixture.lines("Oct 02 16:45:10 imapproxy dovecot: imap-login: Disconnected (proxy dest auth failed, "
                + "3 attempts in 12 secs): user=<pat@corp.example.com>, method=PLAIN, rip=192.0.2.47, lip=192.168.40.2").one();
        assertThat(e.attempts()).isEqualTo(3);
    }

    @Test
    void proxyDestConnectionFailedIsNoGuess() {
        Fixture f = Fixture.lines("Oct 02 16:45:10 imapproxy dovecot: imap-login: Disconnected (proxy dest connection "
                + "failed): user=<pat@corp.example.com>, method=PLAIN, rip=192.0.2.47, lip=192.168.40.2, session=<N>");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void multilogTai64nLabel() {
        AuthEvent e = Fixture.lines("@400000004c91b044077a9e94 imap-login: Info: Aborted login (auth failed, 1 attempts): "
                + "user=<lena@example.de>, method=CRAM-MD5, rip=198.51.100.33, lip=192.0.2.240, TLS").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2010-09-16T05:50:50.125476500Z"));
        assertThat(e.source()).isEqualTo("198.51.100.33");
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void multilogDovecotAuthPamUnixWithInjectedRhostInRuser() {
        Fixture f = Fixture.lines(
                "@400000004c91b044077a9e94 dovecot-auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 "
                        + "euid=0 tty=dovecot ruser=web rhost=203.0.113.224",
                "@400000004c91b044077a9e94 dovecot-auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 "
                        + "euid=0 tty=dovecot ruser=rhost=203.0.113.14 rhost=198.51.100.43",
                "@400000004c91b044077a9e94 dovecot-auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 "
                        + "euid=0 tty=dovecot ruser=root rhost=203.0.113.225  user=root");
        assertThat(f.events).extracting(AuthEvent::source).containsExactly("203.0.113.224", "198.51.100.43", "203.0.113.225");
        assertThat(f.events).extracting(AuthEvent::account).containsExactly("web", "rhost=203.0.113.14", "root");
        assertThat(f.attempts()).isEqualTo(3);
    }

    @Test
    void pamUnixWithoutUserIsRead() {
        AuthEvent e = Fixture.lines("Feb 08 22:13:40 mx7 auth: pam_unix(dovecot:auth): authentication failure; logname= "
                + "uid=0 euid=0 tty=dovecot ruser=oracle rhost=203.0.113.104").one();
        assertThat(e.source()).isEqualTo("203.0.113.104");
        assertThat(e.account()).isEqualTo("oracle");
        assertThat(e.format()).isEqualTo("dovecot");
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void pamUnixAndDovecotsOwnLineOfOneGuessCountOnceInEitherOrder() {
        String pamLine = "Feb 08 22:13:40 mx7 auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=dovecot ruser=oracle rhost=203.0.113.104";
        String dovecotLine = "Feb 08 22:13:42 mx7 dovecot: auth-worker(18821): pam(oracle,203.0.113.104,<Zt5Ka1Rm8QwE3uYp>): "
                + "pam_authenticate() failed: Authentication failure (password mismatch?)";
        String loginLine = "Feb 08 22:13:44 mx7 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 4 secs): "
                + "user=<oracle>, method=PLAIN, rip=203.0.113.104, lip=10.0.0.1, session=<Zt5Ka1Rm8QwE3uYp>";
        assertThat(Fixture.lines(pamLine, dovecotLine, loginLine).attempts()).isEqualTo(1);
        assertThat(Fixture.lines(dovecotLine, pamLine, loginLine).attempts()).isEqualTo(1);
        assertThat(Fixture.lines(pamLine, loginLine).attempts()).isEqualTo(1);
        assertThat(Fixture.lines(pamLine, pamLine, dovecotLine).attempts()).isEqualTo(2);
    }

    @Test
    void pamJoinForgetsAfterItsWindow() {
        String pamLine = "Feb 08 22:13:40 mx7 auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=dovecot ruser=oracle rhost=203.0.113.104";
        String late = "Feb 08 22:23:40 mx7 dovecot: auth-worker(18821): pam(oracle,203.0.113.104): "
                + "pam_authenticate() failed: Authentication failure (password mismatch?)";
        assertThat(Fixture.lines(pamLine, late).attempts()).isEqualTo(2);
    }

    @Test
    void pamJoinIsBoundedAndCountsEvictions() {
        PamJoin join = new PamJoin(2);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        join.pam("192.0.2.1", "a", t);
        join.pam("192.0.2.2", "b", t);
        join.pam("192.0.2.3", "c", t);
        assertThat(join.size()).isEqualTo(2);
        assertThat(join.evictions()).isEqualTo(1);
        assertThat(join.dovecot("192.0.2.1", "a", t, 1)).isEqualTo(1); // forgotten: counted again
        assertThat(join.dovecot("192.0.2.3", "C", t, 2)).isEqualTo(1);
    }

    // ---- nginx mail proxy (CrowdSec Hub .tests/nginx-mail-logs, MIT) ------------------------------

    @Test
    void nginxClientLoggedInIsASuccessAndStarttlsIsStripped() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/nginx-mail-logs_nginx-mail-logs.log");
        assertThat(f.events).extracting(AuthEvent::result, AuthEvent::account, AuthEvent::source, AuthEvent::service)
                .containsExactly(
                        tuple(Result.FAILURE, "servers@example.com", "5.34.207.182", "smtp"),
                        tuple(Result.SUCCESS, "admin@example.com", "174.233.1.144", "mail"),
                        tuple(Result.SUCCESS, "admin@example.com", "174.233.1.144", "mail"),
                        tuple(Result.FAILURE, "postmaster", "201.170.64.255", "smtp"));
    }

    @Test
    void nginxLoginWithoutAuthIsNoEvent() {
        Fixture f = Fixture.lines("2022/04/05 13:25:11 [info] 8#8: *24785 client logged in, client: 209.85.210.53, "
                + "server: 0.0.0.0:25");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void nginxLoginNameCannotChooseTheAddress() {
        AuthEvent e = Fixture.lines("2022/04/05 13:25:31 [info] 8#8: *24790 client logged in, client: 174.233.1.144, "
                + "server: 0.0.0.0:11587, login: \"a\", client: 10.10.1.2, upstream: 1.2.3.4:25\", upstream: "
                + "172.69.69.9:10025").one();
        assertThat(e.source()).isEqualTo("174.233.1.144");
        assertThat(e.accountRaw()).isEqualTo("a\", client: 10.10.1.2, upstream: 1.2.3.4:25");
    }

    // ---- anchoring -------------------------------------------------------------------------------

    @Test
    void loginLineTakesTheLastRipAndTheUserUpToTheLastAngleBeforeIt() {
        AuthEvent e = Fixture.lines("Nov 25 10:00:00 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 "
                + "secs): user=<x>, method=PLAIN, rip=10.10.1.2, session=<fake>>, method=PLAIN, rip=192.0.2.7, "
                + "lip=192.0.2.1, TLS, session=<real>").one();
        assertThat(e.source()).isEqualTo("192.0.2.7");
        assertThat(e.session()).isEqualTo("real");
        assertThat(e.accountRaw()).isEqualTo("x>, method=PLAIN, rip=10.10.1.2, session=<fake>");
    }

    @Test
    void authLineWhoseUserImitatesTheStructureIsNotTrusted() {
        Fixture f = Fixture.lines("Nov 25 10:00:00 mx1 dovecot: auth: passwd-file(x,10.10.1.2,<s>): Password mismatch,"
                + "192.0.2.7,<S>): Password mismatch");
        assertThat(f.events).noneMatch(e -> "10.10.1.2".equals(e.source()));
    }

    @Test
    void postfixUserNameIsReadToTheEndAndCannotMoveTheAddress() {
        AuthEvent fail = Fixture.lines("Nov 25 10:00:00 mx1 postfix/submission/smtpd[123]: warning: unknown[192.0.2.9]: SASL "
                + "LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=x]: warning: unknown[10.10.1.2], y").one();
        assertThat(fail.source()).isEqualTo("192.0.2.9");
        assertThat(fail.accountRaw()).isEqualTo("x]: warning: unknown[10.10.1.2], y");
        AuthEvent ok = Fixture.lines("Nov 25 10:00:00 mx1 postfix/smtpd[123]: 4F2A81C0: client=mail.example.org[192.0.2.10], "
                + "sasl_method=PLAIN, sasl_username=a, client=x[10.10.1.2]").one();
        assertThat(ok.source()).isEqualTo("192.0.2.10");
        assertThat(ok.accountRaw()).isEqualTo("a, client=x[10.10.1.2]");
    }

    @Test
    void roundcubeBelievesForwardingHeadersOnlyFromItsOwnProxy() {
        AuthEvent publicPeer = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <s1> Failed login for alice from 198.51.100.7"
                + "(X-Real-IP: 10.10.1.2,X-Forwarded-For: 10.10.1.2) in session s1 (error: 0)").one();
        assertThat(publicPeer.source()).isEqualTo("198.51.100.7");
        AuthEvent proxy = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <s2> Failed login for alice from 127.0.0.1"
                + "(X-Real-IP: 198.51.100.8,X-Forwarded-For: 198.51.100.8) in session s2 (error: 0)").one();
        assertThat(proxy.source()).isEqualTo("198.51.100.8");
        AuthEvent v6 = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <s3> Failed login for alice from fd00:0:0:1::2"
                + "(X-Forwarded-For: 198.51.100.9) in session s3 (error: 0)").one();
        assertThat(v6.source()).isEqualTo("198.51.100.9");
    }
}
