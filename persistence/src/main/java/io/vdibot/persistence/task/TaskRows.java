package io.vdibot.persistence.task;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How a task is laid out in the {@code task} table: the columns read, the row written, the record read back. */
final class TaskRows {

    static final String COLUMNS = """
            id, command_id, request_json, status, site, requester_platform, requester_user_id,
            requester_directory_uid, requester_display_name, locale, time_zone, thread_ref_json,
            idempotency_key, run_at, created_at, updated_at, started_at, finished_at, needs_approval,
            decided_by, decided_at, decision_reason, claimed_by, heartbeat_at, result_summary, version,
            waiting_for, waiting_since
            """;

    private TaskRows() {
    }

    /** The insert of a new task, ready for {@code update(keys, "id")}. */
    static JdbcClient.StatementSpec insert(JdbcClient jdbc, NewTask task, Instant now) {
        Requester requester = task.requester();
        return jdbc.sql("""
                    INSERT INTO task (command_id, request_json, status, site, requester_platform,
                        requester_user_id, requester_directory_uid, requester_display_name, locale, time_zone,
                        thread_ref_json, idempotency_key, run_at, created_at, updated_at, needs_approval)
                    VALUES (:commandId, :requestJson, :status, :site, :platform, :userId, :directoryUid,
                        :displayName, :locale, :timeZone, :threadRef, :idempotencyKey, :runAt, :now, :now,
                        :needsApproval)
                    """)
                .paramSource(SqlParams.params()
                        .text("commandId", task.commandId())
                        .text("requestJson", task.requestJson())
                        .text("status", task.status().name())
                        .text("site", task.site())
                        .text("platform", requester.platform().name())
                        .text("userId", requester.platformUserId())
                        .text("directoryUid", requester.directoryUid())
                        .text("displayName", requester.displayName())
                        .text("locale", task.locale() == null ? null : task.locale().toLanguageTag())
                        .text("timeZone", task.timeZone() == null ? null : task.timeZone().getId())
                        .text("threadRef", task.threadRefJson())
                        .text("idempotencyKey", task.idempotencyKey())
                        .time("runAt", task.runAt())
                        .time("now", now)
                        .flag("needsApproval", task.needsApproval()));
    }

    static TaskRecord map(ResultSet rs, int rowNum) throws SQLException {
        String locale = rs.getString("locale");
        String timeZone = rs.getString("time_zone");
        return new TaskRecord(
                rs.getLong("id"),
                rs.getString("command_id"),
                rs.getString("request_json"),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getString("site"),
                new Requester(
                        Platform.valueOf(rs.getString("requester_platform")),
                        rs.getString("requester_user_id"),
                        rs.getString("requester_directory_uid"),
                        rs.getString("requester_display_name")),
                locale == null ? null : Locale.forLanguageTag(locale),
                timeZone == null ? null : ZoneId.of(timeZone),
                rs.getString("thread_ref_json"),
                rs.getString("idempotency_key"),
                UtcTimes.fromColumn(rs, "run_at"),
                UtcTimes.fromColumn(rs, "created_at"),
                UtcTimes.fromColumn(rs, "updated_at"),
                UtcTimes.fromColumn(rs, "started_at"),
                UtcTimes.fromColumn(rs, "finished_at"),
                new TaskApproval(
                        rs.getBoolean("needs_approval"),
                        rs.getString("decided_by"),
                        UtcTimes.fromColumn(rs, "decided_at"),
                        rs.getString("decision_reason")),
                rs.getString("claimed_by"),
                UtcTimes.fromColumn(rs, "heartbeat_at"),
                rs.getString("result_summary"),
                rs.getInt("version"),
                TaskWait.of(rs.getString("waiting_for"), UtcTimes.fromColumn(rs, "waiting_since")));
    }
}
