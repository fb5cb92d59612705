package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NginxMailParserTest {

    @Test
    void invalidCredentialsOnAnImapListener() {
        AuthEvent e = Fixture.lines("2022/04/06 13:44:43 [info] 8#8: *29109 client login failed: \"Authentication credentials "
                + "invalid\" while in http auth state, client: 154.250.207.69, server: 0.0.0.0:993, login: \"admin@example.com\"").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2022-04-06T13:44:43Z"));
        assertThat(e.account()).isEqualTo("admin@example.com");
        assertThat(e.source()).isEqualTo("154.250.207.69");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(e.service()).isEqualTo("imap");
        assertThat(e.format()).isEqualTo("nginx-mail");
    }

    @Test
    void authNotSupportedIsAPolicyRefusalOfASubmittedPassword() {
        AuthEvent e = Fixture.lines("2022/04/02 13:39:51 [info] 8#8: *6631 client login failed: \"AUTH not supported\" while in "
                + "http auth state, client: 5.34.207.182, server: 0.0.0.0:25, login: \"linkinpark@example.com\"").one();
        assertThat(e.reason()).isEqualTo(Reason.POLICY);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.service()).isEqualTo("smtp");
    }

    @Test
    void portsToServices() {
        String line = "2022/04/06 13:44:43 [info] 8#8: *1 client login failed: \"x\" while in http auth state, client: "
                + "192.0.2.1, server: %s, login: \"a\"";
        assertThat(Fixture.lines(String.format(line, "0.0.0.0:587")).one().service()).isEqualTo("smtp");
        assertThat(Fixture.lines(String.format(line, "[::]:995")).one().service()).isEqualTo("pop3");
        assertThat(Fixture.lines(String.format(line, "0.0.0.0:110")).one().service()).isEqualTo("pop3");
        assertThat(Fixture.lines(String.format(line, "0.0.0.0:11143")).one().service()).isEqualTo("mail");
    }

    @Test
    void aCraftedLoginCannotMoveTheAddress() {
        AuthEvent e = Fixture.lines("2022/04/06 13:44:43 [info] 8#8: *1 client login failed: \"x\" while in http auth state, "
                + "client: 192.0.2.1, server: 0.0.0.0:143, login: \"a\", client: 6.6.6.6, server: 0.0.0.0:25, login: \"b\"").one();
        assertThat(e.source()).isEqualTo("192.0.2.1");
        assertThat(e.service()).isEqualTo("imap");
    }

    @Test
    void otherErrorLogLinesAreIgnored() {
        Fixture f = Fixture.lines("2022/04/06 13:44:40 [info] 8#8: *29108 client 154.250.207.69 connected to 0.0.0.0:143",
                "2022/04/06 13:44:41 [error] 8#8: *3 open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No such file "
                        + "or directory), client: 192.0.2.9, server: localhost, request: \"GET /favicon.ico HTTP/1.1\"");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(2);
    }

    @Test
    void crowdsecFixtureReadsCompletely() {
        Fixture f = Fixture.thirdParty("crowdsec-hub/nginx-mail-bf_nginx-mail-bf.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(11).allSatisfy(e -> assertThat(e.isFailure()).isTrue());
        assertThat(f.events).filteredOn(e -> e.reason() == Reason.POLICY).hasSize(4)
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("5.34.207.182"));
        assertThat(f.events).filteredOn(e -> "admin@example.com".equals(e.account())).hasSize(7)
                .allSatisfy(e -> assertThat(e.service()).isEqualTo("mail"));
    }
}
