package dev.portcullis.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auth: passwd-file(bob,1.2.3.4): Password mismatch (given password: hunter2)|hunter2",
        "auth: passwd-file(bob,1.2.3.4): Password mismatch (SHA1 of given password: 0b45cc)|0b45cc",
        "auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tresp=AGFsaWNlAHNlY3JldA==|AGFsaWNlAHNlY3JldA==",
        "<,AUTH PLAIN AGFsaWNlAHNlY3JldA==|AGFsaWNlAHNlY3JldA==",
        "C: a001 LOGIN alice s3cret!|s3cret!",
        "warning: unknown[1.2.3.4]: SASL LOGIN authentication failed: UGFzc3dvcmQ6|UGFzc3dvcmQ6",
        "POST /login?_user=alice&_pass=correcthorse HTTP/1.1|correcthorse",
        "{\"user\":\"alice\",\"password\":\"tr0ub4dor\"}|tr0ub4dor",
        "Authorization: Basic YWxpY2U6c2VjcmV0|YWxpY2U6c2VjcmV0",
        "Authorization: Basic dXNlcjpwYXNzd29yZA==|dXNlcjpwYXNzd29yZA==",
        "C: A0001 LOGIN \"alice\" \"pass word\"|pass word",
        "C: ABCD LOGIN alice hunter2|hunter2",
        "<,AUTH LOGIN YWRtaW4=|YWRtaW4=",
    })
    void secretsAreReplaced(String line, String secret) {
        String r = Redactor.redact(line);
        assertThat(r).doesNotContain(secret).contains(Redactor.MARK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "imap-login: Login: user=<alice>, method=PLAIN, rip=1.2.3.4",
        "Failed password for root from 1.2.3.4 port 22 ssh2",
        "Nov 25 08:00:01 host login[812]: ROOT LOGIN ON tty2",
        "Sep  3 08:06:15 oldbox  -- root[3102]: ROOT LOGIN ON tty2",
        "Nov 25 08:00:01 host login[812]: FAILED LOGIN 1 FROM tty3 FOR root, Authentication failure",
        "Nov 25 08:00:01 host login[812]: LOGIN ON tty1 BY alice",
        "warning: unknown[1.2.3.4]: SASL PLAIN authentication failed: authentication failure",
        "nginx: Basic authentication failed for user alice",
        "Basic Authentication required for realm mail",
    })
    void ordinaryLinesAreUntouched(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }
}
