package io.vdibot.rhev.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final Poller poller = new Poller(clock, pause -> {
        pauses.add(pause);
        clock.advance(pause);
    });

    @Test
    void asksAgainWithGrowingPausesUntilTheValueComes() {
        AtomicInteger asked = new AtomicInteger();
        PollSchedule schedule = new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(3), 2.0,
                Duration.ofMinutes(1));

        Optional<String> value = poller.poll(schedule,
                () -> asked.incrementAndGet() == 5 ? Optional.of("up") : Optional.empty());

        assertThat(value).contains("up");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void givesUpAtTheDeadlineAfterALastLook() {
        AtomicInteger asked = new AtomicInteger();
        PollSchedule schedule = new PollSchedule(Duration.ofSeconds(4), Duration.ofSeconds(4), 1.0,
                Duration.ofSeconds(10));

        Optional<String> value = poller.poll(schedule, () -> {
            asked.incrementAndGet();
            return Optional.empty();
        });

        assertThat(value).isEmpty();
        assertThat(pauses).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(asked).hasValue(4);
    }
}
