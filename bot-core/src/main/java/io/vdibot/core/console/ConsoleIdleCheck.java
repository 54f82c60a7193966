package io.vdibot.core.console;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.core.pipeline.WorkTracker;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * When the console may stop at end of input: nothing is being processed, no task runs on this node,
 * and no task is due now (a task due now is about to run here; one due later is safe with the
 * scheduler and runs whenever a bot is up).
 */
final class ConsoleIdleCheck implements BooleanSupplier {

    private static final int SCAN = 500;

    private final WorkTracker work;
    private final TaskRepository tasks;
    private final NodeIdentity node;
    private final Clock clock;

    ConsoleIdleCheck(WorkTracker work, TaskRepository tasks, NodeIdentity node, Clock clock) {
        this.work = work;
        this.tasks = tasks;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public boolean getAsBoolean() {
        if (!work.idle()) {
            return false;
        }
        List<TaskRecord> active = tasks.listByStatus(EnumSet.of(TaskStatus.RUNNING, TaskStatus.SCHEDULED), SCAN);
        return active.stream().noneMatch(t -> t.status() == TaskStatus.RUNNING
                ? node.id().equals(t.claimedBy())
                : !t.runAt().isAfter(clock.instant()));
    }
}
