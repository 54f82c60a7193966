package io.vdibot.persistence.task;

import io.vdibot.persistence.jdbc.UtcTimes;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tasks waiting for an approver, over the whole cluster: how many, and since when the oldest has waited. */
public final class PendingApprovals {

    /** {@code oldestSince} is empty when nothing waits. */
    public record Figures(long count, Optional<Instant> oldestSince) {
    }

    private final JdbcClient jdbc;

    public PendingApprovals(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One indexed query ({@code ix_task_status_created}). */
    public Figures now() {
        return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM task"
                        + " WHERE status = 'PENDING_APPROVAL'")
                .query((rs, row) -> new Figures(rs.getLong("waiting"),
                        Optional.ofNullable(UtcTimes.fromColumn(rs, "oldest")))).single();
    }
}
