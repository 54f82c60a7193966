package io.vdibot.adapters.teams.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vdibot.adapters.common.ChatMeters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Each Connector call is timed with its outcome; a 429's wait and the adapter's own wait for Teams' per-thread limits
 * are counted as rate-limit waits.
 */
class PacedConnectorApiMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PacedConnectorApi.Sleeper sleeper = now::addAndGet;
    private final Address thread = new Address("https://smba.example/", "19:thread", "tenant");

    @Test
    void aThrottledSendIsRetriedAndEveryPauseIsCounted() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        ConnectorApi throttledOnce = new Unsupported() {
            @Override
            public String send(Address to, Outgoing message) throws ConnectorException {
                if (sends.incrementAndGet() == 1) {
                    throw new ConnectorException("send", 429, Duration.ofSeconds(2), null);
                }
                return "a" + sends.get();
            }
        };
        PacedConnectorApi api = new PacedConnectorApi(throttledOnce, new ThreadRateLimiter(now::get, sleeper),
                sleeper, 6, Duration.ofMillis(100), Duration.ofSeconds(30), new ChatMeters(meters, "teams"));

        // Teams allows 7 sends a second in one thread: the 8th waits for its turn
        for (int i = 0; i < 8; i++) {
            api.send(thread, new Outgoing("hi", null));
        }

        assertThat(calls("send", ChatMeters.RATE_LIMITED)).isEqualTo(1);
        assertThat(calls("send", ChatMeters.OK)).isEqualTo(8);
        var waits = meters.get("vdibot.chat.ratelimit.waits").tag("platform", "teams").timer();
        assertThat(waits.count()).as("the 429's Retry-After and the 8th send's turn").isEqualTo(2);
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(2_000);
    }

    private long calls(String method, String outcome) {
        return meters.get("vdibot.chat.calls").tags("platform", "teams", "method", method, "outcome", outcome)
                .timer().count();
    }

    /** Only what a test overrides answers. */
    private abstract static class Unsupported implements ConnectorApi {
        @Override
        public String send(Address to, Outgoing message) throws ConnectorException {
            throw new UnsupportedOperationException();
        }

        @Override
        public String reply(Address to, String replyToId, Outgoing message) throws ConnectorException {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Address in, String activityId, Outgoing message) throws ConnectorException {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Member> member(Address in, String userId) throws ConnectorException {
            throw new UnsupportedOperationException();
        }

        @Override
        public Address openPersonalChat(String serviceUrl, String tenantId, String userId) throws ConnectorException {
            throw new UnsupportedOperationException();
        }
    }
}
