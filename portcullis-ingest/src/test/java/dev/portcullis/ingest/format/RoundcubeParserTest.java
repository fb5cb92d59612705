package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundcubeParserTest {

    @Test
    void failedLoginWithOffsetStamp() {
        AuthEvent e = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <abcd1234> Failed login for alice from 1.2.3.4 "
                + "in session abcd1234ef (error: 0)").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(e.account()).isEqualTo("alice");
        assertThat(e.source()).isEqualTo("1.2.3.4");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.session()).isEqualTo("abcd1234ef");
        assertThat(e.service()).isEqualTo("webmail");
        assertThat(e.format()).isEqualTo("roundcube");
    }

    @Test
    void successfulLogin() {
        AuthEvent e = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <abcd1234> Successful login for alice (ID: 1) "
                + "from 1.2.3.4 in session abcd1234ef").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.account()).isEqualTo("alice");
        assertThat(e.source()).isEqualTo("1.2.3.4");
    }

    @Test
    void forwardedClientIsPreferred() {
        AuthEvent e = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: Failed login for alice from 10.0.0.1"
                + "(X-Forwarded-For: 5.6.7.8) in session s1 (error: 0)").one();
        assertThat(e.source()).isEqualTo("5.6.7.8");
        AuthEvent real = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: Failed login for alice from 10.0.0.1"
                + "(X-Real-IP: 9.9.9.9,X-Forwarded-For: 6.6.6.6, 9.9.9.9) in session s1 (error: 0)").one();
        assertThat(real.source()).isEqualTo("9.9.9.9");
        AuthEvent chain = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: Failed login for alice from 10.0.0.1"
                + "(X-Forwarded-For: 6.6.6.6, 5.6.7.8) in session s1 (error: 0)").one();
        assertThat(chain.source()).as("the entry the proxy added, not the client's claim").isEqualTo("5.6.7.8");
    }

    @Test
    void aCraftedUserNameCannotMoveTheAddress() {
        AuthEvent e = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: Failed login for x from 6.6.6.6 in session y (error: 0) "
                + "from 1.2.3.4 in session real (error: 0)").one();
        assertThat(e.source()).isEqualTo("1.2.3.4");
        assertThat(e.session()).isEqualTo("real");
        Fixture ambiguous = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: Failed login for x from 6.6.6.6(X-Forwarded-For: 7.7.7.7) "
                + "from 1.2.3.4(X-Forwarded-For: 5.6.7.8) in session s (error: 0)");
        assertThat(ambiguous.events).isEmpty();
        assertThat(ambiguous.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void errorCodesOfUserlogins() {
        String line = "[25-Nov-2026 10:00:00 +0100]: Failed login for a from 1.2.3.4 in session s (error: %s)";
        assertThat(Fixture.lines(String.format(line, "4")).one().reason()).isEqualTo(Reason.LOCKED);
        assertThat(Fixture.lines(String.format(line, "3")).one().reason()).isEqualTo(Reason.ABORTED);
        assertThat(Fixture.lines(String.format(line, "-2")).one().reason()).isEqualTo(Reason.ABORTED);
        assertThat(Fixture.lines(String.format(line, "-1")).one().reason()).isEqualTo(Reason.UNSPECIFIED);
    }

    @Test
    void imapErrorLine() {
        AuthEvent e = Fixture.lines("[25-Nov-2026 10:00:00 +0100]: <s1> IMAP Error: Login failed for alice against localhost "
                + "from 1.2.3.4. AUTHENTICATE PLAIN: Authentication failed. in /var/www/program/lib/Roundcube/rcube_imap.php "
                + "on line 211 (POST /?_task=login&_action=login)").one();
        assertThat(e.account()).isEqualTo("alice");
        assertThat(e.source()).isEqualTo("1.2.3.4");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.session()).isEqualTo("s1");
    }

    @Test
    void imapErrorThroughSyslogAndInjectedResponses() {
        Fixture f = Fixture.lines(
                "Mar  4 17:22:48 webmail1 roundcube: IMAP Error: Login failed for admin from 127.0.0.1 from 203.0.113.12. "
                        + "AUTHENTICATE PLAIN: A0002 NO Login failed. user=admin from 127.0.0.1 in in /usr/share/roundcube/"
                        + "program/include/rcube_imap.php on line 205 (POST /wmail/?_task=login&_action=login)",
                "May 26 09:31:02 webmail1 roundcube: IMAP Error: Login failed for orders@example.com from 10.20.30.47");
        assertThat(f.events).extracting(AuthEvent::source).containsExactly("203.0.113.12", "10.20.30.47");
        assertThat(f.events.get(1).account()).isEqualTo("orders@example.com");
        assertThat(f.events.get(1).time()).isEqualTo(Instant.parse("2026-05-26T09:31:02Z"));
    }

    @Test
    void userloginsThroughSyslogFromAnotherProgramName() {
        AuthEvent e = Fixture.lines("Nov 25 10:00:00 web php-fpm: <abcd1234> Failed login for bob from 2001:db8::7 "
                + "in session abcd1234 (error: 0)").one();
        assertThat(e.account()).isEqualTo("bob");
        assertThat(e.source()).isEqualTo("2001:db8::7");
    }

    @Test
    void oldFormatWithoutSession() {
        AuthEvent e = Fixture.lines("[22-Jan-2014 19:05:44 +0200]: FAILED login for clerk7 from 198.51.100.43").one();
        assertThat(e.source()).isEqualTo("198.51.100.43");
        assertThat(e.time()).isEqualTo(Instant.parse("2014-01-22T17:05:44Z"));
    }

    @Test
    void bothLogsOfOneFailureCountOnce() throws IOException {
        Ingest ingest = new Ingest();
        List<AuthEvent> events = new ArrayList<>();
        for (String name : new String[] {"roundcube/errors.log", "roundcube/userlogins.log"}) {
            ingest.read(new Input(name, null, Fixture.REFERENCE, Files.newInputStream(OwnFixtures.DIR.resolve(name))),
                    events::add);
        }
        assertThat(ingest.stats().unparsed()).isZero();
        assertThat(ingest.stats().ignored()).isEqualTo(1); // the PHP error
        assertThat(events).hasSize(9);
        // alice and bob each failed once, logged by both files; carol, dan and frank once each
        assertThat(ingest.stats().failures()).isEqualTo(5);
        assertThat(ingest.stats().successes()).isEqualTo(2);
        assertThat(events).filteredOn(e -> "alice@example.org".equals(e.account()) && e.isFailure())
                .extracting(AuthEvent::attempts).containsExactly(1, 0);
        assertThat(events).filteredOn(e -> "carol@example.org".equals(e.account())).singleElement()
                .extracting(AuthEvent::source).isEqualTo("198.51.100.77");
        assertThat(events).filteredOn(e -> "dan@example.org".equals(e.account())).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("198.51.100.78");
            assertThat(e.reason()).isEqualTo(Reason.LOCKED);
        });
        assertThat(events).filteredOn(e -> "frank@example.org".equals(e.account())).singleElement()
                .extracting(AuthEvent::reason).isEqualTo(Reason.ABORTED);
        assertThat(events).filteredOn(e -> "erin@example.org".equals(e.account())).singleElement()
                .extracting(AuthEvent::source).isEqualTo("2001:db8::1:55");
    }
}
