package io.vdibot.persistence.audit;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The append-only {@code audit_event} table: written once per event, read newest first. */
public final class AuditLog {

    /**
     * Which events to read.
     *
     * @param directoryUid a directory user, any case; {@code null} for everyone
     * @param taskId       a task; {@code null} for all
     * @param since        from then on; {@code null} for all
     */
    public record Criteria(String directoryUid, Long taskId, Instant since) {
    }

    /** One page of events and how many match in all. */
    public record Page(List<AuditEvent> events, long total) {
    }

    private static final int MAX_TEXT = 4000;
    private static final int MAX_REASON = 1024;
    private static final String COLUMNS =
            "at, platform, platform_user_id, directory_uid, command_id, command_text, decision, reason, task_id";

    private final JdbcClient jdbc;

    public AuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void append(AuditEvent event) {
        jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (:at, :platform, :userId, :uid, :command, :text,"
                        + " :decision, :reason, :taskId)")
                .paramSource(SqlParams.params()
                        .time("at", event.at())
                        .text("platform", event.platform().name())
                        .text("userId", event.platformUserId())
                        .text("uid", event.directoryUid())
                        .text("command", event.commandId())
                        .text("text", cut(event.commandText(), MAX_TEXT))
                        .text("decision", event.decision())
                        .text("reason", cut(event.reason(), MAX_REASON))
                        .optionalNumber("taskId", event.taskId()))
                .update();
    }

    /** Newest first. */
    public Page find(Criteria criteria, int offset, int limit) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        SqlParams params = SqlParams.params();
        if (criteria.directoryUid() != null) {
            conditions.add("LOWER(directory_uid) = :uid");
            params.text("uid", criteria.directoryUid().toLowerCase(Locale.ROOT));
        }
        if (criteria.taskId() != null) {
            conditions.add("task_id = :taskId");
            params.number("taskId", criteria.taskId());
        }
        if (criteria.since() != null) {
            conditions.add("at >= :since");
            params.time("since", criteria.since());
        }
        String where = " FROM audit_event WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*)" + where).paramSource(params).query(Long.class).single();
        List<AuditEvent> events = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .paramSource(params.number("limit", limit).number("offset", offset))
                .query(AuditLog::map).list();
        return new Page(events, total);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        long taskId = rs.getLong("task_id");
        Long task = rs.wasNull() ? null : taskId;
        return new AuditEvent(UtcTimes.fromColumn(rs, "at"), Platform.valueOf(rs.getString("platform")),
                rs.getString("platform_user_id"), rs.getString("directory_uid"), rs.getString("command_id"),
                rs.getString("command_text"), rs.getString("decision"), rs.getString("reason"), task);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
