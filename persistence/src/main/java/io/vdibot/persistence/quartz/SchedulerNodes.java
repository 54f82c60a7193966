package io.vdibot.persistence.quartz;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot processes whose Quartz scheduler takes part in the cluster, read from Quartz's own check-in table: a node
 * counts while its last check-in is recent, as Quartz itself decides that a node failed.
 */
public final class SchedulerNodes {

    /** Quartz's grace for a late check-in ({@code JobStoreSupport}), beyond the node's own interval. */
    private static final long GRACE_MILLIS = 7_500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public SchedulerNodes(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Nodes that checked in within twice their interval (plus Quartz's grace). */
    public long alive() {
        return jdbc.sql("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE"
                        + " WHERE LAST_CHECKIN_TIME >= :now - 2 * CHECKIN_INTERVAL - :grace")
                .param("now", clock.millis()).param("grace", GRACE_MILLIS).query(Long.class).single();
    }
}
