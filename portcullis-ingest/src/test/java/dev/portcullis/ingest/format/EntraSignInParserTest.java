package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EntraSignInParserTest {

    @Test
    void graphJsonArrayDownload() {
        Fixture f = OwnFixtures.read("entra/graph-signins.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(6);
        AuthEvent imap = f.events.get(0);
        assertThat(imap.time()).isEqualTo(Instant.parse("2026-11-20T08:14:03Z"));
        assertThat(imap.account()).isEqualTo("alice@example.org");
        assertThat(imap.source()).isEqualTo("203.0.113.45");
        assertThat(imap.service()).isEqualTo("imap");
        assertThat(imap.result()).isEqualTo(Result.FAILURE);
        assertThat(imap.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(imap.userAgent()).isNull();
        assertThat(imap.session()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(imap.format()).isEqualTo("entra");

        assertThat(f.events.get(1).time()).isEqualTo(Instant.parse("2026-11-20T08:14:09.1234567Z"));
        assertThat(f.events).extracting(AuthEvent::service)
                .containsExactly("imap", "smtp", "pop3", "web", "modern", "activesync");
        assertThat(f.events).extracting(AuthEvent::reason).containsExactly(Reason.BAD_PASSWORD, Reason.LOCKED,
                Reason.UNKNOWN_ACCOUNT, Reason.MFA_REQUIRED, Reason.POLICY, Reason.NONE);
        // MFA demanded and conditional access both come after the right password
        assertThat(f.events).extracting(AuthEvent::result).containsExactly(Result.FAILURE, Result.FAILURE,
                Result.FAILURE, Result.SUCCESS, Result.SUCCESS, Result.SUCCESS);
        assertThat(f.events.get(3).source()).isEqualTo("2001:db8:4:5::17");
        assertThat(f.events.get(3).userAgent()).startsWith("Mozilla/5.0 (X11; Linux x86_64");
    }

    @Test
    void azureMonitorDiagnosticRecords() {
        Fixture f = OwnFixtures.read("entra/azure-monitor-signins.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(1); // the service principal's sign-in
        assertThat(f.events).hasSize(3);
        AuthEvent bad = f.events.get(0);
        assertThat(bad.time()).isEqualTo(Instant.parse("2026-11-21T10:00:01.5Z"));
        assertThat(bad.account()).isEqualTo("erin@example.org");
        assertThat(bad.source()).isEqualTo("198.51.100.23");
        assertThat(bad.service()).isEqualTo("ews");
        assertThat(bad.userAgent()).isEqualTo("python-requests/2.32.3");
        assertThat(bad.reason()).isEqualTo(Reason.BAD_PASSWORD);
        AuthEvent mfa = f.events.get(1);
        assertThat(mfa.isSuccess()).isTrue();
        assertThat(mfa.reason()).isEqualTo(Reason.MFA_REQUIRED);
        assertThat(mfa.session()).isEqualTo("5e55e55e-0000-4000-8000-000000000002");
        assertThat(f.events.get(2).isSuccess()).isTrue();
        assertThat(f.events.get(2).account()).isEqualTo("gina@example.org");
    }

    @Test
    void azureMonitorEnvelopeFillsWhatPropertiesLack() {
        AuthEvent e = Fixture.lines("{\"time\":\"2026-11-21T10:00:01Z\",\"category\":\"SignInLogs\",\"resultType\":\"50053\","
                + "\"callerIpAddress\":\"198.51.100.24\",\"properties\":{\"userPrincipalName\":\"h@example.org\"}}").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-21T10:00:01Z"));
        assertThat(e.source()).isEqualTo("198.51.100.24");
        assertThat(e.reason()).isEqualTo(Reason.LOCKED);
        assertThat(e.service()).isNull();
    }

    @Test
    void logAnalyticsExportRow() {
        AuthEvent e = Fixture.lines("{\"TimeGenerated\":\"2026-11-21T11:00:00.123Z\",\"ResultType\":\"50126\","
                + "\"UserPrincipalName\":\"Ivy@Example.org\",\"IPAddress\":\"192.0.2.44\",\"ClientAppUsed\":\"POP3\","
                + "\"UserAgent\":\"curl/8.5\",\"CorrelationId\":\"c1\"}").one();
        assertThat(e.account()).isEqualTo("ivy@example.org");
        assertThat(e.service()).isEqualTo("pop3");
        assertThat(e.session()).isEqualTo("c1");
        assertThat(e.isFailure()).isTrue();
    }

    @Test
    void sameSignInInTwoExportsCountsOnce() {
        String r = "{\"id\":\"dup-1\",\"createdDateTime\":\"2026-11-20T08:14:03Z\",\"userPrincipalName\":\"a@example.org\","
                + "\"ipAddress\":\"203.0.113.45\",\"status\":{\"errorCode\":50126}}";
        Fixture f = Fixture.lines(r, r);
        assertThat(f.events).hasSize(1);
        assertThat(f.stats().ignored()).isEqualTo(1);
    }

    @Test
    void graphUsersExportIsNotMistakenForSignIns() {
        Fixture f = Fixture.lines("{\"id\":\"u1\",\"createdDateTime\":\"2020-01-01T00:00:00Z\","
                + "\"userPrincipalName\":\"a@example.org\",\"displayName\":\"A\"}");
        assertThat(f.events).isEmpty();
    }

    @Test
    void silentSignInNeedingInteractionIsNotAGuess() {
        AuthEvent e = Fixture.lines("{\"id\":\"s1\",\"createdDateTime\":\"2026-11-20T08:14:03Z\",\"userPrincipalName\":\"a@example.org\","
                + "\"ipAddress\":\"203.0.113.45\",\"status\":{\"errorCode\":50058}}").one();
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.ABORTED);
        assertThat(e.attempts()).isZero();
    }

    @Test
    void portalCsvDownloadFindsColumnsByName() {
        Fixture f = OwnFixtures.read("entra/portal-signins.csv");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(4);
        AuthEvent first = f.events.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-22T07:30:01Z"));
        assertThat(first.account()).isEqualTo("alice@example.org");
        assertThat(first.source()).isEqualTo("203.0.113.99");
        assertThat(first.service()).isEqualTo("imap");
        assertThat(first.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(first.session()).isEqualTo("e5f6a7b8-0001-4000-8000-000000000001");
        AuthEvent mfa = f.events.get(2);
        assertThat(mfa.result()).isEqualTo(Result.SUCCESS);
        assertThat(mfa.reason()).isEqualTo(Reason.MFA_REQUIRED);
        assertThat(mfa.userAgent()).contains("Chrome/131");
        assertThat(mfa.session()).isEqualTo("5e55e55e-0000-4000-8000-0000000000c3");
        AuthEvent ok = f.events.get(3);
        assertThat(ok.isSuccess()).isTrue();
        assertThat(ok.account()).isEqualTo("bob@example.org");
        assertThat(ok.service()).isEqualTo("modern");
    }

    @Test
    void portalCsvWithUsStyleDatesAndStatusOnly() {
        Fixture f = Fixture.lines("\"Date (UTC)\",\"Username\",\"IP address\",\"Status\",\"Sign-in error code\"",
                "\"7/12/2023, 12:38:43 PM\",\"a@example.org\",\"192.0.2.1\",\"Failure\",\"\"",
                "\"7/12/2023, 12:05:00 AM\",\"b@example.org\",\"192.0.2.1\",\"Success\",\"\"");
        assertThat(f.events).hasSize(2);
        assertThat(f.events.get(0).time()).isEqualTo(Instant.parse("2023-07-12T12:38:43Z"));
        assertThat(f.events.get(0).reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(f.events.get(1).time()).isEqualTo(Instant.parse("2023-07-12T00:05:00Z"));
        assertThat(f.events.get(1).isSuccess()).isTrue();
    }

    @Test
    void csvCellSpanningLinesIsAssembled() {
        Fixture f = Fixture.lines("Date (UTC),Username,IP address,Status,Sign-in error code,Failure reason",
                "2026-11-22T07:30:01Z,a@example.org,192.0.2.1,Failure,50126,\"first line",
                "second line, with a comma\"",
                "2026-11-22T07:30:02Z,b@example.org,192.0.2.1,Failure,50034,");
        assertThat(f.events).extracting(AuthEvent::account).containsExactly("a@example.org", "b@example.org");
        assertThat(f.events.get(1).line()).isEqualTo(4);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void unterminatedQuoteIsGivenUpOnWithoutSwallowingTheInput() {
        StringBuilder text = new StringBuilder("Date (UTC),Username,IP address,Status,Sign-in error code\n");
        text.append("2026-11-22T07:30:01Z,a@example.org,192.0.2.1,Failure,\"50126\n");
        for (int i = 0; i < 1100; i++) {
            text.append("junk ").append(i).append('\n');
        }
        text.append("2026-11-22T07:30:02Z,b@example.org,192.0.2.1,Failure,50034\n");
        Fixture f = Fixture.text(text.toString());
        assertThat(f.stats().unparsed()).isPositive();
        assertThat(f.events).extracting(AuthEvent::account).containsExactly("b@example.org");
    }
}
