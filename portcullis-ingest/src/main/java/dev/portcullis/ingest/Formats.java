package dev.portcullis.ingest;

import dev.portcullis.ingest.csv.CsvFormat;
import dev.portcullis.ingest.format.DovecotParser;
import dev.portcullis.ingest.format.ExchangeProtocolParser;
import dev.portcullis.ingest.format.EntraCsvParser;
import dev.portcullis.ingest.format.EntraSignInParser;
import dev.portcullis.ingest.format.KeycloakParser;
import dev.portcullis.ingest.format.M365AuditParser;
import dev.portcullis.ingest.format.NextcloudParser;
import dev.portcullis.ingest.format.NginxMailParser;
import dev.portcullis.ingest.format.PostfixParser;
import dev.portcullis.ingest.format.RoundcubeParser;
import dev.portcullis.ingest.format.SshdParser;
import dev.portcullis.ingest.format.W3cParser;
import dev.portcullis.ingest.format.WindowsJsonParser;
import dev.portcullis.ingest.format.WindowsXmlParser;
import dev.portcullis.ingest.format.ZimbraParser;
import dev.portcullis.ingest.json.JournaldFormat;
import dev.portcullis.ingest.json.JsonFormat;
import dev.portcullis.ingest.json.JsonRecordFormat;
import dev.portcullis.ingest.syslog.MessageParser;
import dev.portcullis.ingest.syslog.SyslogFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of parsers one run uses, wired together. Parsers keep per-run state (join tables), so each
 * {@link Ingest} has its own. Adding a format: one parser class, registered here, with its fixture.
 */
public final class Formats {
    private final SyslogFormat syslog;
    private final JsonFormat json;
    private final Sniffer sniffer;

    /** @param strict let parser exceptions escape (fuzz tests); false in production */
    public Formats(boolean strict) {
        // cloud and web applications (one instance each: a parser reading several shapes keeps one state)
        KeycloakParser keycloak = new KeycloakParser();
        RoundcubeParser roundcube = new RoundcubeParser();
        M365AuditParser m365 = new M365AuditParser();

        List<MessageParser> messages = new ArrayList<>(List.of(new DovecotParser(), new PostfixParser(), new SshdParser()));
        messages.add(keycloak);
        messages.add(roundcube);
        this.syslog = new SyslogFormat(messages);
        List<JsonRecordFormat> jsonFormats = new ArrayList<>();
        jsonFormats.add(new JournaldFormat(syslog));
        jsonFormats.add(new WindowsJsonParser());
        jsonFormats.add(m365);
        jsonFormats.add(new EntraSignInParser());
        jsonFormats.add(new NextcloudParser());
        jsonFormats.add(keycloak);
        this.json = new JsonFormat(jsonFormats, strict);
        List<LineFormat> lines = new ArrayList<>();
        lines.add(syslog);
        lines.add(json);
        lines.add(new WindowsXmlParser());
        lines.add(new W3cParser());
        lines.add(new ExchangeProtocolParser());
        lines.add(keycloak);
        lines.add(new ZimbraParser());
        lines.add(roundcube);
        lines.add(new NginxMailParser());
        lines.add(new CsvFormat(List.of(m365, new EntraCsvParser()), strict));
        this.sniffer = new Sniffer(lines, strict);
    }

    public Sniffer sniffer() { return sniffer; }
    public SyslogFormat syslog() { return syslog; }
    public JsonFormat json() { return json; }
}
