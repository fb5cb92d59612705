package dev.portcullis.ingest;

import dev.portcullis.ingest.csv.CsvFormat;
import dev.portcullis.ingest.csv.CsvTable;
import dev.portcullis.ingest.format.CourierParser;
import dev.portcullis.ingest.format.CyrusParser;
import dev.portcullis.ingest.format.DovecotParser;
import dev.portcullis.ingest.format.EntraCsvParser;
import dev.portcullis.ingest.format.EntraSignInParser;
import dev.portcullis.ingest.format.EximParser;
import dev.portcullis.ingest.format.ExchangeProtocolParser;
import dev.portcullis.ingest.format.KeycloakParser;
import dev.portcullis.ingest.format.M365AuditParser;
import dev.portcullis.ingest.format.MssqlErrorLogParser;
import dev.portcullis.ingest.format.PerditionParser;
import dev.portcullis.ingest.format.SolidPop3dParser;
import dev.portcullis.ingest.format.UwImapParser;
import dev.portcullis.ingest.format.NextcloudParser;
import dev.portcullis.ingest.format.NginxMailParser;
import dev.portcullis.ingest.format.PostfixParser;
import dev.portcullis.ingest.format.RoundcubeParser;
import dev.portcullis.ingest.format.PamParser;
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
 * {@link Ingest} has its own.
 *
 * <p>Adding a format: one parser class in {@code format/}, one line in {@link #parsers()}, and its fixture.
 * Each parser is listed once and joins every family it implements: a syslog message parser
 * ({@link MessageParser}), a JSON record reader ({@link JsonRecordFormat}), a line format
 * ({@link LineFormat}, tried by the {@link Sniffer}), a CSV export ({@link CsvTable}). Within a family
 * the list's order is the order parsers are tried; a parser reading several shapes is one instance, so
 * it keeps one state.
 */
public final class Formats {
    private final SyslogFormat syslog;
    private final JsonFormat json;
    private final Sniffer sniffer;

    /** Every parser, once, in the order each family tries them. */
    private static List<Object> parsers() {
        SshdParser sshd = new SshdParser();
        return List.of(
                new DovecotParser(),
                new PostfixParser(),
                new EximParser(),
                new CourierParser(),
                new CyrusParser(),
                new UwImapParser(),
                new PerditionParser(),
                new SolidPop3dParser(),
                sshd,
                new PamParser(sshd.join()),
                new WindowsJsonParser(),
                new M365AuditParser(),
                new EntraSignInParser(),
                new NextcloudParser(),
                new WindowsXmlParser(),
                new W3cParser(),
                new ExchangeProtocolParser(),
                new KeycloakParser(),
                new ZimbraParser(),
                new RoundcubeParser(),
                new NginxMailParser(),
                new EntraCsvParser(),
                new MssqlErrorLogParser());
    }

    /** @param strict let parser exceptions escape (fuzz tests); false in production */
    public Formats(boolean strict) {
        List<Object> parsers = parsers();
        this.syslog = new SyslogFormat(family(parsers, MessageParser.class));
        List<JsonRecordFormat> records = new ArrayList<>();
        records.add(new JournaldFormat(syslog));
        records.addAll(family(parsers, JsonRecordFormat.class));
        this.json = new JsonFormat(records, strict);
        List<LineFormat> lines = new ArrayList<>();
        lines.add(syslog);
        lines.add(json);
        lines.addAll(family(parsers, LineFormat.class));
        lines.add(new CsvFormat(family(parsers, CsvTable.class), strict));
        this.sniffer = new Sniffer(lines, strict);
    }

    private static <T> List<T> family(List<Object> parsers, Class<T> kind) {
        List<T> members = new ArrayList<>();
        for (Object p : parsers) {
            if (kind.isInstance(p)) {
                members.add(kind.cast(p));
            }
        }
        return members;
    }

    public Sniffer sniffer() { return sniffer; }
    public SyslogFormat syslog() { return syslog; }
    public JsonFormat json() { return json; }
}
