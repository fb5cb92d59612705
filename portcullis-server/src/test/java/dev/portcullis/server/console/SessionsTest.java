package dev.portcullis.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.server.console.auth.ConsoleUser;
import dev.portcullis.server.console.auth.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session table: random ids, idle and absolute expiry, a hard cap, one-time links. */
class SessionsTest {
    final FakeClock clock = new FakeClock(Instant.parse("2026-06-10T09:00:00Z"));
    final Sessions sessions = new Sessions(100, Duration.ofMinutes(15), clock);
    final ConsoleUser alice = new ConsoleUser("alice", Role.ADMIN);

    @Test
    void idsAndTokensAre256RandomBitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Session s = sessions.start(alice);
            assertThat(s.id()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(s.csrf()).hasSize(43).isNotEqualTo(s.id());
            assertThat(seen.add(s.id())).isTrue();
            assertThat(s.toString()).doesNotContain(s.id()).doesNotContain(s.csrf());
        }
    }

    @Test
    void aFloodOfSessionsIsBoundedAndEndsTheLeastRecentlyUsed() {
        Session kept = sessions.start(alice);
        Session first = null;
        for (int i = 0; i < 10_000; i++) {
            Session s = sessions.start(alice);
            if (first == null) first = s;
            sessions.use(kept.id()); // in use: stays
        }
        assertThat(sessions.size()).isEqualTo(100);
        assertThat(sessions.use(kept.id())).isNotNull();
        assertThat(sessions.use(first.id())).isNull();
    }

    @Test
    void idleAndAbsoluteLimits() {
        Session s = sessions.start(alice);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(sessions.use(s.id())).isNotNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.use(s.id())).isNull();
        assertThat(sessions.use(s.id())).as("ended, not just refused once").isNull();
        Session t = sessions.start(alice);
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(sessions.use(t.id())).isNotNull();
        }
        clock.advance(Duration.ofMinutes(10)); // 8 h since the start
        assertThat(sessions.use(t.id())).isNull();
        assertThat(sessions.use(null)).isNull();
        assertThat(sessions.use("made-up")).isNull();
    }

    @Test
    void aLinkWorksOnceWithinTenMinutes() {
        String link = sessions.link(alice);
        assertThat(sessions.redeem(link)).isEqualTo(alice);
        assertThat(sessions.redeem(link)).isNull();
        String late = sessions.link(alice);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.redeem(late)).isNull();
        for (int i = 0; i < 1000; i++) sessions.link(alice); // bounded
        assertThat(sessions.redeem(null)).isNull();
    }
}
