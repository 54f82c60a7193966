package io.vdibot.commands.approval;

import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code reject ID [reason="…"]}: rejects a task that waits for approval; {@code reason} may be {@code null}. */
public record RejectRequest(String taskId, String reason) implements VdiRequest, TaskReference {

    public static final String COMMAND_ID = "reject";

    public RejectRequest {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
