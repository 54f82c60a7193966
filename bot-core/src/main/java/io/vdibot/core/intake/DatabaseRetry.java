package io.vdibot.core.intake;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Rides out a database that is briefly unreachable (a failover, a restart) or that rolled a statement back to
 * resolve a conflict (an InnoDB deadlock, a Galera certification failure or brute-force abort, all error 1213): the
 * work is retried with backoff for a while instead of being dropped. Data errors are not retried.
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
        return call(what, action, new AtomicInteger());
    }

    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    /**
     * A compare-and-set update ({@code … WHERE status = …}) retried like {@link #call}. A connection lost while the
     * server committed leaves the first attempt's outcome unknown: its retry then finds the row changed and answers
     * {@code false}. So when an attempt failed for a lost connection and the retry answers {@code false},
     * {@code doneByThisCaller} decides (e.g. the task is claimed by this node).
     */
    public boolean compareAndSet(String what, BooleanSupplier attempt, BooleanSupplier doneByThisCaller) {
        AtomicInteger connectionFailures = new AtomicInteger();
        boolean changed = call(what, attempt::getAsBoolean, connectionFailures);
        return changed || connectionFailures.get() > 0 && doneByThisCaller.getAsBoolean();
    }

    private <T> T call(String what, Supplier<T> action, AtomicInteger connectionFailures) {
        long deadline = System.nanoTime() + patience.toNanos();
        long delay = firstDelay.toMillis();
        while (true) {
            try {
                return action.get();
            } catch (DataAccessException e) {
                if (!isRetriable(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (rolledBack(e)) {
                    LOG.info("{}: rolled back by the database ({}), retrying in {} ms", what,
                            e.getMostSpecificCause().getMessage(), delay);
                } else {
                    connectionFailures.incrementAndGet();
                    LOG.warn("{}: database unavailable ({}), retrying in {} ms", what, e.getMessage(), delay);
                }
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
     * transient or recoverable error) and conflicts it resolved by rolling back are worth waiting out;
     * errors in the data or the SQL are not.
     */
    private static boolean isRetriable(DataAccessException e) {
        if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException) {
            return true;
        }
        Throwable cause = e.getMostSpecificCause();
        return cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException || cause instanceof SQLTransactionRollbackException;
    }

    /** The server rolled the statement back (deadlock, certification failure): it certainly did not happen. */
    private static boolean rolledBack(DataAccessException e) {
        return e instanceof org.springframework.dao.ConcurrencyFailureException
                || e.getMostSpecificCause() instanceof SQLTransactionRollbackException;
    }
}
