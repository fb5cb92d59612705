package dev.portcullis.respond;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.Network;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.core.incident.AccountStage;
import dev.portcullis.core.incident.Containment;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.core.incident.IncidentPolicy;
import dev.portcullis.core.incident.Note;
import dev.portcullis.respond.notify.Notifier;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.Change;
import dev.portcullis.store.DeliveryRecord;
import dev.portcullis.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The response to a compromise: turns detections into incidents (through the core {@link IncidentPolicy}
 * policy), carries out their containment, queues the notifications, and applies operators' changes
 * (acknowledge, move an account, close).
 *
 * <p>Design note.
 * <ul>
 *   <li>Order, as in the admin API: store and audit first, then the gate, then notifications are
 *       queued — so nothing the gate enforces is missing from the store after a crash. A crash
 *       between saving an incident and queueing its letters is healed by {@link #resume}, which
 *       queues again for every open incident's accounts still at "detected" (queueing is
 *       idempotent: one delivery per key).</li>
 *   <li>Containment: the incident's new addresses are blocked for {@code incidents.block_hours}; each
 *       new account is held by a lockout ({@code incidents.hold}) created by {@code incident:<id>},
 *       lifted when its password reset is confirmed or it is closed; a lockdown is suggested (a note,
 *       an audit entry, a line in the security summary), never imposed.</li>
 *   <li>Thread-safety: every method that reads and rewrites an incident is synchronized, so the
 *       admin thread (detections, API) and the notifier's thread (an owner letter sent → "notified")
 *       never lose each other's changes. Never called on the gate's event loop: it does I/O.</li>
 *   <li>Offline ({@code analyze --record}) there is no gate: {@link Enforcer#NONE}; holds and blocks are
 *       stored and the gate restores them when it starts.</li>
 * </ul>
 */
public final class Responder {
    /** Puts records in force in a running gate once they are stored. */
    public interface Enforcer {
        void put(GateRecord r);

        void remove(Class<? extends GateRecord> type, String key);

        Enforcer NONE = new Enforcer() {
            @Override
            public void put(GateRecord r) {}

            @Override
            public void remove(Class<? extends GateRecord> type, String key) {}
        };
    }

    private final Store store;
    private final IncidentPolicy policy;
    private final Notifier notifier;
    private final Enforcer enforcer;

    /** @param notifier null: incidents are opened and contained, nobody is told */
    public Responder(Store store, IncidentConfig config, Notifier notifier, Enforcer enforcer) {
        this.store = store;
        this.policy = new IncidentPolicy(config);
        this.notifier = notifier;
        this.enforcer = enforcer;
        if (notifier != null) {
            notifier.onDelivered(this::delivered);
        }
    }

    public IncidentConfig config() {
        return policy.config();
    }

    public Notifier notifier() {
        return notifier;
    }

    /** A detection from the gate or an analysis; one with no compromised account changes nothing. */
    public synchronized IncidentPolicy.Outcome detection(String key, Detection d, Function<String, AccountVerdict> verdicts,
                                                    String actor, Instant now) {
        if (d.compromised().isEmpty()) {
            return IncidentPolicy.Outcome.NONE;
        }
        Incident latest = store.latestIncident(key).orElse(null);
        Set<String> elsewhere = new HashSet<>(store.accountsInOpenIncidents());
        if (latest != null && latest.isOpen()) {
            elsewhere.removeAll(latest.accountNames());
        }
        IncidentPolicy.Outcome o = policy.apply(key, d, latest, elsewhere, verdicts, now);
        if (!o.changed()) {
            return o;
        }
        Incident incident = o.incident();
        String by = "incident:" + incident.id();
        List<GateRecord> records = new ArrayList<>();
        ArrayNode holds = RecordJson.MAPPER.createArrayNode();
        int blocks = 0;
        for (Containment c : o.actions()) {
            if (c instanceof Containment.BlockSources b) {
                for (String s : b.sources()) {
                    Network n = Network.tryParse(s);
                    if (n != null) {
                        records.add(new Block(n.toString(), Block.Action.REJECT, 1, "incident " + incident.id(), now,
                                now.plus(Duration.ofHours(policy.config().blockHours())), by));
                        blocks++;
                    }
                }
            } else if (c instanceof Containment.Hold h) {
                records.add(new Lockout(h.account(), h.scope() == IncidentConfig.Hold.ALL ? Lockout.Scope.ALL
                        : Lockout.Scope.UNFAMILIAR, "incident " + incident.id() + ": held until the password is reset",
                        now, null, by));
                holds.add(h.account());
            } else if (c instanceof Containment.SuggestLockdown s) {
                incident = incident.withNote(new Note(now, IncidentPolicy.AUTHOR, null, s.compromised()
                        + " compromised accounts (threshold " + s.threshold() + "): a lockdown of remote access is suggested"));
                store.audit(new AuditEntry(0, now, actor, "incident.lockdown_suggested", incident.id(),
                        RecordJson.object().put("compromised", s.compromised()).put("threshold", s.threshold()).toString()));
            }
        }
        if (!records.isEmpty()) {
            store.apply(records.stream().map(Change::put).toList());
        }
        ObjectNode detail = RecordJson.object().put("campaign", key).put("kind", incident.kind()).put("blocks", blocks);
        o.newAccounts().forEach(detail.putArray("accounts")::add);
        detail.set("holds", holds);
        store.saveIncident(incident, new AuditEntry(0, now, actor, o.opened() ? "incident.open" : "incident.update",
                incident.id(), detail.toString()));
        records.forEach(enforcer::put);
        if (notifier != null) {
            notifier.queue(incident, o.opened(), o.newAccounts(), now);
        }
        return new IncidentPolicy.Outcome(incident, o.opened(), o.newAccounts(), o.newSources(), o.actions());
    }

    /**
     * At start: interrupted deliveries become unknown, and letters are queued for every open
     * incident's accounts still at "detected" (a no-op for those already queued). Returns how many
     * deliveries were queued.
     */
    public synchronized int resume(Instant now) {
        if (notifier == null) {
            return 0;
        }
        notifier.recover(now);
        int n = 0;
        for (Incident i : store.incidents(true, 10_000)) {
            List<String> detected = i.accounts().stream().filter(a -> a.stage() == AccountStage.DETECTED)
                    .map(a -> a.account()).toList();
            n += notifier.queue(i, true, detected, now);
        }
        return n;
    }

    public Incident incident(String id) {
        return store.incident(id).orElseThrow(() -> new NoSuchElementException("no incident '" + id + "'"));
    }

    /** Records when the organisation became aware (Article 33). */
    public synchronized Incident acknowledge(String id, Instant aware, String note, String actor, Instant now) {
        Incident i = incident(id).acknowledged(aware == null ? now : aware, actor, now, note);
        store.saveIncident(i, new AuditEntry(0, now, actor, "incident.ack", id,
                RecordJson.object().put("aware", i.becameAware().toString()).put("deadline", i.deadline().toString()).toString()));
        return i;
    }

    /** Moves an account to a stage; a confirmed reset (or closing it) lifts the incident's hold on it. */
    public synchronized Incident move(String id, String account, AccountStage to, String note, String actor, Instant now) {
        Incident before = incident(id);
        Incident i = before.withAccountStage(account, to, now, actor, note);
        store.saveIncident(i, new AuditEntry(0, now, actor, "incident.account", id + " " + account,
                RecordJson.object().put("from", before.account(account).orElseThrow().stage().label()).put("to", to.label())
                        .put("note", note).toString()));
        if (to == AccountStage.RESET_CONFIRMED || to == AccountStage.CLOSED) {
            release(i, List.of(account), actor, now);
        }
        return i;
    }

    /** Closes an incident (every password reset confirmed); remaining holds are lifted. */
    public synchronized Incident close(String id, String note, String actor, Instant now) {
        Incident i = incident(id).closedBy(actor, now, note);
        store.saveIncident(i, new AuditEntry(0, now, actor, "incident.close", id,
                RecordJson.object().put("note", note).toString()));
        release(i, i.accountNames(), actor, now);
        return i;
    }

    /** Lifts the holds this incident put on these accounts (an operator's own lockout is left alone). */
    private void release(Incident i, List<String> accounts, String actor, Instant now) {
        String by = "incident:" + i.id();
        List<Lockout> ours = store.load(now).lockouts().stream()
                .filter(l -> accounts.contains(l.account()) && by.equals(l.by())).toList();
        if (ours.isEmpty()) {
            return;
        }
        store.apply(ours.stream().map(l -> Change.remove(Lockout.class, l.account())).toList());
        for (Lockout l : ours) {
            store.audit(new AuditEntry(0, now, actor, "incident.release", l.account(),
                    RecordJson.object().put("incident", i.id()).toString()));
            enforcer.remove(Lockout.class, l.account());
        }
    }

    /** The notifier sent something: an owner's letter moves the account from detected to notified. */
    private synchronized void delivered(DeliveryRecord d, Instant now) {
        if (!d.kind().equals(Notifier.OWNER)) {
            return;
        }
        Incident i = store.incident(d.incidentId()).orElse(null);
        if (i == null || !i.isOpen() || i.account(d.account()).map(a -> a.stage() != AccountStage.DETECTED).orElse(true)) {
            return;
        }
        Incident next = i.withAccountStage(d.account(), AccountStage.NOTIFIED, now, "notifier", "e-mailed " + d.recipient());
        store.saveIncident(next, new AuditEntry(0, now, "notifier", "incident.account", i.id() + " " + d.account(),
                RecordJson.object().put("from", "detected").put("to", "notified").toString()));
    }
}
