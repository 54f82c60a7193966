package io.vdibot.commands.task;

import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code task ID}: one task, its state and its steps; {@code taskId} is upper case, e.g. {@code T1042}. */
public record TaskShowRequest(String taskId) implements VdiRequest, TaskReference {

    public static final String COMMAND_ID = "task";

    public TaskShowRequest {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
