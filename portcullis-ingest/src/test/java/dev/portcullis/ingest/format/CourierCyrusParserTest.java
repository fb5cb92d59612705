package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Courier and Cyrus lines written by us from their documented formats (documentation addresses, invented users). */
class CourierCyrusParserTest {

    @Test
    void courierLoginFailedForms() {
        Fixture f = Fixture.lines(
                "Apr 23 21:59:01 mx2 courier-imapd: LOGIN FAILED, user=sales@example.org, ip=[::ffff:192.0.2.21]",
                "Apr 23 21:59:38 mx2 pop3d: LOGIN FAILED, user=info@example.org, ip=[::ffff:198.51.100.76]",
                "Apr 23 22:00:01 mx2 imapd-ssl: LOGIN FAILED, method=PLAIN, user=Tester, ip=[::ffff:192.0.2.5], port=[41234]",
                "Apr 23 22:00:02 mx2 courierpop3login: LOGIN FAILED, user=x, ip=[2001:db8::7]",
                "Apr 23 22:00:03 mx2 imapd-ssl: LOGIN FAILED, method=PLAIN, ip=[::ffff:192.0.2.4]");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::service, AuthEvent::result)
                .containsExactly(
                        tuple("sales@example.org", "192.0.2.21", "imap", Result.FAILURE),
                        tuple("info@example.org", "198.51.100.76", "pop3", Result.FAILURE),
                        tuple("tester", "192.0.2.5", "imap", Result.FAILURE),
                        tuple("x", "2001:db8::7", "pop3", Result.FAILURE),
                        tuple(null, "192.0.2.4", "imap", Result.FAILURE));
        assertThat(f.events).allSatisfy(e -> assertThat(e.format()).isEqualTo("courier"));
    }

    @Test
    void courierLoginIsASuccessAndTheUserCannotMoveTheAddress() {
        AuthEvent ok = Fixture.lines("Apr 23 22:01:00 mx2 imapd-ssl: LOGIN, user=alice@example.org, ip=[::ffff:203.0.113.9], "
                + "port=[50022], protocol=IMAP").one();
        assertThat(ok.isSuccess()).isTrue();
        assertThat(ok.source()).isEqualTo("203.0.113.9");
        AuthEvent crafted = Fixture.lines("Apr 23 22:01:00 mx2 imapd: LOGIN FAILED, user=x, ip=[10.10.1.2], "
                + "ip=[::ffff:203.0.113.10]").one();
        assertThat(crafted.source()).isEqualTo("203.0.113.10");
        assertThat(crafted.accountRaw()).isEqualTo("x, ip=[10.10.1.2]");
    }

    @Test
    void cyrusBadloginForms() {
        Fixture f = Fixture.lines(
                "Jan 4 21:51:05 mx3 cyrus/imap[5355]: badlogin: host.example.org [192.0.2.30] plaintext carol@example.org "
                        + "SASL(-13): authentication failure: checkpass failed",
                "Jun 8 18:11:13 mx3 imap[4480]: badlogin: example.org [198.51.100.45] DIGEST-MD5 [SASL(-13): "
                        + "authentication failure: client response doesn't match what we generated]",
                "Dec 30 16:03:27 mx3 imapd[2517]: badlogin: local-mx3[192.0.2.31] OTP [SASL(-13): authentication failure: "
                        + "External SSF not good enough]",
                "Jul 18 16:46:42 mx3 cyrus/pop3s[27449]: badlogin: client.example.net [203.0.113.44] PLAIN [SASL(-13): user "
                        + "not found: Password verification failed]",
                "Mar 8 05:25:21 mx3 cyrus/imaps[812]: badlogin: [192.0.2.4] plain [SASL(-13): authentication failure: "
                        + "Password verification failed]");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::service, AuthEvent::reason)
                .containsExactly(
                        tuple("carol@example.org", "192.0.2.30", "imap", Reason.BAD_PASSWORD),
                        tuple(null, "198.51.100.45", "imap", Reason.BAD_PASSWORD),
                        tuple(null, "192.0.2.31", "imap", Reason.BAD_PASSWORD),
                        tuple(null, "203.0.113.44", "pop3", Reason.UNKNOWN_ACCOUNT),
                        tuple(null, "192.0.2.4", "imap", Reason.BAD_PASSWORD));
        assertThat(f.events).allSatisfy(e -> assertThat(e.format()).isEqualTo("cyrus"));
    }

    @Test
    void cyrusLoginIsASuccess() {
        AuthEvent e = Fixture.lines("Jun 8 18:12:00 mx3 cyrus/imaps[4481]: login: client.example.net [203.0.113.50] "
                + "dave@example.org PLAIN User logged in SESSIONID=<mx3-4481-1>").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.account()).isEqualTo("dave@example.org");
        assertThat(e.source()).isEqualTo("203.0.113.50");
    }
}
