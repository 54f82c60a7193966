package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.task.TaskCodes;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Finds a task by the id a user typed ({@code T1042}, any case). */
public final class TaskLookup {

    private final TaskRepository tasks;

    public TaskLookup(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /** {@code then} applied to the task, or the answer that there is no such task. */
    public Reply withTask(String typed, Messages messages, Function<TaskRecord, Reply> then) {
        return find(typed).map(then).orElseGet(() ->
                Reply.refusal(messages.format("reply.task.not-found", typed.toUpperCase(Locale.ROOT))));
    }

    public Optional<TaskRecord> find(String typed) {
        OptionalLong id = TaskCodes.parse(typed);
        return id.isPresent() ? tasks.findById(id.getAsLong()) : Optional.empty();
    }
}
