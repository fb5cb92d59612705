package dev.portcullis.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.LineFormat;
import dev.portcullis.ingest.SinkFailedException;
import dev.portcullis.ingest.Status;

import java.io.IOException;
import java.util.List;

/**
 * JSON lines (one object per line) handed to the {@link JsonRecordFormat}s. Also the entry point for
 * whole JSON documents (an array of records, as Entra ID's portal exports): see {@link #parseRecord}.
 */
public final class JsonFormat implements LineFormat {
    /** Shared, configured for untrusted input: bounded nesting and string sizes. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build())
            .build());

    private final List<JsonRecordFormat> formats;
    private final boolean strict;

    /** @param strict let a format's exception escape (fuzz tests) instead of counting the record unparsed */
    public JsonFormat(List<JsonRecordFormat> formats, boolean strict) {
        this.formats = List.copyOf(formats);
        this.strict = strict;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Status parse(String line, InputContext ctx, EventSink out) {
        int i = 0;
        while (i < line.length() && line.charAt(i) <= ' ') i++;
        if (i >= line.length() || line.charAt(i) != '{') {
            return Status.UNRECOGNISED;
        }
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(line)) {
            node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                return Status.UNPARSED; // trailing garbage after the object
            }
        } catch (IOException | RuntimeException e) {
            return Status.UNPARSED; // truncated or invalid JSON
        }
        return parseRecord(node, ctx, out);
    }

    /** Offers one JSON record to each format; UNPARSED when none recognises it. */
    public Status parseRecord(JsonNode node, InputContext ctx, EventSink out) {
        if (node == null || !node.isObject()) {
            return Status.UNPARSED;
        }
        for (JsonRecordFormat f : formats) {
            Status s;
            try {
                s = f.parse(node, ctx, out);
            } catch (SinkFailedException e) {
                throw e; // the consumer failed, not the parser
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                s = Status.UNPARSED; // a parser bug must not stop the run; the sample shows the line
            }
            if (s.recognised()) {
                return s;
            }
        }
        return Status.UNPARSED;
    }
}
