package dev.portcullis.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.syslog.Envelope;
import dev.portcullis.ingest.syslog.SyslogFormat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code journalctl -o json} records: {@code __REALTIME_TIMESTAMP} (µs since the epoch),
 * {@code SYSLOG_IDENTIFIER} (or {@code _COMM}), {@code _PID}, {@code _HOSTNAME}, {@code MESSAGE}
 * (text, or an array of bytes when it was not valid UTF-8). The message goes to the same program
 * parsers as a syslog line.
 */
public final class JournaldFormat implements JsonRecordFormat {
    private final SyslogFormat syslog;
    private final Envelope env = new Envelope();

    public JournaldFormat(SyslogFormat syslog) {
        this.syslog = syslog;
    }

    @Override
    public String name() {
        return "journald";
    }

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        JsonNode message = r.get("MESSAGE");
        String realtime = Json.text(r, "__REALTIME_TIMESTAMP");
        if (message == null || realtime == null) {
            return Status.UNRECOGNISED;
        }
        long micros;
        try {
            micros = Long.parseLong(realtime);
        } catch (NumberFormatException e) {
            return Status.UNPARSED;
        }
        env.clear();
        env.ctx = ctx;
        env.time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        env.host = Json.text(r, "_HOSTNAME");
        String program = Json.text(r, "SYSLOG_IDENTIFIER");
        env.program = program != null ? program : Json.text(r, "_COMM");
        env.pid = Json.text(r, "SYSLOG_PID") != null ? Json.text(r, "SYSLOG_PID") : Json.text(r, "_PID");
        if (message.isArray()) {
            byte[] bytes = new byte[Math.min(message.size(), 1 << 16)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) message.get(i).asInt();
            }
            env.message = new String(bytes, StandardCharsets.UTF_8);
        } else {
            env.message = message.asText();
        }
        if (env.program == null) {
            return Status.UNPARSED;
        }
        return syslog.dispatch(env, out);
    }
}
