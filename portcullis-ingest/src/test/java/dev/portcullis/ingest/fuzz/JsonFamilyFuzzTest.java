package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * JSON and CSV family: Microsoft 365 audit records (JSON lines, JSON arrays, CSV with AuditData), Entra
 * ID sign-ins (Graph, Azure Monitor, Log Analytics, portal CSV), Nextcloud, Keycloak's JSON log and
 * journald; the M365 mailbox records an investigation reads (MailItemsAccessed folders and items, inbox
 * rules, Set-Mailbox, UpdateInboxRules, an export's envelope). The fuzzer picks the opening of a record
 * of one of them, then writes the rest.
 */
class JsonFamilyFuzzTest {
    private static final String[] PREFIXES = {
        "{\"CreationTime\":\"2023-07-12T12:38:43\",\"Id\":\"a\",\"Operation\":\"UserLoginFailed\",\"RecordType\":15,"
                + "\"Workload\":\"AzureActiveDirectory\",\"UserId\":\"a@b\",\"ClientIP\":\"",
        "{\"CreationTime\":\"2023-07-12T12:38:43\",\"Operation\":\"UserLoggedIn\",\"RecordType\":15,\"ErrorNumber\":\"",
        "{\"CreationTime\":\"2023-07-12T12:38:43\",\"Operation\":\"UserLoginFailed\",\"Workload\":\"x\",\"ExtendedProperties\":[",
        "[{\"CreationTime\":\"2023-07-12T12:38:43\",\"Id\":\"a\",\"Operation\":\"UserLoginFailed\",\"Workload\":\"x\",\"UserId\":\"",
        "\"RecordType\",\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\"\n\"AzureActiveDirectoryStsLogon\","
                + "\"6/14/2023 1:14:02 PM\",\"a\",\"UserLoginFailed\",\"{\"\"CreationTime\"\":\"\"2023-06-14T13:14:02\"\","
                + "\"\"Operation\"\":\"\"UserLoginFailed\"\",\"\"RecordType\"\":15,",
        "{\"id\":\"1\",\"createdDateTime\":\"2026-11-20T08:14:03Z\",\"ipAddress\":\"203.0.113.45\",\"clientAppUsed\":\"IMAP4\","
                + "\"status\":{\"errorCode\":",
        "[{\"id\":\"1\",\"createdDateTime\":\"",
        "{\"CreationTime\":\"2026-11-20T10:05:00\",\"Operation\":\"MailItemsAccessed\",\"Workload\":\"Exchange\","
                + "\"MailboxOwnerUPN\":\"a@b\",\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}],\"Folders\":[",
        "{\"CreationTime\":\"2026-11-20T10:05:00\",\"Operation\":\"New-InboxRule\",\"Workload\":\"Exchange\","
                + "\"UserId\":\"a@b\",\"Parameters\":[{\"Name\":\"ForwardTo\",\"Value\":\"",
        "{\"CreationTime\":\"2026-11-20T10:05:00\",\"Operation\":\"Set-Mailbox\",\"Workload\":\"Exchange\","
                + "\"Parameters\":[{\"Name\":\"ForwardingSmtpAddress\",\"Value\":\"smtp:",
        "{\"CreationTime\":\"2026-11-20T10:05:00\",\"Operation\":\"UpdateInboxRules\",\"Workload\":\"Exchange\","
                + "\"OperationProperties\":[{\"Name\":\"RuleActions\",\"Value\":\"[{\\\"ActionType\\\":\\\"Forward",
        "[{\"Operations\":\"New-InboxRule\",\"AuditData\":{\"CreationTime\":\"2024-10-08T05:08:37\",\"Operation\":",
        "{\"time\":\"2026-11-21T10:00:01Z\",\"category\":\"SignInLogs\",\"resultType\":\"50126\",\"callerIpAddress\":\"1.2.3.4\","
                + "\"properties\":{",
        "{\"TimeGenerated\":\"2026-11-21T11:00:00Z\",\"ResultType\":\"50126\",\"UserPrincipalName\":\"",
        "Date (UTC),Username,IP address,Status,Sign-in error code,Client app,User agent,Session ID\n2026-11-22T07:30:01Z,",
        "\uFEFF\"Date (UTC)\",\"Username\",\"IP address\",\"Status\",\"Sign-in error code\"\n\"",
        "{\"reqId\":\"a\",\"time\":\"2022-01-16T15:42:37+00:00\",\"remoteAddr\":\"2001:db8::1\",\"message\":\"Login failed: ",
        "{\"reqId\":\"a\",\"time\":\"2022-01-16T15:42:37+00:00\",\"app\":\"admin_audit\",\"message\":\"Login successful: ",
        "{\"timestamp\":\"2026-11-23T14:02:11.128Z\",\"loggerName\":\"org.keycloak.events\",\"message\":\"type=LOGIN_ERROR, realmId=r, ",
        "{\"@timestamp\":\"2026-11-23T14:02:11Z\",\"log.logger\":\"org.keycloak.events\",\"message\":\"type=\\\"LOGIN\\\", realmId=\\\"",
        "{\"__REALTIME_TIMESTAMP\":\"1795442531128000\",\"SYSLOG_IDENTIFIER\":\"keycloak\",\"MESSAGE\":\"type=LOGIN",
        "{\"__REALTIME_TIMESTAMP\":\"1795442531128000\",\"SYSLOG_IDENTIFIER\":\"roundcube\",\"MESSAGE\":\"",
        "[",
        "{",
        "",
    };

    @FuzzTest(maxDuration = "5s")
    void anyRecordIsSafe(FuzzedDataProvider data) {
        String prefix = data.pickValue(PREFIXES);
        byte[] rest = data.consumeRemainingAsBytes();
        FuzzCheck.readWithPrefix(prefix, rest);
    }
}
