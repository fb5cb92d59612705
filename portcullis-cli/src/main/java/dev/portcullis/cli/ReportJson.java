package dev.portcullis.cli;

import dev.portcullis.core.EventJson;
import dev.portcullis.core.engine.AccountVerdict;
import dev.portcullis.core.engine.Detection;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.core.engine.SourceVerdict;
import dev.portcullis.ingest.ParseStats;

import java.time.Instant;
import java.util.List;

/** The analyze JSON report, exactly the contract in DESIGN.md (plus a few extra fields). */
final class ReportJson {
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final EventJson time = new EventJson();

    String write(ParseStats stats, Findings f) {
        sb.append("{\"summary\":");
        Summary.json(stats, sb);
        sb.append(",\n\"attacks\":[");
        boolean first = true;
        for (Detection d : f.attacks()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"id\":");
            EventJson.string(sb, d.id());
            sb.append(",\"kind\":");
            EventJson.string(sb, d.kind().label());
            sb.append(",\"start\":");
            instant(d.start());
            sb.append(",\"end\":");
            instant(d.end());
            sb.append(",\"sources\":");
            strings(d.sources());
            sb.append(",\"accounts_targeted\":").append(d.accountsTargeted());
            sb.append(",\"attempts\":").append(d.attempts());
            sb.append(",\"compromised\":");
            strings(d.compromised());
            sb.append(",\"evidence\":");
            strings(d.evidence());
            sb.append('}');
        }
        sb.append("],\n\"sources\":[");
        first = true;
        for (SourceVerdict s : f.sources()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"ip\":");
            EventJson.string(sb, s.ip());
            sb.append(",\"verdict\":");
            EventJson.string(sb, s.verdict().label());
            sb.append(",\"attempts\":").append(s.attempts());
            sb.append(",\"failures\":").append(s.failures());
            sb.append(",\"accounts\":").append(s.accounts());
            sb.append(",\"probes\":").append(s.probes());
            sb.append(",\"attacks\":");
            strings(s.attacks());
            sb.append(",\"why\":");
            EventJson.string(sb, s.why());
            sb.append('}');
        }
        sb.append("],\n\"accounts\":[");
        first = true;
        for (AccountVerdict a : f.accounts()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"account\":");
            EventJson.string(sb, a.account());
            sb.append(",\"status\":");
            EventJson.string(sb, a.status().label());
            sb.append(",\"compromised_at\":");
            instant(a.compromisedAt());
            sb.append(",\"attacker_sources\":");
            strings(a.attackerSources());
            sb.append(",\"evidence\":");
            strings(a.evidence());
            sb.append('}');
        }
        sb.append("],\n\"no_preauth_accounts\":[");
        first = true;
        for (ParseStats.NoPreauth n : stats.noPreauth()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"account\":");
            EventJson.string(sb, n.account());
            sb.append(",\"count\":").append(n.count());
            sb.append(",\"first_seen\":");
            instant(n.first());
            sb.append(",\"last_seen\":");
            instant(n.last());
            sb.append(",\"sources\":");
            strings(n.sources());
            sb.append(",\"domain_controllers\":");
            strings(n.issuers());
            sb.append('}');
        }
        sb.append("]}\n");
        return sb.toString();
    }

    private void instant(Instant t) {
        time.quotedTime(t, sb);
    }

    private void strings(List<String> xs) {
        EventJson.strings(sb, xs);
    }
}
