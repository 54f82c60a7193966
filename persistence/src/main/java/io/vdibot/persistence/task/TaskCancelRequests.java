package io.vdibot.persistence.task;

import io.vdibot.persistence.jdbc.SqlParams;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests to stop running tasks. The request is a column of the task, so the node that runs the task sees it
 * before its next step whichever node took the request.
 */
public final class TaskCancelRequests {

    private final JdbcClient jdbc;

    public TaskCancelRequests(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Asks a running task to stop at its next step; false when it is not running (any more).
     *
     * @param by who asks, as shown to the requester
     */
    public boolean request(long taskId, String by) {
        return jdbc.sql("UPDATE task SET cancel_requested_by = :by, version = version + 1"
                        + " WHERE id = :id AND status = 'RUNNING'")
                .paramSource(SqlParams.params().text("by", by).number("id", taskId))
                .update() == 1;
    }

    /** Who asked to cancel the task while it ran, if anyone did. */
    public Optional<String> requestedBy(long taskId) {
        return jdbc.sql("SELECT cancel_requested_by FROM task WHERE id = :id")
                .paramSource(SqlParams.params().number("id", taskId))
                .query(String.class).list().stream().filter(Objects::nonNull).findFirst();
    }
}
