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
 * Started tasks that wait for a lease another task holds ({@code WAITING}). A waiting task belongs to no node: any
 * node may claim it again ({@link TaskRepository#claim}) once the lease is free.
 */
public final class TaskWaits {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskWaits(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public TaskWaits(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * Moves a {@code RUNNING} task to {@code WAITING} for {@code resourceKey}, releasing its node. The wait counts
     * from the first time the task waited for that same resource. False when the task was not running.
     */
    public boolean park(long taskId, String resourceKey) {
        Objects.requireNonNull(resourceKey, "resourceKey");
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET status = 'WAITING', claimed_by = NULL, heartbeat_at = NULL,
                            waiting_since = CASE WHEN waiting_for = :key THEN waiting_since ELSE :now END,
                            waiting_for = :key, updated_at = :now, version = version + 1
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .paramSource(SqlParams.params().text("key", resourceKey).time("now", now).number("id", taskId))
                .update() == 1;
    }

    /** Every waiting task, oldest first: the order in which they get what they wait for. */
    public List<TaskRecord> waiting() {
        return jdbc.sql("SELECT " + TaskRows.COLUMNS + " FROM task WHERE status = 'WAITING' ORDER BY id")
                .query(TaskRows::map)
                .list();
    }
}
