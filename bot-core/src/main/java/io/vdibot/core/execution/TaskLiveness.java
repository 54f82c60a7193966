package io.vdibot.core.execution;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps running tasks alive across node failures: this node's heartbeat marks its running tasks as
 * alive; a running task whose node has been silent too long is taken over (a compare-and-set, so one
 * node wins) and resumed from its journal; a result such a node had still to post is posted by this one.
 */
public final class TaskLiveness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLiveness.class);
    private static final Duration RESCHEDULE_EVERY = Duration.ofMinutes(1);
    private static final int RESCHEDULE_SCAN = 10_000;

    private final TaskRepository tasks;
    private final TaskRunner runner;
    private final TaskScheduling scheduling;
    private final NodeIdentity node;
    private final DatabaseRetry database;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration staleAfter;

    public TaskLiveness(TaskRepository tasks, TaskRunner runner, TaskScheduling scheduling, NodeIdentity node,
            DatabaseRetry database, ScheduledExecutorService timer, ExecutorService workers, Clock clock,
            Duration heartbeat,
            Duration staleAfter) {
        this.tasks = tasks;
        this.runner = runner;
        this.scheduling = scheduling;
        this.node = node;
        this.database = database;
        this.timer = timer;
        this.workers = workers;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.staleAfter = staleAfter;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::beat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        long sweep = Math.max(1000, staleAfter.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::sweep, 0, sweep, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::reschedule, 0, RESCHEDULE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Gives every scheduled task a trigger: a process that stopped between storing a task and storing
     * its trigger would otherwise leave a task that never runs. Scheduling is idempotent.
     */
    void reschedule() {
        try {
            for (TaskRecord task : tasks.listByStatus(EnumSet.of(TaskStatus.SCHEDULED), RESCHEDULE_SCAN)) {
                scheduling.schedule(task);
            }
        } catch (RuntimeException e) {
            LOG.warn("check of scheduled tasks' triggers failed: {}", e.getMessage());
        }
    }

    private void beat() {
        try {
            tasks.heartbeat(node.id());
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed: {}", e.getMessage());
        }
    }

    /** Takes over running tasks, and results still to be posted, of silent nodes. */
    void sweep() {
        Instant threshold = clock.instant().minus(staleAfter);
        resumeTasks(threshold);
        postLeftResults(threshold);
    }

    private void resumeTasks(Instant threshold) {
        try {
            for (TaskRecord task : tasks.findRunningClaimedByDeadNodes(threshold)) {
                if (node.id().equals(task.claimedBy())) {
                    continue;
                }
                // a takeover whose answer was lost must still be resumed: this node's heartbeat keeps it alive, and
                // no other node would take it over
                if (database.compareAndSet("take over " + task.code(),
                        () -> tasks.takeOver(task.id(), task.claimedBy(), threshold, node.id()),
                        () -> tasks.findById(task.id()).filter(t -> t.status() == TaskStatus.RUNNING
                                && node.id().equals(t.claimedBy())).isPresent())) {
                    LOG.info("taking over {} from silent node {}", task.code(), task.claimedBy());
                    TaskRecord mine = database.call("read " + task.code(), () -> tasks.findById(task.id()))
                            .orElseThrow();
                    workers.execute(() -> runner.resume(mine));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep for stale tasks failed: {}", e.getMessage());
        }
    }

    private void postLeftResults(Instant threshold) {
        try {
            for (TaskRecord task : tasks.findResultsPendingOnDeadNodes(threshold)) {
                if (node.id().equals(task.claimedBy())) {
                    continue;
                }
                // one survivor wins; a claim whose answer was lost is this node's if the task now names it
                if (database.compareAndSet("take over the result of " + task.code(),
                        () -> tasks.takeOverResult(task.id(), task.claimedBy(), threshold, node.id()),
                        () -> tasks.findById(task.id()).filter(t -> node.id().equals(t.claimedBy())).isPresent())) {
                    LOG.info("posting the result of {}, left by silent node {}", task.code(), task.claimedBy());
                    workers.execute(() -> runner.postLeftResult(task));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep for results left by stale nodes failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
