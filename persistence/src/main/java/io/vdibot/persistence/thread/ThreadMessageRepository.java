package io.vdibot.persistence.thread;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Handles of the messages posted for each task, in {@code thread_message}, so that a restarted bot (or
 * another node) keeps updating the same status message instead of posting a new one.
 */
public final class ThreadMessageRepository {

    private static final String COLUMNS = "task_id, platform, purpose, handle_json, updated_at";
    private static final RowMapper<ThreadMessageRecord> ROW_MAPPER = ThreadMessageRepository::mapRow;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ThreadMessageRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public ThreadMessageRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores or replaces the handle of the task's message for this platform and purpose. */
    public ThreadMessageRecord save(long taskId, Platform platform, String purpose, String handleJson) {
        Instant now = UtcTimes.now(clock);
        jdbc.sql("""
                        INSERT INTO thread_message (task_id, platform, purpose, handle_json, updated_at)
                        VALUES (:taskId, :platform, :purpose, :handle, :now)
                        ON DUPLICATE KEY UPDATE handle_json = :handle, updated_at = :now
                        """)
                .paramSource(SqlParams.params()
                        .number("taskId", taskId)
                        .text("platform", platform.name())
                        .text("purpose", purpose)
                        .text("handle", Objects.requireNonNull(handleJson, "handleJson"))
                        .time("now", now))
                .update();
        return new ThreadMessageRecord(taskId, platform, purpose, handleJson, now);
    }

    public Optional<ThreadMessageRecord> find(long taskId, Platform platform, String purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM thread_message"
                        + " WHERE task_id = :taskId AND platform = :platform AND purpose = :purpose")
                .paramSource(SqlParams.params()
                        .number("taskId", taskId)
                        .text("platform", platform.name())
                        .text("purpose", purpose))
                .query(ROW_MAPPER)
                .optional();
    }

    public List<ThreadMessageRecord> listByTask(long taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM thread_message WHERE task_id = :taskId ORDER BY platform, purpose")
                .paramSource(SqlParams.params().number("taskId", taskId))
                .query(ROW_MAPPER)
                .list();
    }

    /** Forgets a message, e.g. after it was deleted in the chat. Returns whether there was one. */
    public boolean delete(long taskId, Platform platform, String purpose) {
        return jdbc.sql("DELETE FROM thread_message WHERE task_id = :taskId AND platform = :platform AND purpose = :purpose")
                .paramSource(SqlParams.params()
                        .number("taskId", taskId)
                        .text("platform", platform.name())
                        .text("purpose", purpose))
                .update() == 1;
    }

    private static ThreadMessageRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ThreadMessageRecord(
                rs.getLong("task_id"),
                Platform.valueOf(rs.getString("platform")),
                rs.getString("purpose"),
                rs.getString("handle_json"),
                UtcTimes.fromColumn(rs, "updated_at"));
    }
}
