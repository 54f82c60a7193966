package io.vdibot.core.task;

import io.vdibot.persistence.task.TaskCodes;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.Optional;
import java.util.OptionalLong;

/** Finds a task by the id a user typed ({@code T1042}, any case). */
public final class TaskLookup {

    private final TaskRepository tasks;

    public TaskLookup(TaskRepository tasks) {
        this.tasks = tasks;
    }

    public Optional<TaskRecord> find(String typed) {
        OptionalLong id = TaskCodes.parse(typed);
        return id.isPresent() ? tasks.findById(id.getAsLong()) : Optional.empty();
    }
}
