package dev.portcullis.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;


/**
 * Application text logs: Keycloak (own log and syslog), Roundcube (own logs and syslog), Zimbra
 * mailbox.log and audit.log, nginx's mail proxy error log. The fuzzer picks the opening of a line of
 * one of them, then writes the rest (and more lines).
 */
class TextFamilyFuzzTest {
    private static final String[] PREFIXES = {
        "2023-05-25 22:24:19,357 WARN  [org.keycloak.events] (executor-thread-1) type=LOGIN_ERROR, ",
        "2023-05-25 22:24:19,357 WARN  [org.key.events] (t) type=\"LOGIN\", realmId=\"",
        "2023-05-25 22:24:19,357 INFO  [org.keycloak.events] (t) type=LOGIN, realmId=r, clientId=c, userId=",
        "Nov 23 14:02:11 sso-1 java[812]: type=LOGIN, realmId=",
        "[25-Nov-2026 10:00:00 +0100]: <abcd1234> Failed login for ",
        "[25-Nov-2026 10:00:00 +0100]: <abcd1234> Successful login for ",
        "[25-Nov-2026 10:00:00 +0100]: <s1> IMAP Error: Login failed for ",
        "[25-Nov-2026 10:00:00 +0100]: Failed login for a from 10.0.0.1(X-",
        "Nov 25 10:00:00 web roundcube: ",
        "2021-03-03 19:51:53,762 INFO  [qtp1-2:https://x:7071/service/admin/soap/] [oip=",
        "2021-03-03 19:51:53,762 INFO  [qtp1] [name=a;oip=1.2.3.4;soapId=1;] SoapEngine - handler exception: "
                + "authentication failed for [",
        "2026-09-01 00:15:45,087 WARN  [qtp1] [name=a;ip=1.2.3.4;soapId=1;] security - cmd=Auth; account=",
        "2022/04/06 13:44:43 [info] 8#8: *29109 client login failed: \"",
        "2022/04/06 13:44:43 [info] 8#8: *1 client login failed: \"x\" while in http auth state, client: ",
        "",
    };

    @FuzzTest(maxDuration = "5s")
    void anyLineIsSafe(FuzzedDataProvider data) {
        String prefix = data.pickValue(PREFIXES);
        byte[] rest = data.consumeRemainingAsBytes();
        FuzzCheck.readWithPrefix(prefix, rest);
    }
}
