package dev.portcullis.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;
import dev.portcullis.ingest.json.Json;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.microsoft.ExchangeWeb;
import dev.portcullis.ingest.microsoft.WebRequest;
import dev.portcullis.ingest.microsoft.WindowsCodes;
import dev.portcullis.ingest.microsoft.WindowsSecurity;
import dev.portcullis.ingest.text.Stamps;
import dev.portcullis.ingest.text.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Windows events as JSON records, in the three shapes shippers write, handed to
 * {@link WindowsSecurity} (logon events) or {@link ExchangeWeb} (IIS-Logging 6200):
 *
 * <ul>
 *   <li>winlogbeat / Elastic Agent (ECS): {@code @timestamp}, {@code winlog.event_id} (number or
 *       string; else {@code event.code}), {@code winlog.provider_name}, {@code winlog.event_data};
 *       {@code user.name} and {@code source.ip} stand in when event_data lacks TargetUserName /
 *       IpAddress;</li>
 *   <li>evtx_dump ({@code -o jsonl}): {@code Event.System.EventID} (a number, or
 *       {@code {"#text": …}} when it has attributes), {@code Event.System.TimeCreated.#attributes.SystemTime},
 *       {@code Event.System.Provider.#attributes.Name}, {@code Event.EventData};</li>
 *   <li>winlogbeat 6 (before ECS): {@code event_id}, {@code provider_name}, {@code computer_name},
 *       {@code record_number}, {@code event_data} at the top level;</li>
 *   <li>flat (nxlog {@code to_json()} and similar, Sentinel's {@code SecurityEvent} table):
 *       {@code EventID}, {@code EventTime}, {@code TimeCreated} or {@code TimeGenerated},
 *       {@code SourceName}, {@code ProviderName} or {@code EventSourceName}, and the event's data
 *       fields at the top level.</li>
 * </ul>
 *
 * <p>Time: an absolute stamp wins over a host-local one. nxlog writes {@code EventTime} and
 * {@code EventReceivedTime} in the host's local time without a zone; when a forwarder added an
 * absolute {@code @timestamp} (the receive time), the host's offset is {@code @timestamp} minus
 * {@code EventReceivedTime}, rounded to a quarter hour, and EventTime is read with it. With no absolute
 * stamp at all, a zone-less time is read in the input's zone ({@code --timezone}) and the summary says
 * so. An event read twice (the same computer and record number, e.g. a forwarder's copy) counts once.
 *
 * Anything else is UNRECOGNISED (for the other JSON formats); events with other ids are IGNORED.
 * Never throws. Not thread-safe.
 */
public final class WindowsJsonParser implements JsonRecordFormat {
    private final WindowsSecurity security = new WindowsSecurity();
    private final ExchangeWeb web = new ExchangeWeb();
    private final WebRequest request = new WebRequest();
    private final Stamps clock = new Stamps();
    private boolean localOnly; // the last flat record's time was a host-local one

    @Override
    public String name() {
        return "windows-json";
    }

    @Override
    public Status parse(JsonNode r, InputContext ctx, EventSink out) {
        JsonNode winlog = Json.object(r, "winlog");
        if (winlog != null) {
            return winlogbeat(r, winlog, ctx, out);
        }
        JsonNode system = Json.object(r, "Event", "System");
        if (system != null) {
            return evtxDump(r, system, ctx, out);
        }
        if (r.has("event_id") && r.has("event_data")) {
            return winlogbeat6(r, ctx, out);
        }
        if (r.has("EventID") && (r.has("EventTime") || r.has("TimeCreated") || r.has("TimeGenerated"))) {
            return flat(r, ctx, out);
        }
        return Status.UNRECOGNISED;
    }

    private Status winlogbeat(JsonNode r, JsonNode winlog, InputContext ctx, EventSink out) {
        String idText = Json.text(winlog, "event_id");
        if (idText == null) {
            idText = Json.path(r, "event", "code");
        }
        long id = id(idText);
        if (id < 0) {
            return Status.UNPARSED;
        }
        Instant time = time(Json.text(r, "@timestamp"), ctx);
        String computer = Json.text(winlog, "computer_name");
        if (WindowsSecurity.duplicate(computer, Json.text(winlog, "record_id"), id,
                Json.text(r, "@timestamp"), ctx)) {
            return Status.IGNORED;
        }
        JsonNode data = Json.object(winlog, "event_data");
        String user = Json.path(r, "user", "name");
        String ip = Json.path(r, "source", "ip");
        UnaryOperator<String> field = name -> {
            String v = Json.text(data, name);
            if (v == null && name.equals("TargetUserName")) return user;
            if (v == null && name.equals("IpAddress")) return ip;
            return v;
        };
        security.computer(computer);
        return dispatch(id, Json.text(winlog, "provider_name"), time, field, ctx, out);
    }

    private Status evtxDump(JsonNode r, JsonNode system, InputContext ctx, EventSink out) {
        JsonNode idNode = system.get("EventID");
        String idText = idNode != null && idNode.isObject() ? Json.text(idNode, "#text") : Json.text(system, "EventID");
        long id = id(idText);
        if (id < 0) {
            return Status.UNPARSED;
        }
        if (WindowsSecurity.duplicate(Json.text(system, "Computer"), Json.text(system, "EventRecordID"), id,
                Json.path(system, "TimeCreated", "#attributes", "SystemTime"), ctx)) {
            return Status.IGNORED;
        }
        String stamp = Json.path(system, "TimeCreated", "#attributes", "SystemTime");
        String provider = Json.path(system, "Provider", "#attributes", "Name");
        JsonNode data = Json.object(r, "Event", "EventData");
        security.computer(Json.text(system, "Computer"));
        // SystemTime is UTC by definition, with or without its "Z"
        return dispatch(id, provider, time(stamp, ZoneOffset.UTC), name -> Json.text(data, name), ctx, out);
    }

    private Status winlogbeat6(JsonNode r, InputContext ctx, EventSink out) {
        long id = id(Json.text(r, "event_id"));
        if (id < 0) {
            return Status.UNPARSED;
        }
        if (WindowsSecurity.duplicate(Json.text(r, "computer_name"), Json.text(r, "record_number"), id,
                Json.text(r, "@timestamp"), ctx)) {
            return Status.IGNORED;
        }
        JsonNode data = Json.object(r, "event_data");
        security.computer(Json.text(r, "computer_name"));
        return dispatch(id, Json.text(r, "provider_name"), time(Json.text(r, "@timestamp"), ctx),
                name -> Json.text(data, name), ctx, out);
    }

    private Status flat(JsonNode r, InputContext ctx, EventSink out) {
        long id = id(Json.text(r, "EventID"));
        if (id < 0) {
            return Status.UNPARSED;
        }
        String computer = Json.text(r, "Hostname");
        if (computer == null) {
            computer = Json.text(r, "Computer");
        }
        if (WindowsSecurity.duplicate(computer, Json.text(r, "RecordNumber"), id,
                Json.text(r, "EventTime"), ctx)) {
            return Status.IGNORED;
        }
        String provider = Json.text(r, "SourceName");
        if (provider == null) {
            provider = Json.text(r, "ProviderName");
        }
        if (provider == null) {
            provider = Json.text(r, "EventSourceName");
        }
        localOnly = false;
        security.computer(computer);
        Status s = dispatch(id, provider, flatTime(r, ctx), name -> Json.text(r, name), ctx, out);
        if (s == Status.EVENT && localOnly) {
            ctx.localTime(); // the summary names the input and --timezone
        }
        return s;
    }

    /** The event's time: an absolute stamp first, else EventTime with the host's offset, else local. */
    private Instant flatTime(JsonNode r, InputContext ctx) {
        String event = Json.text(r, "EventTime");
        if (event == null) {
            event = Json.text(r, "TimeCreated");
        }
        if (event == null) {
            event = Json.text(r, "TimeGenerated");
        }
        Instant absolute = absolute(event);
        if (absolute != null) {
            return absolute;
        }
        Instant received = absolute(Json.text(r, "@timestamp"));
        Instant local = time(event, ZoneOffset.UTC);
        if (received != null) {
            Instant receivedLocal = time(Json.text(r, "EventReceivedTime"), ZoneOffset.UTC);
            if (local != null && receivedLocal != null) {
                long offset = Duration.between(received, receivedLocal).getSeconds();
                long quarter = Math.round(offset / 900.0) * 900;
                if (Math.abs(quarter) <= 14 * 3600) {
                    return local.minusSeconds(quarter);
                }
            }
            if (local == null) {
                return received; // no event time at all: the forwarder's
            }
        }
        localOnly = event != null;
        return time(event, ctx);
    }

    /** A stamp that carries its own offset, or null. */
    private Instant absolute(String stamp) {
        if (stamp == null) {
            return null;
        }
        String t = stamp.trim();
        int end = clock.rfc3339(t, 0, ZoneOffset.UTC, true);
        return end == t.length() ? clock.instant : null;
    }

    private Instant time(String stamp, ZoneId zone) {
        if (stamp == null) {
            return null;
        }
        String t = stamp.trim();
        int end = clock.rfc3339(t, 0, zone, false);
        return end == t.length() ? clock.instant : null;
    }

    private Status dispatch(long id, String provider, Instant time, UnaryOperator<String> field, InputContext ctx,
                            EventSink out) {
        if (id == 6200 && (provider == null || provider.contains("IIS"))) {
            return web(time, field, ctx, out);
        }
        return security.emit(id, provider, time, field, ctx, out);
    }

    /** IIS-Logging 6200 with its fields under their W3C names. */
    private Status web(Instant eventTime, UnaryOperator<String> field, InputContext ctx, EventSink out) {
        WebRequest r = request;
        r.clear();
        r.clientIp = WebRequest.value(field.apply("c-ip"));
        r.user = WebRequest.value(field.apply("cs-username"));
        r.method = WebRequest.value(field.apply("cs-method"));
        r.stem = WebRequest.value(field.apply("cs-uri-stem"));
        r.query = WebRequest.value(field.apply("cs-uri-query"));
        r.status = WebRequest.number(field.apply("sc-status"));
        r.substatus = WebRequest.number(field.apply("sc-substatus"));
        r.win32 = WindowsCodes.code(field.apply("sc-win32-status"));
        r.userAgent = WebRequest.value(field.apply("csUser-Agent"));
        r.forwardedFor = WebRequest.value(field.apply("X-Forwarded-For"));
        String date = field.apply("date");
        String t = field.apply("time");
        r.time = date != null && t != null ? time(date + "T" + t + "Z", ctx) : eventTime;
        return web.emit(r, ctx, out);
    }

    private static long id(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim();
        long v = Text.parseLong(t, 0, t.length());
        return v > 65_535 ? -1 : v;
    }

    private Instant time(String stamp, InputContext ctx) {
        return time(stamp, ctx.zone());
    }
}
