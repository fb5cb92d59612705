package dev.portcullis.store;

import static dev.portcullis.store.StateTable.instant;
import static dev.portcullis.store.StateTable.ms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.core.incident.Note;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of incidents, their accounts and notes, and deliveries: static functions over a
 * {@link Handle}, called by {@link SqlStore} inside its transactions and error handling.
 *
 * <p>Design note. An incident is written whole (row, accounts upserted, notes inserted unless their
 * position is stored already) so a caller never has to know what changed; incidents hold tens to
 * hundreds of accounts, so this is cheap. Deliveries are claimed by insert-if-absent on their key
 * and moved by compare-and-set on their state, so two threads or two processes cannot both send one.
 * Portable SQL for SQLite and PostgreSQL, like the rest of the store.
 */
final class IncidentSql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String INCIDENT_COLUMNS =
            "id, campaign_key, kind, status, opened_ms, aware_ms, aware_by, closed_ms, sources";
    private static final String DELIVERY_COLUMNS = "incident_id, account, kind, recipient, state, attempts,"
            + " next_attempt_ms, created_ms, updated_ms, sent_ms, last_error";

    private IncidentSql() {}

    /** An incident row without its accounts and notes (added by {@link #complete}). */
    private static final RowMapper<Incident> INCIDENT = (rs, ctx) -> new Incident(rs.getString("id"),
            rs.getString("campaign_key"), rs.getString("kind"),
            Incident.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), instant(rs, "opened_ms"),
            instant(rs, "aware_ms"), rs.getString("aware_by"), instant(rs, "closed_ms"), strings(rs.getString("sources")),
            List.of(), List.of());

    private static final RowMapper<IncidentAccount> ACCOUNT = (rs, ctx) -> new IncidentAccount(rs.getString("account"),
            AccountStage.parse(rs.getString("stage")), instant(rs, "compromised_ms"), strings(rs.getString("sources")),
            instant(rs, "updated_ms"));

    private static final RowMapper<Note> NOTE = (rs, ctx) -> new Note(instant(rs, "time_ms"), rs.getString("author"),
            rs.getString("account"), rs.getString("text"));

    static final RowMapper<DeliveryRecord> DELIVERY = (rs, ctx) -> new DeliveryRecord(rs.getString("incident_id"),
            rs.getString("account"), rs.getString("kind"), rs.getString("recipient"),
            DeliveryRecord.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
            instant(rs, "next_attempt_ms"), instant(rs, "created_ms"), instant(rs, "updated_ms"),
            instant(rs, "sent_ms"), rs.getString("last_error"));

    static void save(Handle h, Incident i) {
        h.createUpdate("INSERT INTO incidents (" + INCIDENT_COLUMNS + ") VALUES (:id, :campaign_key, :kind, :status,"
                        + " :opened_ms, :aware_ms, :aware_by, :closed_ms, :sources) ON CONFLICT (id) DO UPDATE SET"
                        + " campaign_key = excluded.campaign_key, kind = excluded.kind, status = excluded.status,"
                        + " opened_ms = excluded.opened_ms, aware_ms = excluded.aware_ms, aware_by = excluded.aware_by,"
                        + " closed_ms = excluded.closed_ms, sources = excluded.sources")
                .bind("id", i.id()).bind("campaign_key", i.campaignKey()).bind("kind", i.kind())
                .bind("status", i.status().label()).bind("opened_ms", ms(i.opened())).bind("aware_ms", ms(i.becameAware()))
                .bind("aware_by", i.awareBy()).bind("closed_ms", ms(i.closed())).bind("sources", json(i.sources()))
                .execute();
        if (!i.accounts().isEmpty()) {
            PreparedBatch b = h.prepareBatch("INSERT INTO incident_accounts (incident_id, account, stage, compromised_ms,"
                    + " sources, updated_ms) VALUES (:incident_id, :account, :stage, :compromised_ms, :sources, :updated_ms)"
                    + " ON CONFLICT (incident_id, account) DO UPDATE SET stage = excluded.stage,"
                    + " compromised_ms = excluded.compromised_ms, sources = excluded.sources, updated_ms = excluded.updated_ms");
            for (IncidentAccount a : i.accounts()) {
                b.bind("incident_id", i.id()).bind("account", a.account()).bind("stage", a.stage().label())
                        .bind("compromised_ms", ms(a.compromisedAt())).bind("sources", json(a.sources()))
                        .bind("updated_ms", ms(a.updated() == null ? i.opened() : a.updated())).add();
            }
            b.execute();
        }
        if (!i.notes().isEmpty()) {
            PreparedBatch b = h.prepareBatch("INSERT INTO notes (incident_id, seq, time_ms, author, account, text)"
                    + " VALUES (:incident_id, :seq, :time_ms, :author, :account, :text) ON CONFLICT (incident_id, seq) DO NOTHING");
            for (int n = 0; n < i.notes().size(); n++) {
                Note note = i.notes().get(n);
                b.bind("incident_id", i.id()).bind("seq", n).bind("time_ms", ms(note.time())).bind("author", note.author())
                        .bind("account", note.account()).bind("text", note.text()).add();
            }
            b.execute();
        }
    }

    static Optional<Incident> byId(Handle h, String id) {
        return h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE id = :id").bind("id", id)
                .map(INCIDENT).findOne().map(i -> complete(h, i));
    }

    static List<Incident> list(Handle h, boolean openOnly, int limit) {
        return h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents"
                        + (openOnly ? " WHERE status = 'open'" : "") + " ORDER BY opened_ms DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(INCIDENT).list().stream().map(i -> complete(h, i)).toList();
    }

    static Optional<Incident> latest(Handle h, String campaignKey) {
        return h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE campaign_key = :key"
                        + " ORDER BY opened_ms DESC, id DESC LIMIT 1")
                .bind("key", campaignKey).map(INCIDENT).findOne().map(i -> complete(h, i));
    }

    static List<String> accountsInOpen(Handle h) {
        return h.createQuery("SELECT DISTINCT a.account FROM incident_accounts a JOIN incidents i ON i.id = a.incident_id"
                + " WHERE i.status = 'open' ORDER BY a.account").mapTo(String.class).list();
    }

    private static Incident complete(Handle h, Incident i) {
        List<IncidentAccount> accounts = h.createQuery("SELECT account, stage, compromised_ms, sources, updated_ms"
                + " FROM incident_accounts WHERE incident_id = :id ORDER BY account").bind("id", i.id()).map(ACCOUNT).list();
        List<Note> notes = h.createQuery("SELECT time_ms, author, account, text FROM notes WHERE incident_id = :id"
                + " ORDER BY seq").bind("id", i.id()).map(NOTE).list();
        return new Incident(i.id(), i.campaignKey(), i.kind(), i.status(), i.opened(), i.becameAware(), i.awareBy(),
                i.closed(), i.sources(), accounts, notes);
    }

    // --- deliveries --------------------------------------------------------------------------

    static boolean addDelivery(Handle h, DeliveryRecord d) {
        return bindDelivery(h.createUpdate("INSERT INTO deliveries (" + DELIVERY_COLUMNS + ") VALUES (:incident_id,"
                + " :account, :kind, :recipient, :state, :attempts, :next_attempt_ms, :created_ms, :updated_ms, :sent_ms,"
                + " :last_error) ON CONFLICT (incident_id, account, kind) DO NOTHING"), d).execute() == 1;
    }

    static boolean moveDelivery(Handle h, DeliveryRecord next, DeliveryRecord.State from) {
        return bindDelivery(h.createUpdate("UPDATE deliveries SET recipient = :recipient, state = :state,"
                + " attempts = :attempts, next_attempt_ms = :next_attempt_ms, updated_ms = :updated_ms, sent_ms = :sent_ms,"
                + " last_error = :last_error WHERE incident_id = :incident_id AND account = :account AND kind = :kind"
                + " AND state = :from"), next).bind("from", from.label()).execute() == 1;
    }

    private static <S extends SqlStatement<S>> S bindDelivery(S s, DeliveryRecord d) {
        return s.bind("incident_id", d.incidentId()).bind("account", d.account()).bind("kind", d.kind())
                .bind("recipient", d.recipient() == null ? "" : d.recipient()).bind("state", d.state().label())
                .bind("attempts", d.attempts()).bind("next_attempt_ms", ms(d.nextAttempt()))
                .bind("created_ms", ms(d.created())).bind("updated_ms", ms(d.updated())).bind("sent_ms", ms(d.sent()))
                .bind("last_error", d.lastError());
    }

    static List<DeliveryRecord> due(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM deliveries WHERE state IN ('pending', 'retry')"
                        + " AND next_attempt_ms <= :now ORDER BY next_attempt_ms, incident_id, account, kind LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(DELIVERY).list();
    }

    static List<DeliveryRecord> of(Handle h, String incidentId) {
        var q = h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM deliveries"
                + (incidentId == null ? "" : " WHERE incident_id = :id") + " ORDER BY incident_id, kind, account");
        if (incidentId != null) {
            q.bind("id", incidentId);
        }
        return q.map(DELIVERY).list();
    }

    static int interrupted(Handle h, Instant now) {
        return h.createUpdate("UPDATE deliveries SET state = 'unknown', updated_ms = :now, next_attempt_ms = NULL,"
                        + " last_error = 'interrupted while sending (the process stopped); not sent again, it may have arrived'"
                        + " WHERE state = 'sending'")
                .bind("now", now.toEpochMilli()).execute();
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    private static List<String> strings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("an address list is not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }
}
