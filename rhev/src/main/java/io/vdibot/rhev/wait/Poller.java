package io.vdibot.rhev.wait;

import io.vdibot.rhev.call.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Waits for a condition by asking again with growing pauses until a deadline. The probe is always asked once
 * more at the deadline, so a state reached during the last pause is not missed.
 */
public final class Poller {

    private final Clock clock;
    private final Sleeper sleeper;

    public Poller(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Asks {@code probe} until it gives a value or {@code schedule.timeout()} has passed.
     *
     * @return the value, or empty on timeout
     * @throws CancellationException when the thread is interrupted (the node is shutting down)
     */
    public <T> Optional<T> poll(PollSchedule schedule, Supplier<Optional<T>> probe) {
        Instant deadline = clock.instant().plus(schedule.timeout());
        Duration pause = schedule.initial();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting");
            }
            pause = schedule.next(pause);
        }
    }
}
