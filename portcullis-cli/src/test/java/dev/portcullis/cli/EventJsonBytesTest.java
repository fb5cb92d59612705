package dev.portcullis.cli;

import dev.portcullis.core.Activity;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte writer of {@code parse} writes exactly what {@link EventJson} writes, encoded in UTF-8. */
class EventJsonBytesTest {

    @Test
    void sameBytesAsEventJsonOnAwkwardEvents() {
        List<AuthEvent> events = new ArrayList<>();
        String[] texts = {"alice@example.org", "é", "quote\"back\\slash", "tab\there", "ctl\u0001", "del\u007f",
            "line\u2028sep", "pair\uD83D\uDE00ok", "lone\uD800", "lone\uDC00x", "日本", "", "x".repeat(70_000)};
        Instant[] times = {Instant.parse("2026-11-19T23:00:00Z"), Instant.parse("2026-11-19T23:00:00.123Z"),
            Instant.parse("2026-11-19T23:59:59.123456Z"), Instant.parse("1970-01-01T00:00:00.000000001Z"),
            Instant.parse("1969-12-31T23:59:59.5Z"), Instant.ofEpochSecond(400_000_000_000L)};
        int i = 0;
        for (String t : texts) {
            Instant time = times[i++ % times.length];
            events.add(AuthEvent.builder().time(time).format("dovecot").service(t).account(t).sourceText("192.0.2.1")
                    .failure(Reason.BAD_PASSWORD).attempts(i).session(t).pwhash(t).userAgent(t).origin(t, i * 1_000_003L)
                    .build());
            events.add(AuthEvent.builder().time(time).format(t).kind(EventKind.SESSION).attempts(0).origin(null, 0)
                    .activity(new Activity(i, -1, 0, Long.MAX_VALUE, -5, t, t, t, t, true)).build());
            events.add(AuthEvent.builder().time(time).format("x").kind(EventKind.MAILBOX).attempts(1234567)
                    .origin("/var/log/mail.log", 7).activity(Activity.action(t, null, "")).build());
            events.add(AuthEvent.builder().time(time).format("x").success().origin("/var/log/mail.log", 8).build());
        }
        for (long p = 1; p > 0 && p <= 1_000_000_000_000_000_000L; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L}) {
                events.add(AuthEvent.builder().time(times[0]).format("x").kind(EventKind.SESSION).attempts(0)
                        .origin("f", v).activity(Activity.traffic(v, v, v, v, v)).build());
            }
        }
        EventJson json = new EventJson();
        EventJsonBytes bytes = new EventJsonBytes();
        StringBuilder sb = new StringBuilder();
        for (AuthEvent e : events) {
            sb.setLength(0);
            byte[] expected = json.write(e, sb).append('\n').toString().getBytes(StandardCharsets.UTF_8);
            bytes.reset();
            bytes.line(e);
            byte[] actual = Arrays.copyOf(bytes.buffer(), bytes.size());
            assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }
}
