package dev.portcullis.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** tail -F semantics, driven by explicit polls: no sleeping, no timing. */
class FollowerTest {
    @TempDir
    Path dir;

    private final List<String> got = new ArrayList<>();

    private void append(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsAtTheEndThenDeliversCompleteNewLines() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, "old 1\nold 2\n");
        try (Follower f = new Follower(log, false)) {
            assertThat(f.poll((l, n) -> got.add(l))).isZero();
            append(log, "new 1\nnew ");
            f.poll((l, n) -> got.add(l));
            assertThat(got).containsExactly("new 1");
            append(log, "2\n");
            f.poll((l, n) -> got.add(l));
            assertThat(got).containsExactly("new 1", "new 2");
        }
    }

    @Test
    void fromStartReadsExistingContents() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, "a\nb\n");
        try (Follower f = new Follower(log, true)) {
            f.poll((l, n) -> got.add(n + ":" + l));
        }
        assertThat(got).containsExactly("1:a", "2:b");
    }

    @Test
    void followsRotationByRenameReadingTheOldFilesTailFirst() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, "");
        try (Follower f = new Follower(log, false)) {
            f.poll((l, n) -> got.add(l));
            append(log, "before rotation\nlast of old\n");
            // logrotate: rename, then a new file at the same path
            Files.move(log, dir.resolve("mail.log.1"));
            append(log, "first of new\n");
            f.poll((l, n) -> got.add(l + "@" + n));
        }
        assertThat(got).containsExactly("before rotation@1", "last of old@2", "first of new@1");
    }

    @Test
    void restartsAfterCopyTruncate() throws IOException {
        Path log = dir.resolve("mail.log");
        append(log, "");
        try (Follower f = new Follower(log, false)) {
            f.poll((l, n) -> got.add(l));
            append(log, "one line that is long enough\n");
            f.poll((l, n) -> got.add(l));
            Files.writeString(log, "", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            append(log, "after\n");
            f.poll((l, n) -> got.add(l));
        }
        assertThat(got).containsExactly("one line that is long enough", "after");
    }

    @Test
    void waitsForAFileThatDoesNotExistYet() throws IOException {
        Path log = dir.resolve("later.log");
        try (Follower f = new Follower(log, false)) {
            assertThat(f.poll((l, n) -> got.add(l))).isZero();
            append(log, "hello\n");
            f.poll((l, n) -> got.add(l));
        }
        assertThat(got).containsExactly("hello");
    }
}
