package io.vdibot.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/** What is retried, and how a compare-and-set whose answer was lost is decided. */
class DatabaseRetryTest {

    private final DatabaseRetry retry = new DatabaseRetry(Duration.ofSeconds(5), Duration.ofMillis(1));

    /** MariaDB's error 1213, as Spring reports an InnoDB deadlock or a Galera certification failure. */
    private static CannotAcquireLockException deadlock() {
        return new CannotAcquireLockException("UPDATE task …", new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    private static DataAccessResourceFailureException connectionLost() {
        return new DataAccessResourceFailureException("UPDATE task …",
                new SQLNonTransientConnectionException("socket closed", "08000"));
    }

    @Test
    void aStatementRolledBackByADeadlockOrCertificationFailureIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.call("finish T1", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRollbackTheTranslatorDidNotRecogniseIsRetriedByItsSqlState() {
        AtomicInteger attempts = new AtomicInteger();
        retry.run("log of T1", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new UncategorizedSQLException("INSERT …", "INSERT …",
                        new SQLTransactionRollbackException("WSREP detected deadlock/conflict", "40001", 1213));
            }
        });
        assertThat(attempts).hasValue(2);
    }

    @Test
    void dataErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("insert", () -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("too long");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCompareAndSetThatLostItsAnswerAsksWhetherItWasDone() {
        // the first attempt committed, but the connection broke before the answer came: the retry finds nothing to do
        AtomicInteger attempts = new AtomicInteger();
        boolean claimed = retry.compareAndSet("claim T1", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw connectionLost();
            }
            return false;
        }, () -> true);
        assertThat(claimed).isTrue();
    }

    @Test
    void aCompareAndSetThatWasRolledBackAndThenLostIsLost() {
        // a deadlock rolls the attempt back for certain: false after it means another caller won
        boolean claimed = retry.compareAndSet("claim T1", new java.util.function.BooleanSupplier() {
            private int attempts;

            @Override
            public boolean getAsBoolean() {
                if (++attempts == 1) {
                    throw deadlock();
                }
                return false;
            }
        }, () -> {
            throw new AssertionError("not asked: the rolled back attempt did nothing");
        });
        assertThat(claimed).isFalse();
    }

    @Test
    void aCompareAndSetThatWonAtOnceIsNotQuestioned() {
        assertThat(retry.compareAndSet("finish T1", () -> true, () -> false)).isTrue();
        assertThat(retry.compareAndSet("finish T1", () -> false, () -> true)).isFalse();
    }
}
