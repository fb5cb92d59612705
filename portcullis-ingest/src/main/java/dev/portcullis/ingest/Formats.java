package dev.portcullis.ingest;

import dev.portcullis.ingest.format.DovecotParser;
import dev.portcullis.ingest.format.ExchangeProtocolParser;
import dev.portcullis.ingest.format.PostfixParser;
import dev.portcullis.ingest.format.SshdParser;
import dev.portcullis.ingest.format.W3cParser;
import dev.portcullis.ingest.format.WindowsJsonParser;
import dev.portcullis.ingest.format.WindowsXmlParser;
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
        List<MessageParser> messages = List.of(new DovecotParser(), new PostfixParser(), new SshdParser());
        this.syslog = new SyslogFormat(messages);
        List<JsonRecordFormat> jsonFormats = new ArrayList<>();
        jsonFormats.add(new JournaldFormat(syslog));
        jsonFormats.add(new WindowsJsonParser());
        this.json = new JsonFormat(jsonFormats, strict);
        List<LineFormat> lines = new ArrayList<>();
        lines.add(syslog);
        lines.add(json);
        lines.add(new WindowsXmlParser());
        lines.add(new W3cParser());
        lines.add(new ExchangeProtocolParser());
        this.sniffer = new Sniffer(lines, strict);
    }

    public Sniffer sniffer() { return sniffer; }
    public SyslogFormat syslog() { return syslog; }
    public JsonFormat json() { return json; }
}
