package io.vdibot.persistence.task;

import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/** The deploy and error logs of tasks in {@code task_log}, append-only. */
public final class TaskLogRepository {

    private static final String COLUMNS = "id, task_id, at, kind, step_key, message, message_key, message_args";
    private static final RowMapper<TaskLogEntry> ROW_MAPPER = TaskLogRepository::mapRow;

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskLogRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public TaskLogRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends a line stamped now; {@code stepKey} may be null for task-level lines. */
    public TaskLogEntry append(long taskId, LogKind kind, String stepKey, String message) {
        return append(taskId, kind, stepKey, message, null, null);
    }

    /**
     * Appends a line written from a message, keeping its key and arguments (a JSON array) so that it can be said
     * again in another language.
     */
    public TaskLogEntry append(long taskId, LogKind kind, String stepKey, String message, String messageKey,
            String messageArgs) {
        Instant at = UtcTimes.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO task_log (task_id, at, kind, step_key, message, message_key, message_args)
                        VALUES (:taskId, :at, :kind, :stepKey, :message, :messageKey, :messageArgs)
                        """)
                .paramSource(SqlParams.params()
                        .number("taskId", taskId)
                        .time("at", at)
                        .text("kind", kind.name())
                        .text("stepKey", stepKey)
                        .text("message", Objects.requireNonNull(message, "message"))
                        .text("messageKey", messageKey)
                        .text("messageArgs", messageArgs))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated log id").longValue();
        return new TaskLogEntry(id, taskId, at, kind, stepKey, message, messageKey, messageArgs);
    }

    /** Both logs of a task, oldest first. */
    public List<TaskLogEntry> list(long taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_log WHERE task_id = :taskId ORDER BY at, id")
                .paramSource(SqlParams.params().number("taskId", taskId))
                .query(ROW_MAPPER)
                .list();
    }

    /** One log of a task, oldest first. */
    public List<TaskLogEntry> list(long taskId, LogKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_log WHERE task_id = :taskId AND kind = :kind"
                        + " ORDER BY at, id")
                .paramSource(SqlParams.params().number("taskId", taskId).text("kind", kind.name()))
                .query(ROW_MAPPER)
                .list();
    }

    private static TaskLogEntry mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new TaskLogEntry(
                rs.getLong("id"),
                rs.getLong("task_id"),
                UtcTimes.fromColumn(rs, "at"),
                LogKind.valueOf(rs.getString("kind")),
                rs.getString("step_key"),
                rs.getString("message"),
                rs.getString("message_key"),
                rs.getString("message_args"));
    }
}
