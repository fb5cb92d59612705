package dev.portcullis.ingest.format;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SshdJoinTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static AuthEvent held(Instant t) {
        return AuthEvent.builder().time(t).format("sshd").service("ssh").failure(Reason.UNSPECIFIED).attempts(1).build();
    }

    @Test
    void aFullTableEvictsTheOldestCountsItAndKeepsItsHeldGuess() {
        SshdJoin join = new SshdJoin();
        List<AuthEvent> out = new ArrayList<>();
        for (int i = 0; i <= SshdJoin.CAPACITY; i++) {
            assertThat(join.twin("pid" + i, T, held(T), out::add)).isZero();
        }
        assertThat(join.size()).isEqualTo(SshdJoin.CAPACITY);
        assertThat(join.evicted()).isEqualTo(1);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
        join.finish(out::add);
        assertThat(out.stream().mapToInt(AuthEvent::attempts).sum()).isEqualTo(SshdJoin.CAPACITY + 1);
    }

    @Test
    void aTwinOlderThanTheWindowIsNotJoinedToALaterFailedLine() {
        SshdJoin join = new SshdJoin();
        List<AuthEvent> out = new ArrayList<>();
        AuthEvent named = AuthEvent.builder().time(T).format("sshd").service("ssh").account("root").sourceText("192.0.2.1")
                .failure(Reason.BAD_PASSWORD).attempts(1).build();
        // the twin is held; its "Failed" line counts the guess
        assertThat(join.twin("7", T, named, out::add)).isZero();
        assertThat(join.failed("7", T.plusSeconds(2), 1, out::add)).isEqualTo(1);
        assertThat(out).isEmpty();
        assertThat(join.twin("7", T.plusSeconds(3), named, out::add)).isZero();
        // the same pid 40 s later is another connection (pids are reused): the old twin is counted on its
        // own, and the new "Failed" line counts its own guess
        assertThat(join.failed("7", T.plusSeconds(43), 1, out::add)).isEqualTo(1);
        assertThat(out).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    }
}
