package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * UW IMAP ({@code imapd}, {@code ipop3d}), perdition and solid-pop3d. Lines written by us from the
 * programs' documented / source-defined messages (c-client's {@code server_login}, perdition's
 * {@code Auth:} line, solid-pop3d's failure messages), RFC 5737 addresses.
 */
class OlderMailParsersTest {
    @Test
    void uwImapFailuresAndSuccesses() {
        Fixture f = Fixture.lines(
                "Jul  3 20:56:53 mailhost imapd[4101]: Login failed user=lena auth=lena host=client7.example.net [203.0.113.21]",
                "Jul  3 20:56:59 mailhost imapd[4101]: Login failed user=lena auth=lena host=[203.0.113.21]",
                "Jul  3 20:57:05 mailhost imapd[4101]: Login failed user=lena auth=lena host=client7.example.net [203.0.113.21]",
                // the session's tries are used up: this attempt was refused unchecked, it summarises nothing
                "Jul  3 20:57:11 mailhost imapd[4101]: Login excessive login failures user=lena auth=lena host=client7.example.net [203.0.113.21]",
                "Jul  3 20:58:00 mailhost imapd[4102]: Login disabled user=test auth=test host=localhost [127.0.0.1]",
                "Jul  3 20:59:00 mailhost imapd[4103]: Login user=marc host=office.example.org [198.51.100.14]",
                "Jul  3 20:59:30 mailhost imapd[4104]: Authenticated user=marc host=office.example.org [198.51.100.14] mech=PLAIN",
                "Jul  3 21:00:00 mailhost ipop3d[4200]: Login failed user=info auth=info host=[2001:db8::21]",
                "Jul  3 21:00:10 mailhost ipop3d[4201]: Login user=marc host=office.example.org [198.51.100.14] nmsgs=3/3",
                "Jul  3 21:00:20 mailhost ipop3d[4201]: Logout user=marc host=office.example.org [198.51.100.14] nmsgs=3 ndele=0",
                "Jul  3 21:00:30 mailhost imapd[4105]: AUTHENTICATE PLAIN failure host=[203.0.113.21]");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::service, AuthEvent::accountRaw, AuthEvent::source, AuthEvent::result,
                        AuthEvent::reason, AuthEvent::attempts)
                .containsExactly(
                        tuple("imap", "lena", "203.0.113.21", Result.FAILURE, Reason.UNSPECIFIED, 1),
                        tuple("imap", "lena", "203.0.113.21", Result.FAILURE, Reason.UNSPECIFIED, 1),
                        tuple("imap", "lena", "203.0.113.21", Result.FAILURE, Reason.UNSPECIFIED, 1),
                        tuple("imap", "lena", "203.0.113.21", Result.FAILURE, Reason.POLICY, 1),
                        tuple("imap", "test", "127.0.0.1", Result.FAILURE, Reason.POLICY, 0),
                        tuple("imap", "marc", "198.51.100.14", Result.SUCCESS, Reason.NONE, 1),
                        tuple("imap", "marc", "198.51.100.14", Result.SUCCESS, Reason.NONE, 1),
                        tuple("pop3", "info", "2001:db8::21", Result.FAILURE, Reason.UNSPECIFIED, 1),
                        tuple("pop3", "marc", "198.51.100.14", Result.SUCCESS, Reason.NONE, 1));
        assertThat(f.stats().failures()).as("four attempts on lena, one on info; the disabled login guesses nothing")
                .isEqualTo(5);
        assertThat(f.events).allSatisfy(e -> assertThat(e.format()).isEqualTo("uw-imap"));
    }

    @Test
    void aUwUserNameCannotChooseTheAddress() {
        Fixture f = Fixture.lines(
                "Jul  3 21:01:00 mailhost imapd[4300]: Login failed user=x host=a [192.0.2.99] auth=y host=[203.0.113.22]",
                "Jul  3 21:01:01 mailhost imapd[4301]: Login failed user=x auth=z host=[192.0.2.99] host=[203.0.113.23]",
                // text after the address that UW does not write: not read
                "Jul  3 21:01:02 mailhost imapd[4302]: Login failed user=x auth=x host=[203.0.113.24] [192.0.2.99]");
        assertThat(f.events).extracting(AuthEvent::source).containsExactly("203.0.113.22", "203.0.113.23");
        assertThat(f.events.get(0).accountRaw()).isEqualTo("x host=a [192.0.2.99]"); // auth= is "y"
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void courierAndCyrusLinesUnderTheImapdNameAreStillTheirs() {
        Fixture f = Fixture.lines(
                "Jul  3 21:02:00 mailhost imapd: LOGIN FAILED, user=ana, ip=[::ffff:203.0.113.30]",
                "Jul  3 21:02:01 mailhost imapd[4400]: Login failed user=ana auth=ana host=[203.0.113.31]");
        assertThat(f.events).extracting(AuthEvent::format, AuthEvent::source)
                .containsExactly(tuple("courier", "203.0.113.30"), tuple("uw-imap", "203.0.113.31"));
    }

    @Test
    void perditionAuthLines() {
        Fixture f = Fixture.lines(
                "Jul 18 16:07:18 proxy1 perdition.imaps[3194]: Auth: 203.0.113.40:52274->192.0.2.9:993 client-secure=ssl authorisation_id=NONE authentication_id=\"carla\" server=\"imap.example.org:993\" protocol=IMAP4S server-secure=ssl status=\"failed: Re-Authentication Failure\"",
                "Jul 18 16:07:30 proxy1 perdition.pop3s[3195]: Auth: 203.0.113.41:52280->192.0.2.9:995 client-secure=ssl authorisation_id=NONE authentication_id=\"dan\" server=\"pop.example.org:995\" protocol=POP3S server-secure=ssl status=\"failed: local authentication failure\"",
                "Jul 18 16:08:00 proxy1 perdition[3196]: Auth: 198.51.100.42:52290->192.0.2.9:143 client-secure=plaintext authorisation_id=NONE authentication_id=\"erin\" server=\"imap.example.org:143\" protocol=IMAP4 server-secure=plaintext status=\"ok\"",
                "Jul 18 16:08:10 proxy1 perdition[3197]: Auth: [2001:db8::43]:52291->192.0.2.9:143 client-secure=plaintext authorisation_id=NONE authentication_id=\"fay\" server=\"imap.example.org:143\" protocol=IMAP4 server-secure=plaintext status=\"failed: Re-Authentication Failure\"",
                // a back-end it could not reach, a client that left before giving credentials: no guess
                "Jul 18 16:08:20 proxy1 perdition[3198]: Auth: 198.51.100.44:52292->192.0.2.9:143 client-secure=plaintext authorisation_id=NONE authentication_id=\"gus\" server=\"imap.example.org:143\" protocol=IMAP4 server-secure=plaintext status=\"failed: Could not connect to server\"",
                "Jul 18 16:08:58 proxy1 perdition.imaps[3199]: Fatal Error reading authentication information from client 203.0.113.45:52293->192.0.2.9:993: Exiting child",
                // the user name cannot move the address or the status
                "Jul 18 16:09:00 proxy1 perdition[3200]: Auth: 203.0.113.46:52294->192.0.2.9:143 client-secure=plaintext authorisation_id=NONE authentication_id=\"h\" server=\"x\" status=\"ok\" 192.0.2.99:1->\" server=\"imap.example.org:143\" protocol=IMAP4 server-secure=plaintext status=\"failed: Re-Authentication Failure\"");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::service, AuthEvent::source, AuthEvent::result, AuthEvent::accountRaw)
                .containsExactly(
                        tuple("imap", "203.0.113.40", Result.FAILURE, "carla"),
                        tuple("pop3", "203.0.113.41", Result.FAILURE, "dan"),
                        tuple("imap", "198.51.100.42", Result.SUCCESS, "erin"),
                        tuple("imap", "2001:db8::43", Result.FAILURE, "fay"),
                        tuple("imap", "203.0.113.46", Result.FAILURE, "h\" server=\"x\" status=\"ok\" 192.0.2.99:1->"));
    }

    @Test
    void solidPop3dFailures() {
        Fixture f = Fixture.lines(
                "Nov 15 00:34:53 pop1 solid-pop3d[3822]: authentication failed: no such user: adam - 203.0.113.50",
                "Nov 15 00:34:54 pop1 solid-pop3d[3822]: authentication failed: can't map user name: bea - 203.0.113.50",
                "Nov 15 00:34:55 pop1 solid-pop3d[3823]: authentication failed for user cleo - 203.0.113.51",
                "Nov 15 00:34:56 pop1 solid-pop3d[3823]: authentication failed for mapped user dora - 203.0.113.51",
                "Nov 15 00:34:57 pop1 solid-pop3d[3824]: root login not allowed - 203.0.113.52",
                "Nov 15 00:34:58 pop1 solid-pop3d[3825]: can't find APOP secret for user eve - 2001:db8::53",
                "Nov 15 00:34:59 pop1 solid-pop3d[3826]: authentication failed for user x - 192.0.2.99 - 203.0.113.54",
                "Nov 15 00:35:00 pop1 solid-pop3d[3827]: connection from 203.0.113.55");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::accountRaw, AuthEvent::source, AuthEvent::reason, AuthEvent::attempts)
                .containsExactly(
                        tuple("adam", "203.0.113.50", Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("bea", "203.0.113.50", Reason.UNKNOWN_ACCOUNT, 1),
                        tuple("cleo", "203.0.113.51", Reason.BAD_PASSWORD, 1),
                        tuple("dora", "203.0.113.51", Reason.BAD_PASSWORD, 1),
                        tuple("root", "203.0.113.52", Reason.POLICY, 1),
                        tuple("eve", "2001:db8::53", Reason.UNSPECIFIED, 1),
                        tuple("x - 192.0.2.99", "203.0.113.54", Reason.BAD_PASSWORD, 1));
        assertThat(f.events).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("pop3");
            assertThat(e.format()).isEqualTo("solid-pop3d");
        });
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2026-11-15T00:34:53Z"));
    }
}
