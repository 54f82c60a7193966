package io.vdibot.rhev.call;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded retries with exponential backoff for transient engine failures.
 *
 * @param attempts  total tries, including the first
 * @param baseDelay wait before the second try; doubled for each further one
 * @param maxDelay  cap of a single wait
 */
public record RetryPolicy(int attempts, Duration baseDelay, Duration maxDelay) {

    /** Five tries over about 15 s: outlasts a proxy or engine hiccup, and gives up long before a user would. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** The wait after failed attempt {@code failed} (1-based). */
    public Duration delayAfter(int failed) {
        Duration delay = baseDelay;
        for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
