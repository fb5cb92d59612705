package dev.portcullis.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.Status;

/**
 * A log format whose records are JSON objects (journald, Microsoft 365, Entra ID, winlogbeat,
 * Nextcloud…). {@link JsonFormat} parses each record once and offers it to each such format in turn.
 * Must never throw: a record it cannot read is {@link Status#UNPARSED} (when it is this format's) or
 * {@link Status#UNRECOGNISED}.
 */
public interface JsonRecordFormat {
    String name();

    Status parse(JsonNode record, InputContext ctx, EventSink out);
}
