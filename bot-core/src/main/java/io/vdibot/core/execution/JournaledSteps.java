package io.vdibot.core.execution;

import io.vdibot.commands.handler.StepJournal;
import io.vdibot.commands.handler.TaskCancelled;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.persistence.task.TaskCancelRequests;
import io.vdibot.persistence.task.StepStatus;
import io.vdibot.persistence.task.TaskStepRecord;
import io.vdibot.persistence.task.TaskStepRepository;
import java.util.HashSet;
import java.util.List;
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
    private final DatabaseRetry database;
    private final Set<String> interrupted = new HashSet<>();
    private int ordinal;

    JournaledSteps(long taskId, TaskStepRepository steps, StepData data, TaskCancelRequests cancels,
            DatabaseRetry database) {
        this.taskId = taskId;
        this.steps = steps;
        this.data = data;
        this.cancels = cancels;
        this.database = database;
        List<TaskStepRecord> journal = database.call(what(), () -> steps.list(taskId));
        journal.stream().filter(s -> s.status() == StepStatus.RUNNING).forEach(s -> interrupted.add(s.stepKey()));
        this.ordinal = journal.size();
    }

    @Override
    public String run(String key, Supplier<String> action) {
        Optional<String> done = result(key);
        if (done.isPresent()) {
            return done.get();
        }
        // a step boundary: the one place a running task may stop with everything it did kept
        Optional<String> cancelledBy = database.call(what(), () -> cancels.requestedBy(taskId));
        if (cancelledBy.isPresent()) {
            throw new TaskCancelled(cancelledBy.get(), null);
        }
        int position = ++ordinal;
        // start is an upsert and complete and fail are updates: each may be repeated after a lost answer
        database.call(what(), () -> steps.start(taskId, key, position));
        String result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            String failure = data.encode(String.valueOf(e.getMessage()));
            database.call(what(), () -> steps.fail(taskId, key, failure));
            throw e;
        }
        String encoded = data.encode(result);
        database.call(what(), () -> steps.complete(taskId, key, encoded));
        interrupted.remove(key);
        return result;
    }

    @Override
    public Optional<String> result(String key) {
        return database.call(what(), () -> steps.find(taskId, key)).filter(s -> s.status() == StepStatus.DONE)
                .map(TaskStepRecord::dataJson).map(data::decode);
    }

    private String what() {
        return "journal of T" + taskId;
    }

    @Override
    public boolean interruptedInside(String key) {
        return interrupted.contains(key);
    }
}
