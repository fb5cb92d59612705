package dev.portcullis.ingest;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.read.Input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: runs lines or files through a fresh {@link Ingest} and collects the events. Year-less
 * stamps are completed with a fixed reference time, so tests do not depend on today's date.
 */
public final class Fixture {
    /** Reference "mtime" for inputs built from strings: 2026-11-25T12:00:00Z. */
    public static final Instant REFERENCE = Instant.parse("2026-11-25T12:00:00Z");
    /**
     * Fixtures from public sources (crowdsec-hub: MIT, m365: Apache-2.0; licence and NOTICE beside
     * them), relative to the module directory, where Maven runs the tests: the module's own copy, so a
     * fresh clone tests itself.
     */
    public static final Path THIRD_PARTY = Path.of("src", "test", "resources", "third-party");

    public final Ingest ingest = new Ingest(0, ZoneOffset.UTC);
    public final List<AuthEvent> events = new ArrayList<>();

    /** Parses the given lines as one input named "test.log". */
    public static Fixture lines(String... lines) {
        return text(String.join("\n", lines) + "\n");
    }

    public static Fixture text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Fixture bytes(byte[] bytes) {
        Fixture f = new Fixture();
        try {
            f.ingest.read(new Input("test.log", null, REFERENCE, new ByteArrayInputStream(bytes)), f.events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Parses a fixture from a public source, e.g. {@code thirdParty("crowdsec-hub/sshd-logs_sshd-logs.log")}. */
    public static Fixture thirdParty(String relative) {
        return file(THIRD_PARTY.resolve(relative));
    }

    public static Fixture file(Path p) {
        Fixture f = new Fixture();
        try {
            f.ingest.read(new Input(p.getFileName().toString(), null, REFERENCE, Files.newInputStream(p)), f.events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    public ParseStats stats() {
        return ingest.stats();
    }

    /** The only event; fails when there is not exactly one. */
    public AuthEvent one() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + events.size() + ": " + events
                    + "\nunparsed samples: " + stats().samples());
        }
        return events.get(0);
    }

    /** Sum of attempts over the auth events. */
    public long attempts() {
        return events.stream().filter(e -> e.result() != null).mapToLong(AuthEvent::attempts).sum();
    }

    static void touch(Path p, Instant t) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(t));
    }
}
