package io.vdibot.rhev.call;

import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.connect.SiteConfigurationException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ovirt.engine.sdk4.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this module calls an engine: runs an SDK call on a site's connection, retries transient failures
 * (no answer, HTTP 5xx, 409 "locked"/"in progress") with exponential backoff up to a bound, fails at once on
 * permanent ones, and turns whatever the SDK threw into an {@link EngineException}.
 *
 * <p>The whole {@code call} is repeated on a retry. A call that changes the estate must therefore be written so
 * that repeating it is safe, typically "look for what I may have created, create it only if absent": after a lost
 * answer the engine may well have done the work.
 */
public final class EngineCalls {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCalls.class);

    private final EngineConnections connections;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public EngineCalls(EngineConnections connections, RetryPolicy policy, Sleeper sleeper) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public EngineCalls(EngineConnections connections) {
        this(connections, RetryPolicy.DEFAULTS, Sleeper.system());
    }

    public EngineConnections connections() {
        return connections;
    }

    /**
     * Runs {@code call} against {@code site}.
     *
     * @param what a few words for the log, e.g. {@code "list templates"}
     * @throws EngineException when the engine refused, or kept failing transiently through every attempt
     */
    public <T> T call(String site, String what, Function<Connection, T> call) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = connect(site);
            EngineException failure;
            try {
                return call.apply(connection);
            } catch (RuntimeException thrown) {
                if (!(thrown instanceof EngineException) && !EngineFaults.fromSdk(thrown)) {
                    throw thrown;
                }
                failure = EngineFaults.translate(site, thrown);
            }
            if (failure.kind() == EngineException.Kind.TRANSPORT) {
                connections.invalidate(site, connection);
            }
            if (!failure.isTransient() || attempt >= policy.attempts()) {
                if (failure.isTransient()) {
                    LOG.warn("{} at site {} failed {} times, giving up: {}", what, site, attempt,
                            failure.getMessage());
                }
                throw failure.afterAttempts(attempt);
            }
            LOG.info("{} at site {} failed (attempt {}/{}), retrying: {}", what, site, attempt, policy.attempts(),
                    failure.getMessage());
            try {
                sleeper.sleep(policy.delayAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.afterAttempts(attempt);
            }
        }
    }

    /** {@link #call} for calls without a result. */
    public void run(String site, String what, Consumer<Connection> call) {
        call(site, what, connection -> {
            call.accept(connection);
            return null;
        });
    }

    /**
     * Asks the engine for its API root: whether it answers and takes the credentials. Preflights ask this first,
     * otherwise every later check would report the same outage.
     */
    public void checkAnswers(String site) {
        call(site, "check the engine", connection -> connection.systemService().get().send().api());
    }

    private Connection connect(String site) {
        try {
            return connections.connection(site);
        } catch (SiteConfigurationException e) {
            throw new EngineException(site, EngineException.Kind.CONFIGURATION, 0, null, e.getMessage(), false, 1, e);
        }
    }
}
