package dev.portcullis.cli;

import dev.portcullis.core.EventJson;
import dev.portcullis.core.investigate.AccountInvestigation;
import dev.portcullis.core.investigate.AttackerSession;
import dev.portcullis.core.investigate.Forwarding;
import dev.portcullis.core.investigate.TimelineEntry;
import dev.portcullis.core.investigate.Totals;
import dev.portcullis.ingest.ParseStats;

import java.time.Instant;
import java.util.List;

/**
 * The investigate JSON report: {@code summary} (as analyze's) and {@code investigations}, one object
 * per account (fields in docs/investigation.md). Times ISO-8601 UTC; absent values null.
 */
final class InvestigationJson {
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final EventJson time = new EventJson();

    static String write(ParseStats stats, List<AccountInvestigation> results) {
        return new InvestigationJson().report(stats, results);
    }

    private String report(ParseStats stats, List<AccountInvestigation> results) {
        sb.append("{\"summary\":");
        Summary.json(stats, sb);
        sb.append(",\n\"investigations\":[");
        for (int i = 0; i < results.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            account(results.get(i));
        }
        sb.append("]}\n");
        return sb.toString();
    }

    private void account(AccountInvestigation a) {
        sb.append("{\"account\":");
        EventJson.string(sb, a.account());
        str("verdict", a.verdict().label());
        str("verdict_with_likely", a.verdictWithLikely().label());
        sb.append(",\"compromised_at\":");
        instant(a.compromisedAt());
        sb.append(",\"attacker_sources\":");
        strings(a.attackerSources());
        sb.append(",\"failed_guesses\":").append(a.failedGuesses());
        sb.append(",\"attacker\":");
        totals(a.attacker());
        sb.append(",\"likely_attacker\":");
        totals(a.likely());
        sb.append(",\"forwarding\":[");
        for (int i = 0; i < a.forwardings().size(); i++) {
            Forwarding f = a.forwardings().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"time\":");
            instant(f.time());
            str("target", f.target());
            str("how", f.how());
            str("source", f.source());
            str("attribution", f.attribution().label());
            str("where", f.file() == null ? null : f.file() + ":" + f.line());
            sb.append('}');
        }
        sb.append("],\"sessions\":[");
        for (int i = 0; i < a.sessions().size(); i++) {
            AttackerSession s = a.sessions().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("{\"source\":");
            if (s.source() == null) sb.append("null");
            else EventJson.string(sb, s.source());
            str("attribution", s.attribution().label());
            str("why", s.why());
            str("service", s.service());
            str("session", s.session());
            sb.append(",\"start\":");
            instant(s.start());
            sb.append(",\"end\":");
            instant(s.end());
            sb.append(",\"totals\":");
            totals(s.totals());
            str("where", s.file() == null ? null : s.file() + ":" + s.line());
            sb.append('}');
        }
        sb.append("],\"timeline\":[");
        for (int i = 0; i < a.timeline().size(); i++) {
            TimelineEntry t = a.timeline().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("{\"time\":");
            instant(t.time());
            str("source", t.source());
            str("what", t.what());
            str("where", t.where());
            sb.append('}');
        }
        sb.append("],\"notes\":");
        strings(a.notes());
        sb.append('}');
    }

    private void totals(Totals t) {
        sb.append("{\"sessions\":").append(t.sessions())
                .append(",\"messages\":").append(t.messages())
                .append(",\"message_bytes\":").append(t.messageBytes())
                .append(",\"bytes_out\":").append(t.bytesOut())
                .append(",\"deleted\":").append(t.deleted())
                .append(",\"items_read\":").append(t.itemsRead())
                .append(",\"folders_synced\":").append(t.foldersSynced())
                .append(",\"throttled_records\":").append(t.throttled())
                .append(",\"mailbox_changes\":").append(t.mailboxChanges())
                .append(",\"copies\":").append(t.copies())
                .append(",\"deletes\":").append(t.deletes())
                .append(",\"expunges\":").append(t.expunges())
                .append(",\"saves\":").append(t.saves())
                .append(",\"flag_changes\":").append(t.flagChanges())
                .append(",\"folder_changes\":").append(t.folderChanges())
                .append('}');
    }

    private void str(String name, String value) {
        sb.append(",\"").append(name).append("\":");
        if (value == null) {
            sb.append("null");
        } else {
            EventJson.string(sb, value);
        }
    }

    private void instant(Instant t) {
        time.quotedTime(t, sb);
    }

    private void strings(List<String> xs) {
        EventJson.strings(sb, xs);
    }
}
