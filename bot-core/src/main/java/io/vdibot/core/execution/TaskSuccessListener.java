package io.vdibot.core.execution;

import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.persistence.task.TaskRecord;

/**
 * Told when a task has succeeded (wholly or in part) and its outcome is stored: for what the bot keeps about the
 * objects its tasks created or removed. A listener that throws does not change the task's outcome.
 */
@FunctionalInterface
public interface TaskSuccessListener {

    void succeeded(TaskRecord task, TaskRequest request);
}
