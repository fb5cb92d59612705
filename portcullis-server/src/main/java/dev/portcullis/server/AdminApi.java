package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.Accounts;
import dev.portcullis.core.Network;
import dev.portcullis.core.Untrusted;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.server.Route.Call;
import dev.portcullis.store.AuditEntry;
import dev.portcullis.store.DetectionRecord;
import dev.portcullis.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.UUID;

/**
 * The admin API ({@code /api/…}, bearer tokens checked by {@link Auth} per the route table in
 * {@link Routes}): one method per route. Runs on the admin thread,
 * never on the event loop: a change is written to the store and audited first, then put in force in
 * the gate (on its thread), then acknowledged — so nothing acknowledged is lost by a crash.
 */
final class AdminApi {
    private final GateControl control;
    private final Store store;
    private final Clock clock;

    AdminApi(GateControl control) {
        this.control = control;
        this.store = control.store();
        this.clock = control.clock();
    }

    // --- routes (see Routes; the caller is authenticated before these run) ---------------------

    Reply state(Call c) {
        Instant now = clock.instant();
        ObjectNode o = RecordJson.object();
        control.read(gate -> {
            o.set("blocks", RecordJson.records(gate.blocks(now)));
            o.set("lockouts", RecordJson.records(gate.lockouts(now)));
            o.set("lockdowns", RecordJson.records(gate.lockdowns(now)));
            o.set("allows", RecordJson.records(gate.allows(now)));
            return null;
        });
        return Reply.json(o);
    }

    Reply blocks(Call c) {
        Instant now = clock.instant();
        return Reply.json(control.read(gate -> RecordJson.records(gate.blocks(now))));
    }

    Reply addBlock(Call c) {
        return put(c.caller(), "block.add", block(body(c.request()), c.caller(), clock.instant()));
    }

    Reply removeBlock(Call c) {
        return remove(c.caller(), "block.remove", Block.class, network(required(c.request().param("target"), "target")));
    }

    Reply lockouts(Call c) {
        Instant now = clock.instant();
        return Reply.json(control.read(gate -> RecordJson.records(gate.lockouts(now))));
    }

    Reply addLockout(Call c) {
        return put(c.caller(), "lockout.add", lockout(body(c.request()), c.caller(), clock.instant()));
    }

    Reply removeLockout(Call c) {
        return remove(c.caller(), "lockout.remove", Lockout.class, account(required(c.request().param("account"), "account")));
    }

    Reply lockdowns(Call c) {
        Instant now = clock.instant();
        return Reply.json(control.read(gate -> RecordJson.records(gate.lockdowns(now))));
    }

    Reply lockdown(Call c) {
        return put(c.caller(), "lockdown.on", lockdown(body(c.request()), c.caller(), clock.instant()));
    }

    Reply liftLockdown(Call c) {
        return liftLockdown(c.caller(), c.request().param("id"), clock.instant());
    }

    Reply allows(Call c) {
        Instant now = clock.instant();
        return Reply.json(control.read(gate -> RecordJson.records(gate.allows(now))));
    }

    Reply addAllow(Call c) {
        return put(c.caller(), "allow.add", allow(body(c.request()), c.caller(), clock.instant()));
    }

    Reply removeAllow(Call c) {
        Allow.Kind k = kind(required(c.request().param("kind"), "kind"));
        String v = required(c.request().param("value"), "value");
        return remove(c.caller(), "allow.remove", Allow.class,
                k.name().toLowerCase(Locale.ROOT) + ":" + (k == Allow.Kind.NETWORK ? network(v) : account(v)));
    }

    Reply audit(Call c) {
        ArrayNode a = RecordJson.MAPPER.createArrayNode();
        store.auditTrail(Instant.EPOCH, limit(c.request())).forEach(e -> a.add(RecordJson.audit(e)));
        return Reply.json(a);
    }

    Reply detections(Call c) {
        ArrayNode a = RecordJson.MAPPER.createArrayNode();
        for (DetectionRecord d : store.detections(Instant.EPOCH, limit(c.request()))) {
            try {
                a.add(RecordJson.MAPPER.readTree(d.json()));
            } catch (Exception e) {
                a.add(RecordJson.object().put("id", d.id()).put("kind", d.kind()));
            }
        }
        return Reply.json(a);
    }

    // --- changes: stored and audited first, then the gate (GateControl) --------------------------

    Reply put(String actor, String action, GateRecord rec) {
        control.put(actor, action, rec);
        return Reply.json(RecordJson.object().put("status", "ok").set("record", RecordJson.record(rec)));
    }

    Reply remove(String actor, String action, Class<? extends GateRecord> type, String key) {
        GateRecord removed = control.remove(actor, action, type, key);
        if (removed == null) {
            throw new BadRequest(404, "no " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + key + "' in force");
        }
        return Reply.json(RecordJson.object().put("status", "ok").set("removed", RecordJson.record(removed)));
    }

    private Reply liftLockdown(String actor, String id, Instant now) {
        List<Lockdown> lifted = control.liftLockdowns(actor, id);
        if (lifted.isEmpty()) {
            throw new BadRequest(404, id == null ? "no lockdown is in force" : "no lockdown '" + Untrusted.text(id) + "' in force");
        }
        ArrayNode a = RecordJson.MAPPER.createArrayNode();
        lifted.forEach(ld -> a.add(RecordJson.record(ld)));
        ObjectNode o = RecordJson.object().put("status", "ok");
        o.set("lifted", a);
        return Reply.json(o);
    }

    void audit(String actor, String action, String target, Instant now) {
        store.audit(new AuditEntry(0, now, actor, action, target, "{}"));
    }

    // --- decoding admin bodies --------------------------------------------------------------------

    private Block block(JsonNode b, String actor, Instant now) {
        String target = network(required(text(b, "target"), "target"));
        String action = text(b, "action");
        Block.Action a = action == null ? Block.Action.REJECT : switch (action.toLowerCase(Locale.ROOT)) {
            case "reject" -> Block.Action.REJECT;
            case "tarpit" -> Block.Action.TARPIT;
            default -> throw new BadRequest("'action' must be reject or tarpit");
        };
        return new Block(target, a, 1, reasonOf(b), now, until(b, now), actor);
    }

    private Lockout lockout(JsonNode b, String actor, Instant now) {
        String acc = account(required(text(b, "account"), "account"));
        String scope = text(b, "scope");
        Lockout.Scope s = scope == null ? Lockout.Scope.ALL : switch (scope.toLowerCase(Locale.ROOT)) {
            case "all" -> Lockout.Scope.ALL;
            case "unfamiliar" -> Lockout.Scope.UNFAMILIAR;
            default -> throw new BadRequest("'scope' must be all or unfamiliar");
        };
        return new Lockout(acc, s, reasonOf(b), now, until(b, now), actor);
    }

    private Lockdown lockdown(JsonNode b, String actor, Instant now) {
        String scope = text(b, "scope");
        Lockdown.Scope s = scope == null ? Lockdown.Scope.ALL : switch (scope.toLowerCase(Locale.ROOT)) {
            case "all" -> Lockdown.Scope.ALL;
            case "group" -> Lockdown.Scope.GROUP;
            case "account" -> Lockdown.Scope.ACCOUNT;
            default -> throw new BadRequest("'scope' must be all, group or account");
        };
        List<String> accounts = strings(b, "accounts");
        List<String> exempt = strings(b, "exempt");
        if (s == Lockdown.Scope.ACCOUNT && accounts.size() != 1) {
            throw new BadRequest("an account lockdown needs exactly one entry in 'accounts'");
        }
        if (s != Lockdown.Scope.ALL && accounts.isEmpty()) {
            throw new BadRequest("a " + scope + " lockdown needs 'accounts' (names or patterns like *@sales.example.org)");
        }
        String id = text(b, "id");
        if (id == null) {
            id = s == Lockdown.Scope.ALL ? "all" : UUID.randomUUID().toString().substring(0, 8);
        } else if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new BadRequest("'id' must be 1-64 letters, digits, _ . -");
        }
        return new Lockdown(id, s, accounts, exempt, reasonOf(b), now, until(b, now), actor);
    }

    private Allow allow(JsonNode b, String actor, Instant now) {
        Allow.Kind k = kind(required(text(b, "kind"), "kind"));
        String v = required(text(b, "value"), "value");
        return new Allow(k, k == Allow.Kind.NETWORK ? network(v) : account(v), reasonOf(b), now, until(b, now), actor);
    }

    private static Allow.Kind kind(String k) {
        return switch (k.toLowerCase(Locale.ROOT)) {
            case "network" -> Allow.Kind.NETWORK;
            case "account" -> Allow.Kind.ACCOUNT;
            default -> throw new BadRequest("'kind' must be network or account");
        };
    }

    private static String reasonOf(JsonNode b) {
        String r = text(b, "reason");
        return r == null ? "" : Untrusted.text(r.length() > 500 ? r.substring(0, 500) : r);
    }

    /** "duration": "4h" / "30m" / seconds; absent: until lifted. */
    private static Instant until(JsonNode b, Instant now) {
        JsonNode d = b.get("duration");
        if (d == null || d.isNull()) {
            return null;
        }
        Duration dur;
        try {
            dur = d.isNumber() ? Duration.ofSeconds(d.asLong()) : EngineConfig.parseDuration(d.asText());
        } catch (RuntimeException e) {
            throw new BadRequest("'duration' is not a duration (like 90s, 30m, 4h, 7d, or seconds)");
        }
        if (dur.isNegative() || dur.isZero() || dur.compareTo(Duration.ofDays(3650)) > 0) {
            throw new BadRequest("'duration' must be between 1 second and 10 years");
        }
        return now.plus(dur);
    }

    static String network(String text) {
        Network n = Network.tryParse(text);
        if (n == null) {
            throw new BadRequest("'" + Untrusted.text(text) + "' is not an IP address or network");
        }
        return n.toString();
    }

    static String account(String text) {
        String a = Accounts.canonical(text);
        if (a == null || a.isEmpty()) {
            throw new BadRequest("'" + Untrusted.text(text) + "' is not an account name");
        }
        return a;
    }

    static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new BadRequest("'" + field + "' must be a string");
        return v.asText();
    }

    private static List<String> strings(JsonNode b, String field) {
        JsonNode v = b.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            for (String s : v.asText().split(",")) if (!s.isBlank()) out.add(s.strip().toLowerCase(Locale.ROOT));
            return out;
        }
        if (!v.isArray()) throw new BadRequest("'" + field + "' must be a list of strings");
        for (JsonNode x : v) {
            if (!x.isTextual() || x.asText().isBlank() || x.asText().length() > 256) {
                throw new BadRequest("'" + field + "' must be a list of non-empty strings");
            }
            out.add(x.asText().strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String required(String v, String name) {
        if (v == null || v.isBlank()) throw new BadRequest("'" + name + "' is missing");
        return v;
    }

    static JsonNode body(Request r) {
        if (r.body() == null || r.body().length == 0) {
            throw new BadRequest("the request body is empty; expected a JSON object");
        }
        try {
            JsonNode n = RecordJson.MAPPER.readTree(r.body());
            if (n == null || !n.isObject()) throw new BadRequest("the request body is not a JSON object");
            return n;
        } catch (IOException e) {
            throw new BadRequest("the request body is not valid JSON");
        }
    }

    private static int limit(Request r) {
        String l = r.param("limit");
        try {
            int n = l == null ? 100 : Integer.parseInt(l);
            if (n < 1 || n > 10_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("'limit' must be 1..10000");
        }
    }

    /** Runs on the gate's thread and waits (the admin thread may wait; the event loop never does). */
    <T> T on(Function<Gate, T> f) {
        return control.read(f);
    }
}
