package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.ingest.Fixture;
import dev.portcullis.ingest.Ingest;
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

class KeycloakParserTest {

    @Test
    void abbreviatedCategoryLineWithUnknownUser() {
        AuthEvent e = Fixture.lines("2023-05-25 22:24:19,357 WARN  [org.key.events] (executor-thread-3121) type=LOGIN_ERROR, "
                + "realmId=keycloak, clientId=myweb-site, userId=null, ipAddress=192.168.1.2, error=user_not_found, "
                + "auth_method=openid-connect, auth_type=code, redirect_uri=https://exemple.com/, "
                + "code_id=8924e83e-4b25-45e0-8bea-c509bebbeea4, username=user-a, "
                + "authSessionParentId=8924e83e-4b25-45e0-8bea-c509bebbeea3, authSessionTabId=xxxxxxxx").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2023-05-25T22:24:19.357Z"));
        assertThat(e.account()).isEqualTo("user-a");
        assertThat(e.source()).isEqualTo("192.168.1.2");
        assertThat(e.isFailure()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(e.session()).isEqualTo("8924e83e-4b25-45e0-8bea-c509bebbeea4");
        assertThat(e.service()).isEqualTo("sso");
        assertThat(e.format()).isEqualTo("keycloak");
    }

    @Test
    void quotedValuesOfKeycloak24() {
        AuthEvent e = Fixture.lines("2024-05-08 06:16:19,457 WARN  [org.keycloak.events] (executor-thread-1) type=\"LOGIN_ERROR\", "
                + "realmId=\"8735605f\", clientId=\"am-qa\", userId=\"null\", ipAddress=\"192.168.1.4\", error=\"invalid_user_credentials\", "
                + "redirect_uri=\"https://x.example/cb?a=1, username=forged\", username=\"Admin\"").one();
        assertThat(e.account()).isEqualTo("admin");
        assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(e.source()).isEqualTo("192.168.1.4");
    }

    @Test
    void successUsesTheUsernameDetailAndSessionId() {
        AuthEvent e = Fixture.lines("2026-11-23 14:02:19,402 INFO  [org.keycloak.events] (executor-thread-7) type=LOGIN, "
                + "realmId=staff, clientId=account-console, userId=3b2c1d0e, sessionId=71f0e2d3, ipAddress=203.0.113.61, "
                + "auth_method=openid-connect, username=alice, code_id=71f0e2d3").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.account()).isEqualTo("alice");
        assertThat(e.session()).isEqualTo("71f0e2d3");
    }

    @Test
    void errorsMapToReasonsAndNonPasswordErrorsAreIgnored() {
        String line = "2026-11-23 14:02:19,402 WARN  [org.keycloak.events] (t) type=LOGIN_ERROR, realmId=r, clientId=c, "
                + "userId=u1, ipAddress=203.0.113.61, error=%s, username=bob";
        assertThat(Fixture.lines(String.format(line, "user_temporarily_disabled")).one().reason()).isEqualTo(Reason.LOCKED);
        assertThat(Fixture.lines(String.format(line, "user_disabled")).one().reason()).isEqualTo(Reason.DISABLED);
        assertThat(Fixture.lines(String.format(line, "something_new")).one().reason()).isEqualTo(Reason.UNSPECIFIED);
        Fixture expired = Fixture.lines(String.format(line, "expired_code"), String.format(line, "cookie_not_found"));
        assertThat(expired.events).isEmpty();
        assertThat(expired.stats().ignored()).isEqualTo(2);
    }

    @Test
    void otherKeycloakLinesAreIgnoredAndOtherEventTypesToo() {
        Fixture f = Fixture.lines(
                "2026-11-23 14:00:00,001 INFO  [org.keycloak.services] (main) KC-SERVICES0050: Initializing master realm",
                "2026-11-23 14:00:01,001 DEBUG [org.keycloak.events] (t) type=CODE_TO_TOKEN, realmId=r, clientId=c, userId=u, ipAddress=1.2.3.4",
                "2026-11-23 14:00:02,001 DEBUG [org.keycloak.events] (t) operationType=CREATE, realmId=r, clientId=c",
                "2026-11-23 14:00:03,001 INFO  [io.quarkus] (main) Keycloak 26.0.0 on JVM started in 9.1s.");
        assertThat(f.events).isEmpty();
        assertThat(f.stats().ignored()).isEqualTo(4);
        assertThat(f.stats().unparsed()).isZero();
    }

    @Test
    void stampWithoutZoneIsReadInTheConfiguredZone() throws IOException {
        Ingest ingest = new Ingest(0, ZoneId.of("Europe/Paris"));
        List<AuthEvent> events = new ArrayList<>();
        byte[] bytes = ("2026-07-01 12:00:00,000 WARN  [org.keycloak.events] (t) type=LOGIN_ERROR, realmId=r, clientId=c, "
                + "userId=null, ipAddress=192.0.2.1, error=user_not_found, username=x\n").getBytes(StandardCharsets.UTF_8);
        ingest.read(new Input("k.log", null, Fixture.REFERENCE, new ByteArrayInputStream(bytes)), events::add);
        assertThat(events).singleElement().extracting(AuthEvent::time).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    }

    @Test
    void eventThroughSyslogUsesTheEnvelope() {
        AuthEvent e = Fixture.lines("2026-11-23T14:02:11.128+00:00 sso-1 keycloak[812]: 2026-11-23 14:02:11,128 WARN  "
                + "[org.keycloak.events] (executor-thread-7) type=LOGIN_ERROR, realmId=staff, clientId=c, userId=null, "
                + "ipAddress=203.0.113.61, error=user_not_found, username=root").one();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-23T14:02:11.128Z"));
        assertThat(e.account()).isEqualTo("root");
    }

    @Test
    void eventOfAnUnknownProgramIsSniffedButAuditdLoginIsNot() {
        Fixture f = Fixture.lines(
                "Nov 23 14:02:11 sso-1 java[812]: type=LOGIN_ERROR, realmId=staff, clientId=c, userId=null, "
                        + "ipAddress=203.0.113.61, error=invalid_user_credentials, username=eve",
                "Nov 23 14:02:12 sso-1 audispd: node=sso-1 type=LOGIN msg=audit(1700000000.000:1): pid=1 uid=0 old-auid=4294967295 auid=0");
        assertThat(f.events).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("eve");
            assertThat(e.reason()).isEqualTo(Reason.BAD_PASSWORD);
            assertThat(e.time()).isEqualTo(Instant.parse("2026-11-23T14:02:11Z"));
        });
    }

    @Test
    void eventThroughJournald() {
        AuthEvent e = Fixture.lines("{\"__REALTIME_TIMESTAMP\":\"1795442531128000\",\"_HOSTNAME\":\"sso-1\","
                + "\"SYSLOG_IDENTIFIER\":\"keycloak\",\"_PID\":\"812\",\"MESSAGE\":\"type=LOGIN, realmId=staff, "
                + "clientId=c, userId=42, ipAddress=198.51.100.3, username=carol\"}").one();
        assertThat(e.isSuccess()).isTrue();
        assertThat(e.account()).isEqualTo("carol");
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1795442531128L));
    }

    @Test
    void jsonLogFormat() {
        Fixture f = OwnFixtures.read("keycloak/keycloak-json.log");
        assertThat(f.stats().unparsed()).isZero();
        assertThat(f.stats().ignored()).isEqualTo(2); // a services line, an expired code
        assertThat(f.events).hasSize(3);
        AuthEvent bad = f.events.get(0);
        assertThat(bad.time()).isEqualTo(Instant.parse("2026-11-23T14:02:11.128Z"));
        assertThat(bad.account()).isEqualTo("alice");
        assertThat(bad.reason()).isEqualTo(Reason.BAD_PASSWORD);
        assertThat(bad.source()).isEqualTo("203.0.113.61");
        assertThat(f.events.get(1).isSuccess()).isTrue();
        assertThat(f.events.get(1).session()).isEqualTo("71f0e2d3-0000-4000-8000-000000000009");
        AuthEvent unknown = f.events.get(2);
        assertThat(unknown.time()).isEqualTo(Instant.parse("2026-11-23T13:04:45Z"));
        assertThat(unknown.source()).isEqualTo("2001:db8::beef");
        assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void crowdsecFixturesReadCompletely() {
        Fixture bf = Fixture.thirdParty("crowdsec-hub/keycloak-bf_keycloak-logs.log");
        assertThat(bf.stats().unparsed()).isZero();
        assertThat(bf.events).hasSize(10).allSatisfy(e -> {
            assertThat(e.isFailure()).isTrue();
            assertThat(e.source()).isEqualTo("192.168.1.2");
        });
        assertThat(bf.events).filteredOn(e -> e.reason() == Reason.UNKNOWN_ACCOUNT).hasSize(3);
        assertThat(bf.events).filteredOn(e -> e.reason() == Reason.BAD_PASSWORD).hasSize(7);
        assertThat(bf.events.get(9).account()).isEqualTo("user-a11");

        Fixture logs = Fixture.thirdParty("crowdsec-hub/keycloak-logs_keycloak-logs.log");
        assertThat(logs.stats().unparsed()).isZero();
        assertThat(logs.events).hasSize(7);
        assertThat(logs.events.get(6).account()).isEqualTo("admindeddeedede");
        assertThat(logs.events.get(6).source()).isEqualTo("192.168.1.4");
        assertThat(logs.events.get(4).time()).isEqualTo(Instant.parse("2024-05-06T20:40:16.353Z"));
    }
}
