package io.vdibot.persistence.lease;

import io.vdibot.persistence.jdbc.SqlErrors;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.dao.DataAccessException;
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
 * Exclusive leases on shared resources in {@code resource_lease}. The resource key is the primary key,
 * so acquisition is one atomic insert: of any number of concurrent callers, in any number of
 * processes, exactly one gets the lease.
 */
public final class ResourceLeaseRepository {

    private static final String COLUMNS = "resource_key, owner_node, task_id, acquired_at, note";
    private static final RowMapper<LeaseRecord> ROW_MAPPER = ResourceLeaseRepository::mapRow;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ResourceLeaseRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public ResourceLeaseRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean tryAcquire(String resourceKey, String nodeId, long taskId) {
        return tryAcquire(resourceKey, nodeId, taskId, null);
    }

    /**
     * Takes the lease for {@code taskId} if nobody holds it. A task that already holds it gets it again,
     * now owned by {@code nodeId}: a task resumed on another node keeps its resources.
     */
    public boolean tryAcquire(String resourceKey, String nodeId, long taskId, String note) {
        // A held lease is the common case while a task waits for it; answering from a read avoids a
        // failed insert (which the driver logs as a warning) on every attempt.
        Optional<LeaseRecord> current = find(resourceKey);
        if (current.isPresent()) {
            return current.get().taskId() == taskId && reacquireForSameTask(resourceKey, nodeId, taskId);
        }
        try {
            jdbc.sql("""
                            INSERT INTO resource_lease (resource_key, owner_node, task_id, acquired_at, note)
                            VALUES (:key, :node, :taskId, :now, :note)
                            """)
                    .paramSource(SqlParams.params()
                            .text("key", resourceKey)
                            .text("node", nodeId)
                            .number("taskId", taskId)
                            .time("now", UtcTimes.now(clock))
                            .text("note", note))
                    .update();
            return true;
        } catch (DataAccessException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
            return reacquireForSameTask(resourceKey, nodeId, taskId);
        }
    }

    private boolean reacquireForSameTask(String resourceKey, String nodeId, long taskId) {
        SqlParams params = SqlParams.params().text("key", resourceKey).text("node", nodeId).number("taskId", taskId);
        jdbc.sql("UPDATE resource_lease SET owner_node = :node WHERE resource_key = :key AND task_id = :taskId")
                .paramSource(params)
                .update();
        // Counted afterwards rather than from the update: affected-row counts skip unchanged rows on
        // connections opened with useAffectedRows.
        return jdbc.sql("SELECT COUNT(*) FROM resource_lease"
                        + " WHERE resource_key = :key AND task_id = :taskId AND owner_node = :node")
                .paramSource(params)
                .query(Long.class)
                .single() == 1;
    }

    /** Releases the lease if {@code taskId} holds it; returns whether it did. */
    public boolean release(String resourceKey, long taskId) {
        return jdbc.sql("DELETE FROM resource_lease WHERE resource_key = :key AND task_id = :taskId")
                .paramSource(SqlParams.params().text("key", resourceKey).number("taskId", taskId))
                .update() == 1;
    }

    /** Releases every lease the task holds, e.g. when it ends; returns how many. */
    public int releaseAll(long taskId) {
        return jdbc.sql("DELETE FROM resource_lease WHERE task_id = :taskId")
                .paramSource(SqlParams.params().number("taskId", taskId))
                .update();
    }

    /** Releases the lease whoever holds it: an operator's way out after a task was lost. */
    public boolean forceRelease(String resourceKey) {
        return jdbc.sql("DELETE FROM resource_lease WHERE resource_key = :key")
                .paramSource(SqlParams.params().text("key", resourceKey))
                .update() == 1;
    }

    public Optional<LeaseRecord> find(String resourceKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource_lease WHERE resource_key = :key")
                .paramSource(SqlParams.params().text("key", resourceKey))
                .query(ROW_MAPPER)
                .optional();
    }

    /** Every lease held, oldest first. */
    public List<LeaseRecord> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resource_lease ORDER BY acquired_at, resource_key")
                .query(ROW_MAPPER)
                .list();
    }

    private static LeaseRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new LeaseRecord(
                rs.getString("resource_key"),
                rs.getString("owner_node"),
                rs.getLong("task_id"),
                UtcTimes.fromColumn(rs, "acquired_at"),
                rs.getString("note"));
    }
}
