package io.vdibot.persistence.task;

import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasks waiting for an approver, seen by the time they have waited: which are due for a reminder and which have
 * waited too long. A task waits from its creation (it is created waiting). Reminding and expiring are claims, each a
 * compare-and-set in one statement: when several bot processes look at the same moment, exactly one wins each claim,
 * and only the winner tells anyone.
 */
public final class ApprovalDeadlines {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApprovalDeadlines(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tasks still waiting that were asked for at or before {@code askedBy}, oldest first. */
    public List<TaskRecord> askedBy(Instant askedBy) {
        return jdbc.sql("SELECT " + TaskRows.COLUMNS + " FROM task WHERE status = 'PENDING_APPROVAL'"
                        + " AND created_at <= :threshold ORDER BY created_at, id")
                .paramSource(SqlParams.params().time("threshold", askedBy))
                .query(TaskRows::map)
                .list();
    }

    /**
     * Tasks still waiting whose approvers were last reminded (or, never reminded, first asked) at or before
     * {@code quietSince}, oldest first.
     */
    public List<TaskRecord> quietSince(Instant quietSince) {
        return jdbc.sql("SELECT " + TaskRows.COLUMNS + " FROM task WHERE status = 'PENDING_APPROVAL'"
                        + " AND COALESCE(approval_reminded_at, created_at) <= :threshold ORDER BY created_at, id")
                .paramSource(SqlParams.params().time("threshold", quietSince))
                .query(TaskRows::map)
                .list();
    }

    /**
     * Claims the next reminder of a waiting task that has been quiet since {@code quietSince}: stamps it reminded
     * now. False when another process claimed it first, or the task no longer waits.
     */
    public boolean claimReminder(long taskId, Instant quietSince) {
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET approval_reminded_at = :now
                        WHERE id = :id AND status = 'PENDING_APPROVAL'
                            AND COALESCE(approval_reminded_at, created_at) <= :threshold
                        """)
                .paramSource(SqlParams.params().time("now", now).number("id", taskId)
                        .time("threshold", quietSince))
                .update() == 1;
    }

    /**
     * Ends a task that has waited for an approver since {@code askedBy} or earlier as {@code EXPIRED}. False when
     * another process expired it first, or an approver decided in the meantime.
     */
    public boolean expire(long taskId, Instant askedBy) {
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET status = 'EXPIRED', finished_at = :now, updated_at = :now,
                            version = version + 1
                        WHERE id = :id AND status = 'PENDING_APPROVAL' AND created_at <= :threshold
                        """)
                .paramSource(SqlParams.params().time("now", now).number("id", taskId).time("threshold", askedBy))
                .update() == 1;
    }
}
