package dev.portcullis.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.gate.Decision;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateStats;
import dev.portcullis.respond.RecordJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The hot path, run on the event loop that owns the {@link Gate}: Dovecot's auth policy and wforce's
 * allow/report/ping/stats, and the generic login API. Never blocks, never touches the store.
 *
 * <p>Dovecot reads only HTTP 200–209, {@code status} and {@code msg}; before the password check
 * −1 rejects, 0 allows and N &gt; 0 delays N seconds; after it only −1 has an effect. The policy
 * secret is checked before these are called ({@link Auth}, per the route table in {@link Routes}).
 */
final class PolicyApi {
    private static final byte[] ALLOW = "{\"status\":0,\"msg\":\"\",\"r_attrs\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final Gate gate;
    private final Clock clock;

    PolicyApi(Gate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    Reply allow(Request r) {
        PolicyRequest p = PolicyRequest.decode(r.body(), false);
        Decision d = gate.decide(p.login(), clock.instant());
        int status = d.status();
        if (status == 0) {
            return new Reply(200, ALLOW, Reply.JSON);
        }
        ObjectNode o = RecordJson.object().put("status", status).put("msg", d.message());
        o.putObject("r_attrs");
        return Reply.json(o);
    }

    Reply report(Request r) {
        PolicyRequest p = PolicyRequest.decode(r.body(), true);
        gate.report(p.login(), p.success(), p.policyReject(), clock.instant());
        return new Reply(200, OK, Reply.JSON);
    }

    /** The generic login API: the same decision, told in full. */
    Reply decideGeneric(Request r) {
        PolicyRequest p = PolicyRequest.decode(r.body(), false);
        Decision d = gate.decide(p.login(), clock.instant());
        ObjectNode o = RecordJson.object().put("decision", RecordJson.lower(d.verdict())).put("status", d.status())
                .put("delay_seconds", d.delaySeconds()).put("reason", d.reason()).put("message", d.message())
                .put("enforced", d.enforced());
        return Reply.json(o);
    }

    Reply ping() {
        return new Reply(200, OK, Reply.JSON);
    }

    Reply stats() {
        GateStats s = gate.stats();
        Instant now = clock.instant();
        ObjectNode o = RecordJson.object().put("reports", s.reports).put("allows", s.allowed + s.delayed)
                .put("denieds", s.rejected).put("delays", s.delayed).put("unenforced", s.unenforced)
                .put("blocks_held", gate.blocksHeld()).put("lockouts_held", gate.lockoutsHeld())
                .put("lockdowns_in_force", gate.lockdowns(now).size()).put("tracked_keys", gate.trackedKeys());
        return Reply.json(o);
    }
}
