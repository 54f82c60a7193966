package io.vdibot.commands.task;

import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code cancel ID}: cancels a task that is waiting for approval, scheduled, or running. */
public record CancelRequest(String taskId) implements VdiRequest, TaskReference {

    public static final String COMMAND_ID = "cancel";

    public CancelRequest {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
