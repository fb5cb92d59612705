package dev.portcullis.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {
    private static AuthEvent.Builder base() {
        return AuthEvent.builder().time(Instant.parse("2026-11-19T22:11:29.429900Z")).format("dovecot")
                .origin("mail.log", 7).service("imap");
    }

    @Test
    void writesTheContractFields() {
        AuthEvent e = base().account("Ray@Example.org").sourceText("1.2.3.4").failure(Reason.BAD_PASSWORD)
                .session("S1").build();
        String json = new EventJson().write(e, new StringBuilder()).toString();
        assertThat(json).isEqualTo("{\"time\":\"2026-11-19T22:11:29.429900Z\",\"kind\":\"auth\",\"service\":\"imap\","
                + "\"account\":\"ray@example.org\",\"account_raw\":\"Ray@Example.org\",\"source\":\"1.2.3.4\","
                + "\"result\":\"failure\",\"reason\":\"bad_password\",\"attempts\":1,\"session\":\"S1\","
                + "\"format\":\"dovecot\",\"file\":\"mail.log\",\"line\":7}");
    }

    @Test
    void escapesControlCharactersQuotesAndLoneSurrogates() {
        AuthEvent e = base().account("a\"b\\c\n\u0001\ud800x").success().build();
        String json = new EventJson().write(e, new StringBuilder()).toString();
        assertThat(json).contains("\"account_raw\":\"a\\\"b\\\\c\\n\\u0001\\ufffdx\"");
    }

    @Test
    void timeFormatsLikeInstantToString() {
        EventJson j = new EventJson();
        for (String t : new String[] {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.100Z", "2026-01-01T00:00:00.000001Z",
            "2026-01-01T00:00:00.000000001Z", "1999-12-31T23:59:59Z"}) {
            StringBuilder sb = new StringBuilder();
            j.time(Instant.parse(t), sb);
            assertThat(sb.toString()).isEqualTo(Instant.parse(t).toString());
        }
    }
}
