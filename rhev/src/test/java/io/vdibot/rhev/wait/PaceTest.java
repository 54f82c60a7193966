package io.vdibot.rhev.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.pool.PoolTimings;
import io.vdibot.rhev.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final Pace PACE = new Pace(Duration.ofMillis(100), Duration.ofSeconds(10), 0.05, 0.8);

    @Test
    void withoutAnEstimateThePauseIsAShareOfTheTimeWaitedWithinItsBounds() {
        assertThat(PACE.pause(Duration.ZERO, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(PACE.pause(Duration.ofSeconds(40), null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PACE.pause(Duration.ofMinutes(20), null)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void withAnEstimateTheFirstLookComesShortlyBeforeItIsDue() {
        assertThat(PACE.pause(Duration.ZERO, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(8));
        assertThat(PACE.pause(Duration.ofSeconds(7), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        // once the estimate has passed, the share-of-time rule takes over
        assertThat(PACE.pause(Duration.ofSeconds(9), Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(450));
        assertThat(PACE.pause(Duration.ZERO, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aFasterEngineGetsShorterBoundsAndTheSameShares() {
        Pace fast = PACE.scaled(0.05);
        assertThat(fast.min()).isEqualTo(Duration.ofMillis(5));
        assertThat(fast.max()).isEqualTo(Duration.ofMillis(500));
        assertThat(fast.fraction()).isEqualTo(0.05);
        assertThat(fast.firstLook()).isEqualTo(0.8);
        PoolTimings timings = PoolTimings.DEFAULTS.scaled(0.01);
        assertThat(timings.pace().min()).isEqualTo(Duration.ofMillis(10));
        assertThat(timings.readyTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(timings.parallelCalls()).isEqualTo(PoolTimings.DEFAULTS.parallelCalls());
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new Pace(Duration.ZERO, Duration.ofSeconds(1), 0.1, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pace(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pace(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pace(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePollerLooksAtOnceThenAtThePacesPausesAndOnceMoreAtTheDeadline() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        List<Duration> pauses = new ArrayList<>();
        PacedPoller poller = new PacedPoller(clock, pause -> {
            pauses.add(pause);
            clock.advance(pause);
        });
        int[] looks = {0};

        Optional<String> found = poller.poll(PACE, Duration.ofSeconds(30), Duration.ofSeconds(5), () -> {
            looks[0]++;
            return Optional.empty();
        });

        assertThat(found).isEmpty();
        assertThat(pauses.get(0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(pauses.get(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
        assertThat(looks[0]).isEqualTo(pauses.size() + 1);
    }

    @Test
    void thePollerStopsAtTheFirstAnswer() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        PacedPoller poller = new PacedPoller(clock, clock::advance);
        Instant start = clock.instant();

        Optional<Instant> found = poller.poll(PACE, Duration.ofMinutes(5), null,
                () -> Duration.between(start, clock.instant()).toSeconds() >= 60 ? Optional.of(clock.instant())
                        : Optional.empty());

        assertThat(found).isPresent();
        // seen at most 5 % late
        assertThat(Duration.between(start, found.get())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(63));
    }
}
