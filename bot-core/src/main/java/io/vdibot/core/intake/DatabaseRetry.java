package io.vdibot.core.intake;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

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
            } catch (DataAccessException e) {
                if (!isOutage(e) || System.nanoTime() > deadline) {
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

    /**
     * Failures of the database as a resource (no connection, connection lost mid-statement, a
     * transient or recoverable error) are worth waiting out; errors in the data or the SQL are not.
     */
    private static boolean isOutage(DataAccessException e) {
        if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException) {
            return true;
        }
        Throwable cause = e.getMostSpecificCause();
        return cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException;
    }
}
