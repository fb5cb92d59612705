package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import dev.portcullis.ingest.Fixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class M365AuditParserTest {

    private static final String FAILED = "{\"CreationTime\":\"2023-07-12T12:38:43\",\"Id\":\"f8a2e606-0001\","
            + "\"Operation\":\"UserLoginFailed\",\"RecordType\":15,\"ResultStatus\":\"Failed\",\"Workload\":\"AzureActiveDirectory\","
            + "\"ClientIP\":\"2a09:bac1:820:8::1a:9c\",\"UserId\":\"Miriam@contoso.onmicrosoft.com\","
            + "\"ExtendedProperties\":[{\"Name\":\"ResultStatusDetail\",\"Value\":\"UserError\"},"
            + "{\"Name\":\"UserAgent\",\"Value\":\"python-requests/2.28.2\"}],"
            + "\"ErrorNumber\":\"%s\",\"LogonError\":\"InvalidUserNameOrPassword\"}";

    private static AuthEvent withCode(String code) {
        return Fixture.lines(String.format(FAILED, code)).one();
    }

    @Test
    void failedLoginLineYieldsTimeAccountSourceAgentAndBadPassword() {
        AuthEvent e = withCode("50126");
        assertThat(e.time()).isEqualTo(Instant.parse("2023-07-12T12:38:43Z"));
        assertThat(e.account()).isEqualTo("miriam@contoso.onmicrosoft.com");
        assertThat(e.accountRaw()).isEqualTo("Miriam@contoso.onmicrosoft.com");
        assertThat(e.source()).isEqualTo("2a09:bac1:820:8::1a:9c");
        assertThat(e.result()).isEqualTo(Result.FAILURE);
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.userAgent()).isEqualTo("python-requests/2.28.2");
        assertThat(e.service()).isEqualTo("sso");
        assertThat(e.format()).isEqualTo("m365");
    }

    @Test
    void errorCodesMapToReasons() {
        assertThat(withCode("50053").reason()).isEqualTo(Reason.LOCKED);
        assertThat(withCode("50034").reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(withCode("50057").reason()).isEqualTo(Reason.DISABLED);
        assertThat(withCode("99999").reason()).isEqualTo(Reason.UNSPECIFIED);
        assertThat(withCode("99999").isFailure()).isTrue();
    }

    @Test
    void mfaOrConditionalAccessAfterTheRightPasswordIsASuccess() {
        for (String mfa : new String[] {"50074", "50076", "50079", "50158"}) {
            AuthEvent e = withCode(mfa);
            assertThat(e.result()).as(mfa).isEqualTo(Result.SUCCESS);
            assertThat(e.reason()).as(mfa).isEqualTo(Reason.MFA_REQUIRED);
        }
        AuthEvent ca = withCode("53003");
        assertThat(ca.result()).isEqualTo(Result.SUCCESS);
        assertThat(ca.reason()).isEqualTo(Reason.POLICY);
        AuthEvent expired = withCode("50055");
        assertThat(expired.result()).isEqualTo(Result.SUCCESS);
        assertThat(expired.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void addressWithPortAndActorAddressFallback() {
        String r = "{\"CreationTime\":\"2026-01-02T03:04:05\",\"Operation\":\"UserLoggedIn\",\"Workload\":\"AzureActiveDirectory\","
                + "\"RecordType\":15,\"ClientIP\":\"%s\",\"ActorIpAddress\":\"198.51.100.9\",\"UserId\":\"a@example.org\",\"ErrorNumber\":\"0\"}";
        assertThat(Fixture.lines(String.format(r, "203.0.113.4:51234")).one().source()).isEqualTo("203.0.113.4");
        assertThat(Fixture.lines(String.format(r, "[2001:DB8::5]:443")).one().source()).isEqualTo("2001:db8::5");
        assertThat(Fixture.lines(String.format(r, "")).one().source()).isEqualTo("198.51.100.9");
        assertThat(Fixture.lines(String.format(r, "")).one().isSuccess()).isTrue();
    }

    @Test
    void otherOperationsAreRecognisedAndIgnored() {
        Fixture f = Fixture.lines("{\"CreationTime\":\"2026-01-02T03:04:05\",\"Id\":\"x\",\"Operation\":\"MailItemsAccessed\","
                + "\"RecordType\":50,\"Workload\":\"Exchange\",\"UserId\":\"a@example.org\",\"ClientIPAddress\":\"192.0.2.1\"}",
                "{\"CreationTime\":\"2026-01-02T03:04:06\",\"Id\":\"y\",\"Operation\":\"New-InboxRule\",\"RecordType\":1,"
                + "\"Workload\":\"Exchange\",\"UserId\":\"a@example.org\"}");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(2);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void msolsprayPowershellSprayHasTenFailuresAndOneSuccess() {
        Fixture f = Fixture.thirdParty("m365/t1110.003_msolspray-powershell.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).filteredOn(AuthEvent::isFailure).hasSize(10)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD));
        assertThat(f.events).filteredOn(AuthEvent::isSuccess).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("lidia@contoso.onmicrosoft.com");
            assertThat(e.source()).isEqualTo("2a09:bac1:820:8::1a:9c");
            assertThat(e.time()).isEqualTo(Instant.parse("2023-07-12T12:38:42Z"));
            assertThat(e.session()).isEqualTo("d44730a8-bafe-475d-abcd-e87c52a76417");
        });
        assertThat(f.events).extracting(AuthEvent::source).containsOnly("2a09:bac1:820:8::1a:9c");
    }

    @Test
    void msolsprayPythonSprayHasEightFailuresAndOneSuccess() {
        Fixture f = Fixture.thirdParty("m365/t1110.003_msolspray-python.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).filteredOn(AuthEvent::isFailure).hasSize(8);
        assertThat(f.events).filteredOn(AuthEvent::isSuccess).extracting(AuthEvent::account)
                .containsExactly("lidia@contoso.onmicrosoft.com");
        assertThat(f.events).extracting(AuthEvent::userAgent).containsOnly("python-requests/2.28.2");
    }

    @Test
    void o365sprayDefaultSuccessIsTheResourceNotFoundAfterTheRightPassword() {
        Fixture f = Fixture.thirdParty("m365/t1110.003_o365spray_default.json");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).filteredOn(AuthEvent::isFailure).hasSize(8);
        assertThat(f.events).filteredOn(AuthEvent::isSuccess).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("henrietta@contoso.onmicrosoft.com");
            assertThat(e.reason()).isEqualTo(Reason.POLICY);
            assertThat(e.time()).isEqualTo(Instant.parse("2023-07-23T12:13:33Z"));
        });
    }

    @Test
    void o365sprayReportingDuplicatesCountOnce() {
        Fixture f = Fixture.thirdParty("m365/t1110.003_o365spray_reporting.json");
        assertThat(f.stats().lines()).isEqualTo(14);
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(7);
        assertThat(f.events).filteredOn(AuthEvent::isFailure).hasSize(6);
        assertThat(f.events).filteredOn(AuthEvent::isSuccess).extracting(AuthEvent::account)
                .containsExactly("henrietta@contoso.onmicrosoft.com");
    }

    @Test
    void tableOfSeenIdsIsBoundedAndForgetsTheOldest() {
        String r = "{\"CreationTime\":\"2026-01-02T03:04:05\",\"Id\":\"%s\",\"Operation\":\"UserLoginFailed\","
                + "\"Workload\":\"AzureActiveDirectory\",\"UserId\":\"a@example.org\",\"ErrorNumber\":\"50126\"}\n";
        StringBuilder text = new StringBuilder(String.format(r, "first")).append(String.format(r, "first"));
        for (int i = 0; i < M365AuditParser.SEEN_IDS; i++) {
            text.append(String.format(r, "flood-" + i));
        }
        text.append(String.format(r, "first"));
        Fixture f = Fixture.text(text.toString());
        assertThat(f.stats().ignored()).as("the repeat read while remembered").isEqualTo(1);
        assertThat(f.events).hasSize(M365AuditParser.SEEN_IDS + 2);
    }

    @Test
    void csvExportWithAuditDataColumn() {
        Fixture f = Fixture.thirdParty("m365/t1110.003_msolspraywithsuccess_1.csv");
        assertThat(f.stats().lines()).isEqualTo(10);
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).filteredOn(AuthEvent::isFailure).hasSize(8)
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("2a09:bac5:113:105::1a:a7"));
        AuthEvent first = f.events.get(0);
        assertThat(first.account()).isEqualTo("adele@contoso.onmicrosoft.com");
        assertThat(first.time()).isEqualTo(Instant.parse("2023-06-14T13:14:02Z"));
        assertThat(first.userAgent()).startsWith("Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell");
        assertThat(f.events).filteredOn(AuthEvent::isSuccess).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("miriam@contoso.onmicrosoft.com");
            assertThat(e.time()).isEqualTo(Instant.parse("2023-06-14T13:09:23Z"));
        });
    }

    @Test
    void mfaSweepCsvIsEightSuccessesIncludingKeepMeSignedInInterrupts() {
        Fixture f = Fixture.thirdParty("m365/t1592.004_mfa_sweep.csv");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.events).hasSize(8).allSatisfy(e -> {
            assertThat(e.isSuccess()).isTrue();
            assertThat(e.account()).isEqualTo("lidia@contoso.onmicrosoft.com");
        });
        assertThat(f.events).extracting(AuthEvent::source).containsOnly("104.28.196.199", "2a09:bac5:117:105::1a:de");
    }

    @Test
    void jsonArrayOfRecords() {
        Fixture f = Fixture.text("[\n" + String.format(FAILED, "50126") + ",\n"
                + String.format(FAILED, "0").replace("f8a2e606-0001", "f8a2e606-0002").replace("UserLoginFailed", "UserLoggedIn")
                + "\n]\n");
        assertThat(f.events).extracting(AuthEvent::result).containsExactly(Result.FAILURE, Result.SUCCESS);
    }

    @Test
    void csvRowWithInvalidAuditDataIsUnparsedNotFatal() {
        Fixture f = Fixture.lines("\"RecordType\",\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\"",
                "\"AzureActiveDirectoryStsLogon\",\"6/14/2023 1:14:02 PM\",\"a@example.org\",\"UserLoginFailed\",\"{not json\"",
                "\"ExchangeItem\",\"6/14/2023 1:14:02 PM\",\"a@example.org\",\"MailItemsAccessed\",\"{}\"");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().unparsed()).isEqualTo(1);
        assertThat(f.stats().ignored()).isEqualTo(2);
    }
}
