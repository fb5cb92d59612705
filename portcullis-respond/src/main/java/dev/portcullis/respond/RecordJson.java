package dev.portcullis.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.store.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * JSON shapes of the gate's records, detections and audit entries, built by hand (stable field names,
 * ISO-8601 UTC times): the admin API answers with them, and incident response writes them into the
 * audit trail, so both modules share this one definition.
 */
public final class RecordJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    public static ObjectNode record(GateRecord r) {
        ObjectNode o = object();
        if (r instanceof Block b) {
            o.put("type", "block").put("target", b.target()).put("action", lower(b.action())).put("level", b.level())
                    .put("reason", b.reason());
        } else if (r instanceof Lockout l) {
            o.put("type", "lockout").put("account", l.account()).put("scope", lower(l.scope())).put("reason", l.reason());
        } else if (r instanceof Lockdown d) {
            o.put("type", "lockdown").put("id", d.id()).put("scope", lower(d.scope())).put("reason", d.reason());
            ArrayNode acc = o.putArray("accounts");
            d.accounts().forEach(acc::add);
            ArrayNode ex = o.putArray("exempt");
            d.exempt().forEach(ex::add);
        } else if (r instanceof Allow a) {
            o.put("type", "allow").put("kind", lower(a.kind())).put("value", a.value()).put("note", a.note());
        }
        return o.put("since", time(r instanceof Block b ? b.since() : r instanceof Lockout l ? l.since()
                        : r instanceof Lockdown d ? d.since() : ((Allow) r).since()))
                .put("until", time(r.until())).put("by", by(r));
    }

    private static String by(GateRecord r) {
        if (r instanceof Block b) return b.by();
        if (r instanceof Lockout l) return l.by();
        if (r instanceof Lockdown d) return d.by();
        return ((Allow) r).by();
    }

    public static ArrayNode records(List<? extends GateRecord> rs) {
        ArrayNode a = MAPPER.createArrayNode();
        rs.forEach(r -> a.add(record(r)));
        return a;
    }

    public static ObjectNode detection(Detection d) {
        ObjectNode o = object().put("id", d.id()).put("kind", d.kind().label()).put("start", time(d.start()))
                .put("end", time(d.end())).put("accounts_targeted", d.accountsTargeted()).put("attempts", d.attempts());
        ArrayNode s = o.putArray("sources");
        d.sources().forEach(s::add);
        ArrayNode c = o.putArray("compromised");
        d.compromised().forEach(c::add);
        ArrayNode e = o.putArray("evidence");
        d.evidence().stream().limit(50).forEach(e::add);
        return o;
    }

    public static ObjectNode audit(AuditEntry a) {
        ObjectNode o = object().put("id", a.id()).put("time", time(a.time())).put("actor", a.actor())
                .put("action", a.action()).put("target", a.target());
        try {
            JsonNode detail = a.detail() == null ? null : MAPPER.readTree(a.detail());
            o.set("detail", detail);
        } catch (Exception ex) {
            o.put("detail", a.detail());
        }
        return o;
    }

    public static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
