package io.vdibot.persistence.task;

import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The steps of tasks in {@code task_step}, one row per (task, step key).
 *
 * <p>Every call is idempotent, so an executor resumed after a crash can replay its plan: a {@code DONE}
 * step is never reopened or failed, and data recorded by an earlier attempt survives a restart of the
 * step (that is how a resumed step finds the VM it already created).
 */
public final class TaskStepRepository {

    private static final String COLUMNS = "task_id, step_key, ordinal, status, started_at, finished_at, data_json";
    private static final RowMapper<TaskStepRecord> ROW_MAPPER = TaskStepRepository::mapRow;

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskStepRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public TaskStepRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Marks a step {@code RUNNING} with a fresh start time, unless it is already {@code DONE}, and returns
     * the step as stored: callers check {@link TaskStepRecord#isDone()} and skip done steps.
     */
    public TaskStepRecord start(long taskId, String stepKey, int ordinal) {
        // In ON DUPLICATE KEY UPDATE, later assignments see earlier ones, so status is assigned last.
        jdbc.sql("""
                        INSERT INTO task_step (task_id, step_key, ordinal, status, started_at)
                        VALUES (:taskId, :stepKey, :ordinal, 'RUNNING', :now)
                        ON DUPLICATE KEY UPDATE
                            started_at = IF(status = 'DONE', started_at, :now),
                            finished_at = IF(status = 'DONE', finished_at, NULL),
                            ordinal = :ordinal,
                            status = IF(status = 'DONE', status, 'RUNNING')
                        """)
                .paramSource(SqlParams.params()
                        .number("taskId", taskId)
                        .text("stepKey", stepKey)
                        .number("ordinal", ordinal)
                        .time("now", UtcTimes.now(clock)))
                .update();
        return require(taskId, stepKey);
    }

    /** Stores data while the step runs, e.g. a VM id right after the create call, before waiting for it. */
    public TaskStepRecord recordData(long taskId, String stepKey, String dataJson) {
        int updated = jdbc.sql("UPDATE task_step SET data_json = :data WHERE task_id = :taskId AND step_key = :stepKey")
                .paramSource(SqlParams.params()
                        .text("data", dataJson)
                        .number("taskId", taskId)
                        .text("stepKey", stepKey))
                .update();
        if (updated == 0) {
            throw notStarted(taskId, stepKey);
        }
        return require(taskId, stepKey);
    }

    /**
     * Marks a step {@code DONE}; {@code dataJson}, when not null, replaces the recorded data. Completing a
     * done step changes nothing.
     */
    public TaskStepRecord complete(long taskId, String stepKey, String dataJson) {
        return finish(taskId, stepKey, StepStatus.DONE, dataJson);
    }

    /**
     * Marks a running step {@code FAILED}; {@code dataJson}, when not null, replaces the recorded data
     * (e.g. what needs cleaning up). A done step stays done.
     */
    public TaskStepRecord fail(long taskId, String stepKey, String dataJson) {
        return finish(taskId, stepKey, StepStatus.FAILED, dataJson);
    }

    private TaskStepRecord finish(long taskId, String stepKey, StepStatus status, String dataJson) {
        jdbc.sql("""
                        UPDATE task_step SET status = :status, finished_at = :now,
                            data_json = COALESCE(:data, data_json)
                        WHERE task_id = :taskId AND step_key = :stepKey AND status = 'RUNNING'
                        """)
                .paramSource(SqlParams.params()
                        .text("status", status.name())
                        .time("now", UtcTimes.now(clock))
                        .text("data", dataJson)
                        .number("taskId", taskId)
                        .text("stepKey", stepKey))
                .update();
        return require(taskId, stepKey);
    }

    public Optional<TaskStepRecord> find(long taskId, String stepKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_step WHERE task_id = :taskId AND step_key = :stepKey")
                .paramSource(SqlParams.params().number("taskId", taskId).text("stepKey", stepKey))
                .query(ROW_MAPPER)
                .optional();
    }

    /** The data of a step that is {@code DONE}; empty if it is not done or recorded nothing. */
    public Optional<String> completedData(long taskId, String stepKey) {
        return find(taskId, stepKey)
                .filter(TaskStepRecord::isDone)
                .map(TaskStepRecord::dataJson);
    }

    /** The task's steps in plan order. */
    public List<TaskStepRecord> list(long taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task_step WHERE task_id = :taskId ORDER BY ordinal, step_key")
                .paramSource(SqlParams.params().number("taskId", taskId))
                .query(ROW_MAPPER)
                .list();
    }

    private TaskStepRecord require(long taskId, String stepKey) {
        return find(taskId, stepKey).orElseThrow(() -> notStarted(taskId, stepKey));
    }

    private static IllegalStateException notStarted(long taskId, String stepKey) {
        return new IllegalStateException("Step " + stepKey + " of task " + taskId + " was never started");
    }

    private static TaskStepRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new TaskStepRecord(
                rs.getLong("task_id"),
                rs.getString("step_key"),
                rs.getInt("ordinal"),
                StepStatus.valueOf(rs.getString("status")),
                UtcTimes.fromColumn(rs, "started_at"),
                UtcTimes.fromColumn(rs, "finished_at"),
                rs.getString("data_json"));
    }
}
