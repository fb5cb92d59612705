package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.Untrusted;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Article33Record;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.core.incident.Note;
import dev.portcullis.core.incident.TransitionRefused;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.respond.Responder;
import dev.portcullis.server.Route.Call;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The incident routes of the admin API, thin over {@link Responder} (which stores and audits):
 * <pre>
 *   GET  /api/incidents[?status=open|all]          list, latest first
 *   GET  /api/incidents/{id}                       one, with accounts, notes, deliveries, deadline
 *   POST /api/incidents/{id}/ack                   {"aware": "ISO time"?, "note": "…"?}  (became aware, Art. 33)
 *   POST /api/incidents/{id}/accounts/{account}    {"state": "notified|reset_confirmed|closed", "note": "…"?}
 *   POST /api/incidents/{id}/close                 {"note": "…"?}
 *   GET  /api/incidents/{id}/gdpr                  the Article 33(3) record
 * </pre>
 * One method per route (see {@link Routes}); runs on the admin thread; tokens are checked before these
 * are called ({@link Auth}). An unknown incident is a 404, a change the lifecycle refuses a 409 with
 * the reason.
 */
final class IncidentApi {
    private final Responder responder;
    private final Store store;
    private final Clock clock;

    IncidentApi(Responder responder, Store store, Clock clock) {
        this.responder = responder;
        this.store = store;
        this.clock = clock;
    }

    Reply list(Call c) {
        String status = c.request().param("status");
        boolean open = status == null || status.equals("open");
        if (!open && !status.equals("all")) throw new BadRequest("'status' must be open or all");
        Instant now = clock.instant();
        ArrayNode a = RecordJson.MAPPER.createArrayNode();
        store.incidents(open, 1_000).forEach(i -> a.add(summary(i, now)));
        return Reply.json(a);
    }

    Reply one(Call c) {
        String id = c.param("id");
        return answer(() -> full(responder.incident(id), store.deliveries(id), clock.instant()));
    }

    Reply acknowledge(Call c) {
        String id = c.param("id");
        JsonNode b = body(c.request());
        Instant aware = b.hasNonNull("aware") ? time(b.get("aware").asText()) : null;
        Instant now = clock.instant();
        return answer(() -> full(responder.acknowledge(id, aware, text(b, "note"), c.caller(), now),
                store.deliveries(id), now));
    }

    Reply close(Call c) {
        String id = c.param("id");
        String note = text(body(c.request()), "note");
        Instant now = clock.instant();
        return answer(() -> full(responder.close(id, note, c.caller(), now), store.deliveries(id), now));
    }

    Reply gdpr(Call c) {
        String id = c.param("id");
        return answer(() -> RecordJson.MAPPER.valueToTree(gdpr(Article33Record.of(responder.incident(id),
                responder.config(), clock.instant()))));
    }

    /** Moves one account of an incident: {@code {"state": "notified|reset_confirmed|closed", "note": …}}. */
    Reply move(Call c) {
        String id = c.param("id");
        String account = c.param("account").strip().toLowerCase(Locale.ROOT);
        if (account.isEmpty()) throw new BadRequest(404, "which account? /api/incidents/ID/accounts/ACCOUNT");
        JsonNode b = body(c.request());
        String state = text(b, "state");
        if (state == null) throw new BadRequest("'state' is missing (notified, reset_confirmed, closed)");
        AccountStage to;
        try {
            to = AccountStage.parse(state);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(Untrusted.text(e.getMessage()));
        }
        Instant now = clock.instant();
        return answer(() -> full(responder.move(id, account, to, text(b, "note"), c.caller(), now),
                store.deliveries(id), now));
    }

    /** An unknown incident or account is a 404, a change the lifecycle refuses a 409 with its reason. */
    private static Reply answer(Supplier<JsonNode> work) {
        try {
            return Reply.json(work.get());
        } catch (NoSuchElementException e) {
            throw new BadRequest(404, Untrusted.text(e.getMessage()));
        } catch (TransitionRefused e) {
            throw new BadRequest(409, Untrusted.text(e.getMessage()));
        }
    }

    static ObjectNode summary(Incident i, Instant now) {
        ObjectNode o = RecordJson.object().put("id", i.id()).put("kind", i.kind()).put("status", i.status().label())
                .put("opened", RecordJson.time(i.opened())).put("became_aware", RecordJson.time(i.becameAware()))
                .put("deadline", RecordJson.time(i.deadline())).put("deadline_provisional", i.deadlineProvisional())
                .put("hours_left", i.isOpen() ? i.timeLeft(now).toMinutes() / 60.0 : null)
                .put("accounts", i.accounts().size()).put("sources", i.sources().size())
                .put("closed", RecordJson.time(i.closed()));
        ObjectNode stages = o.putObject("stages");
        for (AccountStage s : AccountStage.values()) {
            stages.put(s.label(), i.accounts().stream().filter(a -> a.stage() == s).count());
        }
        return o;
    }

    static ObjectNode full(Incident i, List<DeliveryRecord> deliveries, Instant now) {
        ObjectNode o = summary(i, now).put("campaign", i.campaignKey()).put("aware_by", i.awareBy());
        i.sources().forEach(o.putArray("source_addresses")::add);
        ArrayNode acc = o.putArray("account_list");
        for (IncidentAccount a : i.accounts()) {
            ObjectNode x = acc.addObject().put("account", a.account()).put("stage", a.stage().label())
                    .put("compromised_at", RecordJson.time(a.compromisedAt())).put("updated", RecordJson.time(a.updated()));
            a.sources().forEach(x.putArray("sources")::add);
        }
        ArrayNode notes = o.putArray("notes");
        for (Note n : i.notes()) {
            notes.addObject().put("time", RecordJson.time(n.time())).put("author", n.author()).put("account", n.account())
                    .put("text", n.text());
        }
        ArrayNode d = o.putArray("deliveries");
        for (DeliveryRecord r : deliveries) {
            d.addObject().put("kind", r.kind()).put("account", r.account()).put("to", r.recipient())
                    .put("state", r.state().label()).put("attempts", r.attempts())
                    .put("next_attempt", RecordJson.time(r.nextAttempt())).put("sent", RecordJson.time(r.sent()))
                    .put("error", r.lastError());
        }
        return o;
    }

    /** The Article 33(3) record with stable snake_case names and ISO times. */
    static Map<String, Object> gdpr(Article33Record g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incident", g.incidentId());
        m.put("prepared", RecordJson.time(g.prepared()));
        m.put("became_aware", RecordJson.time(g.becameAware()));
        m.put("awareness_provisional", g.awarenessProvisional());
        m.put("deadline", RecordJson.time(g.deadline()));
        m.put("overdue", g.overdue());
        m.put("nature_of_breach", g.natureOfBreach());
        m.put("data_subject_categories", g.dataSubjectCategories());
        m.put("approx_data_subjects", g.approxDataSubjects());
        m.put("record_categories", g.recordCategories());
        m.put("approx_records", g.approxRecords());
        m.put("dpo_contact", g.dpoContact());
        m.put("likely_consequences", g.likelyConsequences());
        m.put("measures_taken", g.measuresTaken());
        m.put("measures_proposed", g.measuresProposed());
        m.put("delay_reason", g.delayReason());
        return m;
    }

    private static Instant time(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'aware' must be an ISO-8601 UTC time like 2026-11-20T09:30:00Z");
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().length() > 2_000) throw new BadRequest("'" + field + "' must be text of at most 2000 characters");
        return Untrusted.text(v.asText());
    }

    private static JsonNode body(Request r) {
        if (r.body() == null || r.body().length == 0) {
            return RecordJson.object();
        }
        try {
            JsonNode n = RecordJson.MAPPER.readTree(r.body());
            if (n == null || !n.isObject()) throw new BadRequest("the request body is not a JSON object");
            return n;
        } catch (IOException e) {
            throw new BadRequest("the request body is not valid JSON");
        }
    }}
