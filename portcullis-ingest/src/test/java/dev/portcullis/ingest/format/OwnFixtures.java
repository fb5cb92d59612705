package dev.portcullis.ingest.format;

import dev.portcullis.ingest.Fixture;

import java.nio.file.Path;

/** The fixtures written for this module's tests (src/test/resources/fixtures, see its README). */
final class OwnFixtures {
    static final Path DIR = Path.of("src", "test", "resources", "fixtures");

    private OwnFixtures() {
    }

    static Fixture read(String relative) {
        return Fixture.file(DIR.resolve(relative));
    }
}
