package dev.portcullis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.respond.RecordJson;
import dev.portcullis.server.Route.Call;
import java.time.Clock;
import java.time.Instant;

/**
 * wforce's list commands on the policy paths — {@code reset}, {@code addBLEntry}, {@code delBLEntry},
 * {@code getBL}, {@code addWLEntry}, {@code delWLEntry}, {@code getWL} — so existing wforce
 * integrations switch without changes. An {@code ip} or {@code netmask} entry is a block or an
 * allowlisted network; a {@code login} entry a lockout (scope all) or an allowlisted account. Changes
 * go through the admin API's path (store and audit first). One method per command (see {@link Routes});
 * runs on the admin thread.
 */
final class WforceApi {
    private static final Reply OK = Reply.raw(200, "{\"status\":\"ok\"}");

    private final AdminApi admin;
    private final Gate gate;
    private final Clock clock;

    WforceApi(AdminApi admin, Gate gate, Clock clock) {
        this.admin = admin;
        this.gate = gate;
        this.clock = clock;
    }

    /** {@code reset}: forgets the counters of a login and/or an address. */
    Reply reset(Call c) {
        JsonNode b = AdminApi.body(c.request());
        String ip = AdminApi.text(b, "ip");
        String login = AdminApi.text(b, "login");
        if (ip == null && login == null) throw new BadRequest("reset needs 'ip' and/or 'login'");
        String src = ip == null ? null : AdminApi.network(ip);
        String acc = login == null ? null : AdminApi.account(login);
        admin.audit(c.caller(), "reset", (acc == null ? "" : acc) + (src == null ? "" : " " + src), clock.instant());
        admin.on(gate -> {
            gate.reset(acc, src);
            return null;
        });
        return OK;
    }

    /** {@code addBLEntry} ({@code blacklist} true) or {@code addWLEntry}. */
    Reply add(Call c, boolean blacklist) {
        Instant now = clock.instant();
        String actor = c.caller();
        JsonNode b = AdminApi.body(c.request());
        long secs = b.path("expire_secs").asLong(0);
        if (secs < 0) throw new BadRequest("'expire_secs' must not be negative");
        Instant until = secs == 0 ? null : now.plusSeconds(secs);
        String reason = AdminApi.text(b, "reason");
        String target = wforceTarget(b);
        boolean isLogin = isLogin(b);
        GateRecord rec;
        if (blacklist) {
            rec = isLogin ? new Lockout(AdminApi.account(target), Lockout.Scope.ALL, reason, now, until, actor)
                    : new Block(AdminApi.network(target), Block.Action.REJECT, 1, reason, now, until, actor);
        } else {
            rec = isLogin ? new Allow(Allow.Kind.ACCOUNT, AdminApi.account(target), reason, now, until, actor)
                    : new Allow(Allow.Kind.NETWORK, AdminApi.network(target), reason, now, until, actor);
        }
        admin.put(actor, blacklist ? "addBLEntry" : "addWLEntry", rec);
        return OK;
    }

    /** {@code delBLEntry} ({@code blacklist} true) or {@code delWLEntry}. */
    Reply remove(Call c, boolean blacklist) {
        JsonNode b = AdminApi.body(c.request());
        String target = wforceTarget(b);
        boolean isLogin = isLogin(b);
        if (blacklist) {
            admin.remove(c.caller(), "delBLEntry", isLogin ? Lockout.class : Block.class,
                    isLogin ? AdminApi.account(target) : AdminApi.network(target));
        } else {
            admin.remove(c.caller(), "delWLEntry", Allow.class,
                    isLogin ? "account:" + AdminApi.account(target) : "network:" + AdminApi.network(target));
        }
        return OK;
    }

    /** {@code getBL} ({@code blacklist} true) or {@code getWL}. */
    Reply list(Call c, boolean blacklist) {
        Instant now = clock.instant();
        ObjectNode o = RecordJson.object();
        ArrayNode ips = o.putArray("ip");
        ArrayNode logins = o.putArray("login");
        admin.on(gate -> {
            if (blacklist) {
                gate.blocks(now).forEach(b -> ips.add(entry(b.target(), b.until(), b.reason())));
                gate.lockouts(now).forEach(l -> logins.add(entry(l.account(), l.until(), l.reason())));
            } else {
                for (Allow a : gate.allows(now)) {
                    (a.kind() == Allow.Kind.NETWORK ? ips : logins).add(entry(a.value(), a.until(), a.note()));
                }
            }
            return null;
        });
        ObjectNode wrap = RecordJson.object();
        wrap.putArray("bl_entries").add(o);
        return Reply.json(wrap);
    }

    private static boolean isLogin(JsonNode b) {
        return b.hasNonNull("login") && !b.hasNonNull("ip") && !b.hasNonNull("netmask");
    }

    private static ObjectNode entry(String key, Instant until, String reason) {
        return RecordJson.object().put("key_name", key).put("expiration", until == null ? "" : until.toString())
                .put("reason", reason == null ? "" : reason);
    }

    private static String wforceTarget(JsonNode b) {
        String ip = AdminApi.text(b, "ip");
        String net = AdminApi.text(b, "netmask");
        String login = AdminApi.text(b, "login");
        if (ip != null && net != null) throw new BadRequest("'ip' and 'netmask' are mutually exclusive");
        if (login != null && (ip != null || net != null)) {
            throw new BadRequest("entries for an address and a login together are not supported; give one of them");
        }
        if (ip != null) return ip;
        if (net != null) return net;
        if (login != null) return login;
        throw new BadRequest("an entry needs 'ip', 'netmask' or 'login'");
    }
}
