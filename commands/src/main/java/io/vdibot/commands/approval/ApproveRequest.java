package io.vdibot.commands.approval;

import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code approve ID}: approves a task that waits for approval. */
public record ApproveRequest(String taskId) implements VdiRequest, TaskReference {

    public static final String COMMAND_ID = "approve";

    public ApproveRequest {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
