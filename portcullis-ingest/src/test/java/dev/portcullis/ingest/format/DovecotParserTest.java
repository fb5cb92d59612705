package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DovecotParserTest {

    @Test
    void successfulLoginThroughSyslogWithRfc3339Stamp() {
        AuthEvent e = Fixture.lines("2026-11-19T22:11:29.429900+00:00 mx1 dovecot: imap-login: Login: "
                + "user=<Ray.Dean@example.org>, method=PLAIN, rip=125.247.44.131, lip=195.60.40.10, mpid=48727, TLS, "
                + "session=<4OQcp/frPHveUW1Y>").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-19T22:11:29.429900Z"));
        assertThat(e.service()).isEqualTo("imap");
        assertThat(e.account()).isEqualTo("ray.dean@example.org");
        assertThat(e.accountRaw()).isEqualTo("Ray.Dean@example.org");
        assertThat(e.source()).isEqualTo("125.247.44.131");
        assertThat(e.result()).isEqualTo(Result.SUCCESS);
        assertThat(e.session()).isEqualTo("4OQcp/frPHveUW1Y");
        assertThat(e.format()).isEqualTo("dovecot");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void disconnectWithNAttemptsCountsN() {
        AuthEvent e = Fixture.lines("Oct 12 15:44:43 canyon dovecot: pop3-login: Info: Disconnected: Connection closed "
                + "(auth failed, 2 attempts in 30 secs): user=<hess@lol.fr>, method=PLAIN, rip=172.17.0.1, "
                + "lip=172.17.0.2, TLS: Connection closed, session=<oEOptynOHNasEQAB>").one();
        assertThat(e.result()).isEqualTo(Result.FAILURE);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.service()).isEqualTo("pop3");
        assertThat(e.account()).isEqualTo("hess@lol.fr");
        assertThat(e.source()).isEqualTo("172.17.0.1");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-10-12T15:44:43Z"));
    }

    @Test
    void dovecot24LoginAbortedIsAFailure() {
        AuthEvent e = Fixture.lines("2026-11-19T22:59:43.790301+00:00 mx1 dovecot: imap-login: Login aborted: Connection "
                + "closed (auth failed, 1 attempts in 2 secs) (auth_failed): user=<maria.cole@example.org>, method=PLAIN, "
                + "rip=29.164.138.98, lip=195.60.40.10, TLS, session=<rNYuSF9C19kdirP0>").one();
        assertThat(e.isFailure()).isTrue();
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void authLineAndLoginLineOfOneGuessCountOnce() {
        Fixture f = Fixture.lines(
                "2026-11-19T22:59:41.790301+00:00 mx1 dovecot: auth: passwd-file(maria.cole@example.org,29.164.138.98,"
                        + "<rNYuSF9C19kdirP0>): Password mismatch",
                "2026-11-19T22:59:43.790301+00:00 mx1 dovecot: imap-login: Login aborted: Connection closed (auth failed, "
                        + "1 attempts in 2 secs) (auth_failed): user=<maria.cole@example.org>, method=PLAIN, "
                        + "rip=29.164.138.98, lip=195.60.40.10, TLS, session=<rNYuSF9C19kdirP0>");
        assertThat(f.events).hasSize(2);
        assertThat(f.events.get(0).reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(f.events.get(0).attempts()).isEqualTo(1);
        assertThat(f.events.get(1).attempts()).isZero();
        assertThat(f.attempts()).isEqualTo(1);
    }

    @Test
    void loginLineFirstThenAuthLinesStillCountOnce() {
        Fixture f = Fixture.lines(
                "Jun 23 23:00:30 mx1 dovecot: imap-login: Aborted login (auth failed, 2 attempts in 10 secs): "
                        + "user=<v@example.org>, method=PLAIN, rip=149.144.105.128, lip=195.60.40.10, TLS, session=<S1>",
                "Jun 23 23:00:31 mx1 dovecot: auth: passwd-file(v@example.org,149.144.105.128,<S1>): Password mismatch",
                "Jun 23 23:00:31 mx1 dovecot: auth: passwd-file(v@example.org,149.144.105.128,<S1>): Password mismatch");
        assertThat(f.attempts()).isEqualTo(2);
    }

    @Test
    void unknownUserFromAuthWorkerWithoutSession() {
        AuthEvent e = Fixture.lines("Sep 8 07:46:30 canyon dovecot: auth-worker(24544): pam(toto,1.1.1.1): unknown user").one();
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.account()).isEqualTo("toto");
        assertThat(e.source()).isEqualTo("1.1.1.1");
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void givenPasswordIsNeverKeptButFingerprinted() {
        Fixture f = Fixture.lines(
                "Nov 20 10:00:00 mx1 dovecot: auth: passwd-file(bob,10.0.0.1,<a>): Password mismatch (given password: Hunter2!)",
                "Nov 20 10:00:05 mx1 dovecot: auth: passwd-file(bob,10.0.0.1,<b>): Password mismatch (given password: Hunter2!)",
                "Nov 20 10:00:09 mx1 dovecot: auth: passwd-file(bob,10.0.0.1,<c>): Password mismatch (given password: other)");
        assertThat(f.events).hasSize(3);
        assertThat(f.events.get(0).pwhash()).isNotNull().hasSize(3).isEqualTo(f.events.get(1).pwhash());
        assertThat(f.events.get(2).pwhash()).isNotEqualTo(f.events.get(0).pwhash());
        assertThat(f.events.toString()).doesNotContain("Hunter2");
    }

    @Test
    void dovecotOwnLogFileFormat() {
        AuthEvent e = Fixture.lines("Nov 25 10:00:00 imap-login: Info: Login: user=<alice>, method=PLAIN, rip=2001:DB8:0:0::1, "
                + "lip=::1, mpid=4242, secured, session=<abc>").one();
        assertThat(e.source()).isEqualTo("2001:db8::1");
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void logoutLineCarriesVolumesAndTheLoginsAddress() {
        Fixture f = Fixture.lines(
                "2026-11-19T22:38:45.556122+00:00 mx1 dovecot: imap-login: Login: user=<megan.hill@example.org>, method=PLAIN, "
                        + "rip=108.104.194.226, lip=195.60.40.10, mpid=34098, TLS, session=<Y7FkQbz4YVHBSQ+n>",
                "2026-11-19T22:38:49.919751+00:00 mx1 dovecot: imap(megan.hill@example.org)<34098><Y7FkQbz4YVHBSQ+n>: Logged out "
                        + "in=8731 out=32832 deleted=0 expunged=0 trashed=0 hdr_count=23 hdr_bytes=20700 body_count=23 body_bytes=32332");
        AuthEvent logout = f.events.get(1);
        assertThat(logout.kind()).isEqualTo(EventKind.SESSION);
        assertThat(logout.source()).isEqualTo("108.104.194.226");
        assertThat(logout.activity().bytesOut()).isEqualTo(32832);
        assertThat(logout.activity().messages()).isEqualTo(23);
        assertThat(logout.activity().messageBytes()).isEqualTo(32332);
        assertThat(f.attempts()).isEqualTo(1);
    }

    @Test
    void pop3LogoutRetrCounts() {
        AuthEvent e = Fixture.lines("Jun 24 01:00:00 mx1 dovecot: pop3(eve@example.org)<77><sess>: Disconnected: Logged out "
                + "top=0/0, retr=12/345678, del=3/40, size=999999").one();
        assertThat(e.activity().messages()).isEqualTo(12);
        assertThat(e.activity().messageBytes()).isEqualTo(345678);
        assertThat(e.activity().deleted()).isEqualTo(3);
    }

    @Test
    void mailLogCopyLine() {
        AuthEvent e = Fixture.lines("2026-11-20T08:00:00+00:00 mx1 dovecot: imap(matthew.baker@example.org)<123><s9>: copy from "
                + "INBOX: box=Archive, uid=42, msgid=<x@y>, size=2048").one();
        assertThat(e.kind()).isEqualTo(EventKind.MAILBOX);
        assertThat(e.activity().action()).isEqualTo("copy");
        assertThat(e.activity().mailbox()).isEqualTo("Archive");
        assertThat(e.activity().messageBytes()).isEqualTo(2048);
    }

    @Test
    void mailLogActionsWithBoxNamesAndTheLoginsAddress() {
        String p = "2026-11-20T08:00:0%d+00:00 mx1 dovecot: imap(ann@example.org)<321><q7>: ";
        Fixture f = Fixture.lines(
                "2026-11-20T07:59:59+00:00 mx1 dovecot: imap-login: Login: user=<ann@example.org>, method=PLAIN, rip=203.0.113.5, "
                        + "lip=192.0.2.1, mpid=321, TLS, session=<q7>",
                String.format(p, 1) + "delete: box=INBOX, uid=7, msgid=<a@b>, size=1200",
                String.format(p, 2) + "expunge: box=INBOX, uid=7, msgid=<a@b>, size=1200",
                String.format(p, 3) + "save: box=Drafts, uid=9, msgid=<c@d>, size=300",
                String.format(p, 4) + "flag_change: box=Sent, uid=3, msgid=<e@f>, size=10, from=<x@y>, subject=secret plans",
                String.format(p, 5) + "mailbox_rename: box=Old, name=New",
                String.format(p, 6) + "copy from Archive: box=Trash, uid=11, size=99");
        List<AuthEvent> box = f.events.subList(1, f.events.size());
        assertThat(box).extracting(e -> e.activity().action())
                .containsExactly("delete", "expunge", "save", "flag_change", "mailbox_rename", "copy");
        assertThat(box).extracting(e -> e.activity().mailbox()).containsExactly("INBOX", "INBOX", "Drafts", "Sent", "Old", "Trash");
        assertThat(box).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.MAILBOX);
            assertThat(e.source()).isEqualTo("203.0.113.5");
            assertThat(e.session()).isEqualTo("q7");
            assertThat(e.attempts()).isZero();
            assertThat(String.valueOf(e.activity().detail())).doesNotContain("secret");
        });
        assertThat(box.get(5).activity().detail()).startsWith("from=Archive");
    }

    @Test
    void imapLogoutWithDeletedAndExpunged() {
        AuthEvent e = Fixture.lines("Jun 24 01:00:00 mx1 dovecot: imap(eve@example.org)<77><sess>: Logged out in=100 out=2000 "
                + "deleted=2 expunged=5 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0").one();
        assertThat(e.activity().bytesIn()).isEqualTo(100);
        assertThat(e.activity().bytesOut()).isEqualTo(2000);
        assertThat(e.activity().messages()).isZero();
        assertThat(e.activity().deleted()).isEqualTo(5);
    }

    @Test
    void noAuthAttemptsIsNotAGuess() {
        Fixture f = Fixture.lines("Oct 13 09:22:47 canyon dovecot: pop3-login: Info: Disconnected: Disconnected: Too many bad "
                + "commands (no auth attempts in 22 secs): user=<>, rip=172.17.0.1, lip=172.17.0.2, TLS, session=<HfdbgTjOEOisEQAB>");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(1);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void everyDovecotFixtureLineIsRead() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/dovecot-logs_dovecot-logs.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSizeGreaterThanOrEqualTo(14);
    }
}
