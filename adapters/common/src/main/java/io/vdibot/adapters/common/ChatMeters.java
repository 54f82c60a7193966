package io.vdibot.adapters.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * A chat platform's calls and waits as meters: {@code vdibot.chat.calls} times each call to the platform's API
 * (tags {@code platform}, {@code method} — the API method, e.g. {@code chat.postMessage} — and {@code outcome}), and
 * {@code vdibot.chat.ratelimit.waits} times each pause the adapter took because of a rate limit, asked for by the
 * platform or kept by the adapter itself. The wait timer exists from the start, so "no waits" reads as 0.
 *
 * <p>Adapters are built without Spring: they use Micrometer's global registry unless given one, and Spring Boot adds
 * its own registry to the global one ({@code management.metrics.use-global-registry}, on by default).
 */
public final class ChatMeters {

    /** A call answered as expected. */
    public static final String OK = "ok";
    /** The platform said to slow down (HTTP 429 or its own "ratelimited"). */
    public static final String RATE_LIMITED = "rate_limited";
    /** The platform refused the call (its error code, a 4xx). */
    public static final String ERROR = "error";
    /** No usable answer: no connection, a timeout, a 5xx. */
    public static final String UNAVAILABLE = "unavailable";

    private static final Duration[] CALL_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final String platform;
    private final Timer waits;

    public ChatMeters(MeterRegistry registry, String platform) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.waits = Timer.builder("vdibot.chat.ratelimit.waits")
                .description("Pauses taken because of a chat platform's rate limits")
                .tag("platform", platform).register(registry);
    }

    /** On Micrometer's global registry. */
    public static ChatMeters global(String platform) {
        return new ChatMeters(Metrics.globalRegistry, platform);
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void called(Timer.Sample sample, String method, String outcome) {
        sample.stop(Timer.builder("vdibot.chat.calls")
                .description("Calls to a chat platform's API, each attempt on its own")
                .tags("platform", platform, "method", method, "outcome", outcome)
                .serviceLevelObjectives(CALL_BUCKETS)
                .register(registry));
    }

    public void waited(Duration wait) {
        if (!wait.isNegative() && !wait.isZero()) {
            waits.record(wait);
        }
    }
}
