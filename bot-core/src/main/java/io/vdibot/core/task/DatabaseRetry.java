package io.vdibot.core.task;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Rides out a database that is briefly unreachable (a failover, a restart): an accepted request is
 * retried with backoff for a while instead of being dropped. Data errors are not retried.
 */
public final class DatabaseRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRetry.class);
    private final Duration patience;
    private final Duration firstDelay;

    public DatabaseRetry(Duration patience, Duration firstDelay) {
        this.patience = patience;
        this.firstDelay = firstDelay;
    }

    public <T> T call(String what, Supplier<T> action) {
        long deadline = System.nanoTime() + patience.toNanos();
        long delay = firstDelay.toMillis();
        while (true) {
            try {
                return action.get();
            } catch (NonTransientDataAccessException e) {
                if (!looksLikeLostConnection(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("{}: database unavailable ({}), retrying in {} ms", what, e.getMessage(), delay);
            } catch (DataAccessException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("{}: database unavailable ({}), retrying in {} ms", what, e.getMessage(), delay);
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", interrupted);
            }
            delay = Math.min(delay * 2, 5_000);
        }
    }

    /** A pool that cannot hand out a connection reports it as a non-transient failure. */
    private static boolean looksLikeLostConnection(DataAccessException e) {
        return e.getClass().getSimpleName().contains("CannotGetJdbcConnection")
                || e.getMostSpecificCause() instanceof java.sql.SQLTransientConnectionException
                || e.getMostSpecificCause() instanceof java.sql.SQLNonTransientConnectionException;
    }
}
