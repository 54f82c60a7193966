package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.jdbc.SqlParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pages through the task history, newest first, by status, requester and command. */
public final class TaskSearch {

    /**
     * What to look for.
     *
     * @param statuses     the statuses wanted (not empty)
     * @param directoryUid the requester's directory user id, any case; null for everyone
     * @param commandId    the command id, e.g. {@code vm.create}; null for every command
     * @param createdSince only tasks created from then on; null for all
     */
    public record Criteria(Set<TaskStatus> statuses, String directoryUid, String commandId, Instant createdSince) {
    }

    /** One page of tasks and how many match in all. */
    public record Page(List<TaskRecord> tasks, long total) {
    }

    private final JdbcClient jdbc;

    public TaskSearch(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Page find(Criteria criteria, int offset, int limit) {
        List<String> conditions = new ArrayList<>(List.of("status IN (:statuses)"));
        SqlParams params = SqlParams.params()
                .texts("statuses", criteria.statuses().stream().map(Enum::name).toList());
        if (criteria.directoryUid() != null) {
            // chat names and typed user names vary in case; the directory's uid does not
            conditions.add("LOWER(requester_directory_uid) = :uid");
            params.text("uid", criteria.directoryUid().toLowerCase(Locale.ROOT));
        }
        if (criteria.commandId() != null) {
            conditions.add("command_id = :command");
            params.text("command", criteria.commandId());
        }
        if (criteria.createdSince() != null) {
            conditions.add("created_at >= :since");
            params.time("since", criteria.createdSince());
        }
        String where = " FROM task WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*)" + where).paramSource(params).query(Long.class).single();
        List<TaskRecord> tasks = jdbc.sql("SELECT " + TaskRows.COLUMNS + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .paramSource(params.number("limit", limit).number("offset", offset))
                .query(TaskRows::map).list();
        return new Page(tasks, total);
    }
}
