package io.vdibot.persistence.task;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.jdbc.SqlErrors;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Tasks in the {@code task} table.
 *
 * <p>Every change of status is a compare-and-set on the current status (and, where it matters, on the
 * claiming node or the version), so two bot processes sharing the database can never both start, decide
 * or finish the same task: the loser's update matches no row and the method returns {@code false}.
 * Times come from the given clock; nodes of a cluster keep their clocks in sync (Quartz's clustering
 * requires the same).
 */
public final class TaskRepository {

    private static final int INSERT_ATTEMPTS = 3;
    private static final RowMapper<TaskRecord> ROW_MAPPER = TaskRows::map;
    private static final String COLUMNS = TaskRows.COLUMNS;

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public TaskRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a new task, or returns the existing one when its idempotency key is already taken. */
    public TaskRecord insert(NewTask task) {
        return insertOrFind(task).task();
    }

    /**
     * Like {@link #insert} but tells whether this call created the task. Concurrent inserts with one key,
     * from any number of processes, store one row: the unique key rejects all but the first, and the
     * others read that row back.
     */
    public TaskInsertion insertOrFind(NewTask task) {
        if (task.idempotencyKey() != null) {
            // Platforms retry often; finding the task first keeps the usual retry free of a failed insert.
            Optional<TaskRecord> existing = findByIdempotencyKey(task.idempotencyKey());
            if (existing.isPresent()) {
                return new TaskInsertion(existing.get(), false);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new TaskInsertion(insertRow(task), true);
            } catch (DataAccessException e) {
                if (task.idempotencyKey() == null || !SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Optional<TaskRecord> existing = findByIdempotencyKeyLatest(task.idempotencyKey());
                if (existing.isPresent()) {
                    return new TaskInsertion(existing.get(), false);
                }
                // The row holding the key went away (its insert rolled back); our insert may now succeed.
                if (attempt == INSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private TaskRecord insertRow(NewTask task) {
        Instant now = UtcTimes.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        TaskRows.insert(jdbc, task, now)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated task id").longValue();
        return findById(id).orElseThrow(() -> new IllegalStateException("Task " + id + " vanished after insert"));
    }

    public Optional<TaskRecord> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE id = :id")
                .paramSource(SqlParams.params().number("id", id))
                .query(ROW_MAPPER)
                .optional();
    }

    /** Finds by the user-visible code ({@code T1042} or {@code t1042}); anything else finds nothing. */
    public Optional<TaskRecord> findByCode(String code) {
        OptionalLong id = TaskCodes.parse(code);
        return id.isPresent() ? findById(id.getAsLong()) : Optional.empty();
    }

    public Optional<TaskRecord> findByIdempotencyKey(String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE idempotency_key = :key")
                .paramSource(SqlParams.params().text("key", idempotencyKey))
                .query(ROW_MAPPER)
                .optional();
    }

    /**
     * A locking read sees the latest committed row even inside a caller's transaction whose snapshot
     * predates the competing insert.
     */
    private Optional<TaskRecord> findByIdempotencyKeyLatest(String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE idempotency_key = :key LOCK IN SHARE MODE")
                .paramSource(SqlParams.params().text("key", idempotencyKey))
                .query(ROW_MAPPER)
                .optional();
    }

    /** Tasks in any of the given statuses, most recently created first. */
    public List<TaskRecord> listByStatus(Set<TaskStatus> statuses, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE status IN (:statuses)"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .paramSource(SqlParams.params().texts("statuses", names(statuses)).number("limit", limit))
                .query(ROW_MAPPER)
                .list();
    }

    /**
     * Tasks of the command family {@code family} ({@code template} for {@code template.create} and
     * {@code template.migrate}) that have not ended (waiting for approval, scheduled, running or waiting) and whose request
     * holds the text {@code value} in any of its fields, oldest first: the candidates for a name an earlier task
     * reserves. Which field a request creates its object under, and at which site, is the request's to say, so
     * the caller reads each candidate's request; the query only keeps the reading to the few that can match.
     */
    public List<TaskRecord> findOpenMentioning(String family, String value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE command_id LIKE :commands"
                        + " AND status IN ('PENDING_APPROVAL', 'SCHEDULED', 'RUNNING', 'WAITING')"
                        + " AND JSON_SEARCH(request_json, 'one', :value) IS NOT NULL ORDER BY id")
                .paramSource(SqlParams.params().text("commands", family + ".%")
                        .text("value", literalPattern(value)))
                .query(ROW_MAPPER)
                .list();
    }

    /** JSON_SEARCH takes a LIKE pattern: its wildcards ({@code _} is common in names) must match themselves. */
    private static String literalPattern(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Moves a task to {@code to} if its status is one of {@code from}; a final status also stamps
     * {@code finished_at}. Returns whether this call made the change.
     */
    public boolean transition(long id, Set<TaskStatus> from, TaskStatus to) {
        if (from.isEmpty()) {
            return false;
        }
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET status = :to, updated_at = :now, version = version + 1,
                            finished_at = COALESCE(:finishedAt, finished_at)
                        WHERE id = :id AND status IN (:from)
                        """)
                .paramSource(SqlParams.params()
                        .text("to", to.name())
                        .time("now", now)
                        .time("finishedAt", to.isFinal() ? now : null)
                        .number("id", id)
                        .texts("from", names(from)))
                .update() == 1;
    }

    public boolean transition(long id, TaskStatus from, TaskStatus to) {
        return transition(id, EnumSet.of(from), to);
    }

    /**
     * Starts a {@code SCHEDULED} task, or one {@code WAITING} to go on, on {@code nodeId}: status {@code RUNNING},
     * claimed by that node, first start time and heartbeat stamped. Of several nodes claiming one task, exactly one
     * succeeds.
     */
    public boolean claim(long id, String nodeId) {
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET status = 'RUNNING', claimed_by = :node, heartbeat_at = :now,
                            started_at = COALESCE(started_at, :now), updated_at = :now, version = version + 1
                        WHERE id = :id AND status IN ('SCHEDULED', 'WAITING')
                        """)
                .paramSource(SqlParams.params().text("node", nodeId).time("now", now).number("id", id))
                .update() == 1;
    }

    /**
     * Marks every task this node is running, and every result it has still to post, as alive now; returns how many
     * tasks it is running.
     */
    public int heartbeat(String nodeId) {
        SqlParams params = SqlParams.params().time("now", UtcTimes.now(clock)).text("node", nodeId);
        // two statements, each on its own index, rather than one OR that would read every task the node ever ran
        jdbc.sql("UPDATE task SET heartbeat_at = :now WHERE result_pending AND claimed_by = :node")
                .paramSource(params).update();
        return jdbc.sql("UPDATE task SET heartbeat_at = :now WHERE claimed_by = :node AND status = 'RUNNING'")
                .paramSource(params).update();
    }

    /** {@code RUNNING} tasks whose node has not sent a heartbeat since {@code heartbeatOlderThan}. */
    public List<TaskRecord> findRunningClaimedByDeadNodes(Instant heartbeatOlderThan) {
        return findOnSilentNodes("status = 'RUNNING'", heartbeatOlderThan);
    }

    /**
     * Moves a {@code RUNNING} task from a node presumed dead to {@code nodeId}, so it can be resumed from
     * its last completed step. Succeeds only if the task is still claimed by {@code deadNodeId} and that
     * node's heartbeat is still older than {@code heartbeatOlderThan}: of several surviving nodes only one
     * takes over, and a node that was merely slow and has since reported keeps its task.
     */
    public boolean takeOver(long id, String deadNodeId, Instant heartbeatOlderThan, String nodeId) {
        return moveFromSilentNode("status = 'RUNNING'", ", updated_at = :now, version = version + 1", id, deadNodeId,
                heartbeatOlderThan, nodeId);
    }

    /** Finished tasks whose result is still to be posted by a node that has not sent a heartbeat since the threshold. */
    public List<TaskRecord> findResultsPendingOnDeadNodes(Instant heartbeatOlderThan) {
        return findOnSilentNodes("result_pending", heartbeatOlderThan);
    }

    /**
     * Moves the posting of a finished task's result from a node presumed dead to {@code nodeId}: the same
     * compare-and-set as {@link #takeOver}, so one survivor posts it. The task's state does not change.
     */
    public boolean takeOverResult(long id, String deadNodeId, Instant heartbeatOlderThan, String nodeId) {
        return moveFromSilentNode("result_pending", "", id, deadNodeId, heartbeatOlderThan, nodeId);
    }

    private List<TaskRecord> findOnSilentNodes(String condition, Instant heartbeatOlderThan) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE " + condition
                        + " AND (heartbeat_at IS NULL OR heartbeat_at < :threshold) ORDER BY id")
                .paramSource(SqlParams.params().time("threshold", heartbeatOlderThan))
                .query(ROW_MAPPER)
                .list();
    }

    /** @param condition and {@code alsoSet}: constant SQL of the callers above, never input */
    private boolean moveFromSilentNode(String condition, String alsoSet, long id, String deadNodeId,
            Instant heartbeatOlderThan, String nodeId) {
        return jdbc.sql("UPDATE task SET claimed_by = :node, heartbeat_at = :now" + alsoSet
                        + " WHERE id = :id AND " + condition + " AND claimed_by = :deadNode"
                        + " AND (heartbeat_at IS NULL OR heartbeat_at < :threshold)")
                .paramSource(SqlParams.params()
                        .text("node", nodeId)
                        .time("now", UtcTimes.now(clock))
                        .number("id", id)
                        .text("deadNode", deadNodeId)
                        .time("threshold", heartbeatOlderThan))
                .update() == 1;
    }

    /** The task's result has been posted (the thread and the on-call people were told): nobody posts it again. */
    public void resultPosted(long id) {
        jdbc.sql("UPDATE task SET result_pending = FALSE WHERE id = :id AND result_pending")
                .paramSource(SqlParams.params().number("id", id))
                .update();
    }

    /**
     * Records an approver's decision on a task in {@code PENDING_APPROVAL} and moves it on
     * ({@code SCHEDULED} or {@code REJECTED}). When two approvers click at once, only the first counts.
     */
    public boolean recordDecision(long id, ApprovalVerdict verdict, String decidedBy, String reason) {
        Instant now = UtcTimes.now(clock);
        TaskStatus next = verdict.resultingStatus();
        return jdbc.sql("""
                        UPDATE task SET status = :next, decided_by = :decidedBy, decided_at = :now,
                            decision_reason = :reason, updated_at = :now, version = version + 1,
                            finished_at = COALESCE(:finishedAt, finished_at)
                        WHERE id = :id AND status = 'PENDING_APPROVAL'
                        """)
                .paramSource(SqlParams.params()
                        .text("next", next.name())
                        .text("decidedBy", Objects.requireNonNull(decidedBy, "decidedBy"))
                        .time("now", now)
                        .text("reason", reason)
                        .time("finishedAt", next.isFinal() ? now : null)
                        .number("id", id))
                .update() == 1;
    }

    /**
     * Ends a {@code RUNNING} task with a final status and the summary shown in chat, its result still to be posted
     * ({@link #resultPosted}). Returns {@code false} if the task was not running (already finished, or never
     * started).
     */
    public boolean finish(long id, TaskStatus status, String summary) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("Not a final status: " + status);
        }
        Instant now = UtcTimes.now(clock);
        return jdbc.sql("""
                        UPDATE task SET status = :status, result_summary = :summary, finished_at = :now,
                            updated_at = :now, version = version + 1, result_pending = TRUE, heartbeat_at = :now
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .paramSource(SqlParams.params()
                        .text("status", status.name())
                        .text("summary", summary)
                        .time("now", now)
                        .number("id", id))
                .update() == 1;
    }

    /**
     * Moves the run time of a task that has not started, provided nobody changed the task since the
     * caller read {@code expectedVersion} (optimistic locking).
     */
    public boolean reschedule(long id, int expectedVersion, Instant runAt) {
        return jdbc.sql("""
                        UPDATE task SET run_at = :runAt, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version AND status IN ('PENDING_APPROVAL', 'SCHEDULED')
                        """)
                .paramSource(SqlParams.params()
                        .time("runAt", Objects.requireNonNull(runAt, "runAt"))
                        .time("now", UtcTimes.now(clock))
                        .number("id", id)
                        .number("version", expectedVersion))
                .update() == 1;
    }

    private static List<String> names(Collection<TaskStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
