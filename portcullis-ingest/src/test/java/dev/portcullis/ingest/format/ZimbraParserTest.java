package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ZimbraParserTest {

    @Test
    void soapInvalidPassword() {
        AuthEvent e = Fixture.lines("2021-03-03 19:26:38,616 INFO  [qtp93314457-137:https://test.fr:7071/service/admin/soap/AuthRequest] "
                + "[name=toto@test.fr;oip=192.168.7.101;port=52016;ua=ZimbraWebClient - GC88 (Linux);soapId=9fd8101;] "
                + "SoapEngine - handler exception: authentication failed for [toto@test.fr], invalid password").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2021-03-03T19:26:38.616Z"));
        assertThat(e.account()).isEqualTo("toto@test.fr");
        assertThat(e.source()).isEqualTo("192.168.7.101");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.userAgent()).isEqualTo("ZimbraWebClient - GC88 (Linux)");
        assertThat(e.service()).isEqualTo("admin");
        assertThat(e.format()).isEqualTo("zimbra");
    }

    @Test
    void smtpCheckThroughSoapWithUnknownAccount() {
        AuthEvent e = Fixture.lines("2021-03-03 19:51:53,762 INFO  [qtp93314457-324:smtp://smtp.test.fr:7073/service/admin/soap/] "
                + "[oip=192.168.7.15;oport=57752;oproto=smtp;soapId=688cb579;] SoapEngine - handler exception: "
                + "authentication failed for [toto.tata], account not found").one();
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.service()).isEqualTo("smtp");
        assertThat(e.account()).isEqualTo("toto.tata");
    }

    @Test
    void auditSuccessesAndFailure() {
        Fixture f = Fixture.lines(
                "2015-03-26 21:51:36,505 INFO  [Pop3Server-13] [ip=172.16.0.3;oip=200.111.128.196;] security - cmd=Auth; "
                        + "account=jbarrera@example.com; protocol=pop3;",
                "2025-09-19 19:40:17,304 INFO  [qtp1279309678-18:https://zimbra.example.net/service/soap/] [name=login@example.net;"
                        + "oip=1.2.3.4, 5.6.7.8;port=47834;ua=BlueMail 1.140 devip=1.2.3.4 ZPZB/74;soapId=56847ec2;] security - "
                        + "cmd=Auth; account=login@example.net; protocol=zsync;",
                "2026-09-01 00:15:45,087 WARN  [qtp1:https:https://mail.example.local:7073/service/admin/soap/] "
                        + "[name=admin@example.local;oip=203.0.113.5;oport=51288;oproto=smtp;] security - cmd=Auth; "
                        + "account=admin@example.local; protocol=soap; error=authentication failed for [admin], invalid password;",
                "2026-09-01 00:16:00,000 INFO  [qtp1-2:https://mail.example.local:7071/service/admin/soap/AuthRequest] "
                        + "[name=admin@example.local;ip=198.51.100.3;ua=ZimbraWebClient;] security - cmd=AdminAuth; account=admin@example.local;",
                "2026-09-01 00:17:00,000 INFO  [qtp1-3] [name=a@example.local;] security - cmd=ChangePassword; account=a@example.local;");
        assertThat(f.events).hasSize(4);
        assertThat(f.stats().ignored()).isEqualTo(1);
        AuthEvent pop = f.events.get(0);
        assertThat(pop.isSuccess()).isTrue();
        assertThat(pop.service()).isEqualTo("pop3");
        assertThat(pop.source()).isEqualTo("200.111.128.196");
        assertThat(pop.account()).isEqualTo("jbarrera@example.com");
        AuthEvent sync = f.events.get(1);
        assertThat(sync.service()).isEqualTo("activesync");
        assertThat(sync.source()).isEqualTo("1.2.3.4");
        AuthEvent failed = f.events.get(2);
        assertThat(failed.isFailure()).isTrue();
        assertThat(failed.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(failed.account()).isEqualTo("admin@example.local");
        assertThat(failed.service()).isEqualTo("smtp");
        assertThat(f.events.get(3).service()).isEqualTo("admin");
        assertThat(f.events.get(3).source()).isEqualTo("198.51.100.3");
    }

    @Test
    void userAgentCannotPoseAsTheAddress() {
        AuthEvent e = Fixture.lines("2026-09-01 00:16:00,000 INFO  [qtp1-2:https://m.example/service/soap/] "
                + "[name=a@example.local;ua=evil ip=6.6.6.6;] security - cmd=Auth; account=a@example.local; protocol=soap;").one();
        assertThat(e.source()).isNull();
    }

    @Test
    void oneFailureInAuditAndMailboxLogsCountsOnce() {
        Fixture f = Fixture.lines(
                "2026-09-01 00:15:45,087 WARN  [qtp1] [name=a@example.local;oip=203.0.113.5;soapId=abc1;] security - cmd=Auth; "
                        + "account=a@example.local; protocol=soap; error=authentication failed for [a@example.local], invalid password;",
                "2026-09-01 00:15:45,088 INFO  [qtp1] [name=a@example.local;oip=203.0.113.5;soapId=abc1;] SoapEngine - handler "
                        + "exception: authentication failed for [a@example.local], invalid password");
        assertThat(f.events).extracting(AuthEvent::attempts).containsExactly(1, 0);
    }

    @Test
    void crowdsecFixturesReadCompletely() {
        Fixture bf = Fixture.thirdParty("crowdsec-hub/zimbra-bf_zimbra-bf.log");
        assertThat(bf.stats().unparsed()).isZero();
        assertThat(bf.events).hasSize(7).allSatisfy(e -> assertThat(e.source()).isEqualTo("192.168.7.15"));
        assertThat(bf.attempts()).isEqualTo(7);
        assertThat(bf.events).filteredOn(e -> e.reason() == Reason.UNKNOWN_ACCOUNT).hasSize(6);

        Fixture logs = Fixture.thirdParty("crowdsec-hub/zimbra-logs_zimbra-logs.log");
        assertThat(logs.stats().unparsed()).isZero();
        assertThat(logs.stats().ignored()).isEqualTo(1); // a handler exception that is not about a login
        assertThat(logs.events).extracting(AuthEvent::account).containsExactly("toto@test.fr", "toto.tata", "toto@test.fr");
    }
}
