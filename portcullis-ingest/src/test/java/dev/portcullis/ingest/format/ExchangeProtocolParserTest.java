package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static dev.portcullis.ingest.format.WindowsXmlParserTest.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExchangeProtocolParserTest {

    @ParameterizedTest
    @CsvSource({
        "exchange-imap-bf_exchange-imap-bf.log, 7, imap, testuser, 2022-07-20T21:28:50.530Z",
        "exchange-imap-logs_exchange-imap-logs.log, 1, imap, testuser, 2022-07-20T21:28:50.530Z",
        "exchange-pop-bf_exchange-pop-bf.log, 8, pop3, testuser, 2022-07-20T21:23:48.514Z",
        "exchange-pop-logs_exchange-pop-logs.log, 1, pop3, testuser, 2022-07-20T21:23:48.514Z",
        "exchange-smtp-bf_exchange-smtp-bf.log, 9, smtp, , 2022-07-20T21:12:06.270Z",
        "exchange-smtp-logs_exchange-smtp-logs.log, 1, smtp, , 2022-07-20T21:12:06.270Z",
    })
    void everyCrowdsecLineIsAFailedLogin(String file, int count, String service, String account, String time) {
        Fixture f = Fixture.thirdParty("crowdsec-hub/" + file);
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(count).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo(service);
            assertThat(e.account()).isEqualTo(account);
            assertThat(e.source()).isEqualTo("192.168.9.212");
            assertThat(e.result()).isEqualTo(Result.FAILURE);
            assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
            assertThat(e.time()).isEqualTo(Instant.parse(time));
            assertThat(e.format()).isEqualTo("exchange");
            assertThat(e.session()).isNotBlank();
        });
    }

    @Test
    void smtpReceiveSuccessTakesTheAccountOfTheAuthenticatedLine() {
        Fixture f = Fixture.file(OWN.resolve("exchange-smtp-receive.log"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::time, AuthEvent::account, AuthEvent::source, AuthEvent::result,
                        AuthEvent::session)
                .containsExactly(
                        tuple(Instant.parse("2026-03-07T09:00:00.172Z"), "corp\\leo", "203.0.113.30", Result.SUCCESS, "08DE5A1B2C3D4E5F"),
                        tuple(Instant.parse("2026-03-07T09:01:00.010Z"), null, "2001:db8::66", Result.FAILURE, "08DE5A1B2C3D4E60"));
    }

    @Test
    void saslPayloadsNeverReachAnEvent() {
        Fixture f = Fixture.file(OWN.resolve("exchange-smtp-receive.log"));
        StringBuilder sb = new StringBuilder();
        EventJson json = new EventJson();
        f.events.forEach(e -> json.write(e, sb));
        assertThat(sb.toString()).doesNotContain("AGxlbwBXcm9uZ1Bhc3MxIQ").doesNotContain("WrongPass");
    }

    @Test
    void imapLog() {
        Fixture f = Fixture.file(OWN.resolve("exchange-imap.log"));
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).extracting(AuthEvent::account, AuthEvent::source, AuthEvent::result, AuthEvent::reason)
                .containsExactly(
                        tuple("mia@example.org", "203.0.113.40", Result.SUCCESS, Reason.NONE),
                        tuple("nora", "198.51.100.50", Result.FAILURE, Reason.BAD_PASSWORD),
                        tuple("oscar", "198.51.100.50", Result.FAILURE, Reason.UNSPECIFIED),
                        tuple("pete@example.org", "2001:db8::50", Result.FAILURE, Reason.DISABLED));
        assertThat(f.events).allSatisfy(e -> {
            assertThat(e.service()).isEqualTo("imap");
            assertThat(e.accountRaw()).doesNotContain("*");
        });
    }

    @Test
    void pop3UserThenPass() {
        Fixture f = Fixture.file(OWN.resolve("exchange-pop3.log"));
        assertThat(f.stats().unparsed()).isZero();
        AuthEvent e = f.one();
        assertThat(e.service()).isEqualTo("pop3");
        assertThat(e.account()).isEqualTo("quinn@example.org");
        assertThat(e.source()).isEqualTo("203.0.113.41");
        assertThat(e.isSuccess()).isTrue();
    }

    @Test
    void aLineThatBreaksTheAnnouncedLayoutIsUnparsed() {
        Fixture f = Fixture.lines("#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context",
                "2026-03-07T09:00:00.123Z,only,three");
        assertThat(f.stats().unparsed()).isEqualTo(1);
    }

    @Test
    void otherExchangeLogsAreIgnoredNotUnparsed() {
        Fixture f = Fixture.lines("#Software: Microsoft Exchange Server", "#Log-type: Message Tracking Log",
                "#Fields: date-time,client-ip,client-hostname,server-ip",
                "2026-03-07T09:00:00.123Z,203.0.113.1,host,10.0.0.5");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isZero();
    }
}
