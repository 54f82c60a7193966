package io.vdibot.rhev.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * How to poll for a state: first wait {@code initial}, then grow each wait by {@code factor} up to {@code max},
 * and give up after {@code timeout}.
 */
public record PollSchedule(Duration initial, Duration max, double factor, Duration timeout) {

    public PollSchedule {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(timeout, "timeout");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        if (factor < 1.0 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("the growth factor must be >= 1");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must not be negative");
        }
    }

    public PollSchedule withTimeout(Duration newTimeout) {
        return new PollSchedule(initial, max, factor, newTimeout);
    }

    Duration next(Duration previous) {
        Duration grown = Duration.ofNanos((long) Math.min(Long.MAX_VALUE, previous.toNanos() * factor));
        return grown.compareTo(max) > 0 ? max : grown;
    }
}
