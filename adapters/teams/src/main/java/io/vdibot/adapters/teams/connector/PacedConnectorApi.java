package io.vdibot.adapters.teams.connector;

import io.vdibot.adapters.common.ChatMeters;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends within Teams' per-thread limits and retries what Microsoft says to retry (429, 412, 502, 504, and 503 or no
 * answer at all): exponential backoff with full jitter, never shorter than the service's {@code Retry-After}, a
 * bounded number of times. Other failures (403 when the bot was removed, 404 for a deleted message) fail at once.
 */
public final class PacedConnectorApi implements ConnectorApi {

    private static final Logger LOG = LoggerFactory.getLogger(PacedConnectorApi.class);

    /** Sleeping, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final ConnectorApi delegate;
    private final ThreadRateLimiter limiter;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final ChatMeters meters;

    /** @param meters where each call ({@code vdibot.chat.calls}) and each wait for a rate limit is timed */
    public PacedConnectorApi(ConnectorApi delegate, ThreadRateLimiter limiter, Sleeper sleeper, int maxAttempts,
                             Duration baseDelay, Duration maxDelay, ChatMeters meters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    public PacedConnectorApi(ConnectorApi delegate, ThreadRateLimiter limiter, Sleeper sleeper, int maxAttempts,
                             Duration baseDelay, Duration maxDelay) {
        this(delegate, limiter, sleeper, maxAttempts, baseDelay, maxDelay, ChatMeters.global("teams"));
    }

    public static PacedConnectorApi standard(ConnectorApi delegate) {
        Sleeper sleeper = Thread::sleep;
        return new PacedConnectorApi(delegate, new ThreadRateLimiter(System::currentTimeMillis, sleeper), sleeper, 6,
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    @Override
    public String send(Address to, Outgoing message) throws ConnectorException {
        return paced(to, "send", () -> delegate.send(to, message));
    }

    @Override
    public String reply(Address to, String replyToId, Outgoing message) throws ConnectorException {
        return paced(to, "reply", () -> delegate.reply(to, replyToId, message));
    }

    @Override
    public void update(Address in, String activityId, Outgoing message) throws ConnectorException {
        paced(in, "update", () -> {
            delegate.update(in, activityId, message);
            return null;
        });
    }

    @Override
    public Optional<Member> member(Address in, String userId) throws ConnectorException {
        return retried("member", () -> timed("member", () -> delegate.member(in, userId)));
    }

    @Override
    public Address openPersonalChat(String serviceUrl, String tenantId, String userId) throws ConnectorException {
        return retried("open chat", () -> timed("open chat", () -> delegate.openPersonalChat(serviceUrl, tenantId,
                userId)));
    }

    private interface Attempt<T> {
        T run() throws ConnectorException;
    }

    private <T> T paced(Address address, String operation, Attempt<T> attempt) throws ConnectorException {
        return retried(operation, () -> {
            try {
                meters.waited(Duration.ofMillis(limiter.acquire(address.conversationId())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(operation, 0, null, e);
            }
            return timed(operation, attempt);
        });
    }

    private <T> T retried(String operation, Attempt<T> attempt) throws ConnectorException {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (ConnectorException e) {
                if (!e.retryable() || tried >= maxAttempts || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                long delay = delay(tried, e.retryAfter());
                LOG.debug("{} answered {}; attempt {} in {} ms", operation, e.status(), tried + 1, delay);
                if (e.status() == 429) {
                    meters.waited(Duration.ofMillis(delay));
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** One call to the Connector API, timed with its outcome. */
    private <T> T timed(String operation, Attempt<T> attempt) throws ConnectorException {
        var sample = meters.start();
        String outcome = ChatMeters.UNAVAILABLE;
        try {
            T result = attempt.run();
            outcome = ChatMeters.OK;
            return result;
        } catch (ConnectorException e) {
            outcome = e.status() == 429 ? ChatMeters.RATE_LIMITED
                    : e.retryable() ? ChatMeters.UNAVAILABLE : ChatMeters.ERROR;
            throw e;
        } finally {
            meters.called(sample, operation, outcome);
        }
    }

    /** Full jitter over an exponential ceiling, at least what the service asked for. */
    long delay(int tried, Duration retryAfter) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(tried - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Math.max(jittered, floor);
    }
}
