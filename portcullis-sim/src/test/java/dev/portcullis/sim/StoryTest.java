package dev.portcullis.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.core.AuthEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's story: the same seed tells the same story, and every story has its three attacks and its lucky guess. */
class StoryTest {

    @Test
    void theSameSeedTellsTheSameStory() {
        Story a = Story.pick(1, 300, Duration.ofHours(4));
        Story b = Story.pick(1, 300, Duration.ofHours(4));
        assertThat(b.seed()).isEqualTo(a.seed()).isGreaterThanOrEqualTo(1);
        assertThat(b.attempts()).isEqualTo(a.attempts());
        assertThat(b.breakInAccount()).isEqualTo(a.breakInAccount());
        assertThat(b.breakInSource()).isEqualTo(a.breakInSource());
    }

    @Test
    void everyStoryHasItsAttacksAndALuckyFirstGuess() {
        for (long seed : new long[] {1, 2, 42}) {
            Story s = Story.pick(seed, 300, Duration.ofHours(4));
            List<AuthEvent> all = s.attempts();
            assertThat(all).as("seed %d: in time order", seed)
                    .isSortedAccordingTo((x, y) -> x.time().compareTo(y.time()));
            assertThat(all).allMatch(e -> !e.time().isBefore(s.start()) && e.time().isBefore(s.end()));
            assertThat(all.get(0)).as("seed %d: opened by a stale phone's last good login", seed)
                    .matches(e -> e.isSuccess() && e.time().equals(s.start()) && e.format().equals("story"));
            assertThat(s.spraySource()).isNotNull();
            assertThat(s.label(s.spraySource())).isEqualTo("password_spray");
            assertThat(s.campaignSources()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(s.label(s.breakInSource())).isEqualTo("distributed_spray");

            List<AuthEvent> fromIt = all.stream().filter(e -> s.breakInSource().equals(e.source())).toList();
            AuthEvent first = fromIt.get(0);
            assertThat(first.isSuccess()).as("seed %d: its first guess was right", seed).isTrue();
            assertThat(first.account()).isEqualTo(s.breakInAccount());
            assertThat(first.time()).isEqualTo(s.breakInTime());
            assertThat(s.isBreakIn(first)).isTrue();
            assertThat(fromIt).as("seed %d: then it failed on other accounts", seed)
                    .anyMatch(e -> e.isFailure() && !e.account().equals(s.breakInAccount()));
            assertThat(all).as("seed %d: the attacker came back", seed).anyMatch(e -> s.isReturn(e)
                    && e.account().equals(s.breakInAccount()) && e.time().isAfter(s.breakInTime()));
            assertThat(all).as("seed %d: benign logins carry no label", seed)
                    .anyMatch(e -> e.isSuccess() && s.label(e.source()) == null);
        }
    }

    @Test
    void aScenarioWithoutALuckyGuessIsNoStory() {
        ScenarioSpec s = Story.spec(300, Duration.ofHours(4), 1);
        ScenarioSpec noCampaign = new ScenarioSpec(s.users(), s.span(), s.seed(), s.rfc3339(), s.authVerbose(), s.ipv6Share(),
                s.bruteForce(), s.sprays(), 0, s.stuffingSources(), s.mobileNats(), s.staleDevices(), s.giveUps(),
                s.weakShare(), s.end());
        assertThat(Story.of(noCampaign)).isNull();
        ScenarioSpec noWeakPasswords = new ScenarioSpec(s.users(), s.span(), s.seed(), s.rfc3339(), s.authVerbose(),
                s.ipv6Share(), s.bruteForce(), s.sprays(), s.distributedSources(), s.stuffingSources(), s.mobileNats(),
                s.staleDevices(), s.giveUps(), 0, s.end());
        assertThat(Story.of(noWeakPasswords)).isNull();
    }
}
