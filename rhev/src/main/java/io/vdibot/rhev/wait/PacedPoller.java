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
 * Waits for a condition, looking as often as a {@link Pace} says, until a deadline. Like {@link Poller} it looks
 * at once, and once more at the deadline so that a state reached during the last pause is not missed.
 */
public final class PacedPoller {

    private final Clock clock;
    private final Sleeper sleeper;

    public PacedPoller(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Asks {@code probe} until it gives a value or {@code timeout} has passed.
     *
     * @param expected how long the wait should take, from an earlier similar one; null when unknown
     * @return the value, or empty on timeout
     * @throws CancellationException when the thread is interrupted (the node is shutting down)
     */
    public <T> Optional<T> poll(Pace pace, Duration timeout, Duration expected, Supplier<Optional<T>> probe) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value;
            }
            Instant now = clock.instant();
            Duration left = Duration.between(now, deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            Duration pause = pace.pause(Duration.between(start, now), expected);
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting");
            }
        }
    }
}
