package io.vdibot.core.execution;

import io.vdibot.commands.handler.StepJournal;
import io.vdibot.commands.handler.TaskCancelled;
import io.vdibot.persistence.task.TaskCancelRequests;
import io.vdibot.persistence.task.StepStatus;
import io.vdibot.persistence.task.TaskStepRecord;
import io.vdibot.persistence.task.TaskStepRepository;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A task's step journal in MariaDB: completed steps are skipped on resume, their results replayed, and a task whose
 * cancellation was asked stops before its next step.
 */
final class JournaledSteps implements StepJournal {

    private final long taskId;
    private final TaskStepRepository steps;
    private final StepData data;
    private final TaskCancelRequests cancels;
    private final Set<String> interrupted = new HashSet<>();
    private int ordinal;

    JournaledSteps(long taskId, TaskStepRepository steps, StepData data, TaskCancelRequests cancels) {
        this.taskId = taskId;
        this.steps = steps;
        this.data = data;
        this.cancels = cancels;
        steps.list(taskId).stream().filter(s -> s.status() == StepStatus.RUNNING)
                .forEach(s -> interrupted.add(s.stepKey()));
        this.ordinal = steps.list(taskId).size();
    }

    @Override
    public String run(String key, Supplier<String> action) {
        Optional<String> done = result(key);
        if (done.isPresent()) {
            return done.get();
        }
        // a step boundary: the one place a running task may stop with everything it did kept
        Optional<String> cancelledBy = cancels.requestedBy(taskId);
        if (cancelledBy.isPresent()) {
            throw new TaskCancelled(cancelledBy.get(), null);
        }
        steps.start(taskId, key, ++ordinal);
        String result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            steps.fail(taskId, key, data.encode(String.valueOf(e.getMessage())));
            throw e;
        }
        steps.complete(taskId, key, data.encode(result));
        interrupted.remove(key);
        return result;
    }

    @Override
    public Optional<String> result(String key) {
        return steps.find(taskId, key).filter(s -> s.status() == StepStatus.DONE)
                .map(TaskStepRecord::dataJson).map(data::decode);
    }

    @Override
    public boolean interruptedInside(String key) {
        return interrupted.contains(key);
    }
}
