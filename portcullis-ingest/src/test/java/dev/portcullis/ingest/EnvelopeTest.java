package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.read.Input;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Syslog envelopes: RFC 3164 (year inference, zones), RFC 3339, RFC 5424, journald JSON. */
class EnvelopeTest {
    private static final String MSG = "dovecot: auth: passwd-file(bob,10.0.0.1,<a>): Password mismatch";

    private static List<AuthEvent> read(String text, Instant reference, int year, ZoneId zone) throws IOException {
        Ingest ingest = new Ingest(year, zone);
        List<AuthEvent> out = new ArrayList<>();
        ingest.read(new Input("t", null, reference, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), out::add);
        return out;
    }

    @Test
    void rfc3164YearComesFromTheFileTimeAndRollsBackOverNewYear() throws IOException {
        Instant jan = Instant.parse("2027-01-02T08:00:00Z");
        List<AuthEvent> e = read("Dec 31 23:59:59 mx1 " + MSG + "\nJan  1 00:00:01 mx1 " + MSG + "\n", jan, 0, ZoneId.of("UTC"));
        assertThat(e).extracting(AuthEvent::time).containsExactly(
                Instant.parse("2026-12-31T23:59:59Z"), Instant.parse("2027-01-01T00:00:01Z"));
    }

    @Test
    void rfc3164WithAGivenYearAndZone() throws IOException {
        List<AuthEvent> e = read("Jun  3 10:00:00 mx1 " + MSG + "\n", Instant.now(), 2024, ZoneId.of("Europe/London"));
        assertThat(e.get(0).time()).isEqualTo(Instant.parse("2024-06-03T09:00:00Z"));
    }

    @Test
    void february29thOutsideALeapYearIsUnparsedNotAnError() throws IOException {
        List<AuthEvent> e = read("Feb 29 10:00:00 mx1 " + MSG + "\n", Instant.now(), 2026, ZoneId.of("UTC"));
        assertThat(e).isEmpty();
        List<AuthEvent> leap = read("Feb 29 10:00:00 mx1 " + MSG + "\n", Instant.now(), 2024, ZoneId.of("UTC"));
        assertThat(leap).hasSize(1);
    }

    @Test
    void rfc3339WithOffsetsAndPriority() throws IOException {
        List<AuthEvent> e = read("2024-08-26T01:33:38.572449+02:00 mx1 " + MSG + "\n<38>2024-08-26T01:33:38Z mx1 " + MSG + "\n",
                Instant.now(), 0, ZoneId.of("UTC"));
        assertThat(e).extracting(AuthEvent::time).containsExactly(
                Instant.parse("2024-08-25T23:33:38.572449Z"), Instant.parse("2024-08-26T01:33:38Z"));
    }

    @Test
    void rfc5424WithStructuredData() throws IOException {
        List<AuthEvent> e = read("<38>1 2026-11-25T10:00:00.5Z mx1 sshd 4242 - [origin ip=\"10.0.0.9\" x=\"a\\]b\"] "
                + "Failed password for root from 203.0.113.9 port 22 ssh2\n", Instant.now(), 0, ZoneId.of("UTC"));
        assertThat(e).singleElement().satisfies(x -> {
            assertThat(x.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.5Z"));
            assertThat(x.source()).isEqualTo("203.0.113.9");
            assertThat(x.account()).isEqualTo("root");
        });
    }

    @Test
    void journaldJsonRecord() {
        AuthEvent e = Fixture.lines("{\"__REALTIME_TIMESTAMP\":\"1763589089429900\",\"_HOSTNAME\":\"mx1\",\"SYSLOG_IDENTIFIER\":"
                + "\"sshd\",\"_PID\":\"77\",\"MESSAGE\":\"Accepted password for alice from 2001:db8::5 port 5555 ssh2\"}").one();
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1763589089L, 429900000L));
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.source()).isEqualTo("2001:db8::5");
    }

    @Test
    void journaldMessageAsBytes() {
        AuthEvent e = Fixture.lines("{\"__REALTIME_TIMESTAMP\":\"1763589089000000\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"MESSAGE\":"
                + "[70,97,105,108,101,100,32,112,97,115,115,119,111,114,100,32,102,111,114,32,114,111,111,116,32,102,114,111,"
                + "109,32,49,46,50,46,51,46,52,32,112,111,114,116,32,50,50,32,115,115,104,50]}").one();
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.source()).isEqualTo("1.2.3.4");
    }

    @Test
    void hostlessSyslogTag() {
        AuthEvent e = Fixture.lines("Nov 25 10:00:00 sshd[77]: Failed password for root from 203.0.113.9 port 22 ssh2").one();
        assertThat(e.source()).isEqualTo("203.0.113.9");
    }

    @Test
    void otherProgramsAreNotReadAndOtherLinesOfReadProgramsIgnoredNeitherUnparsed() {
        Fixture f = Fixture.lines("Nov 25 10:00:00 mx1 CRON[123]: (root) CMD (run-parts /etc/cron.hourly)",
                "Nov 25 10:00:00 mx1 postfix/qmgr[812]: 1A2B3C: from=<a@b.c>, size=1000, nrcpt=1 (queue active)");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(1); // postfix is read: its queue line is not about logins
        assertThat(f.stats().notRead()).isEqualTo(1); // CRON is read by nobody
        assertThat(f.stats().unparsed()).isZero();
    }
}
