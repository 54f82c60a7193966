package io.vdibot.commands.task;

import io.vdibot.commands.spec.TaskReference;
import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code logs ID [deploy|error|summary]}: a task's logs, one of them, or their summary. */
public record LogsRequest(String taskId, LogKind kind) implements VdiRequest, TaskReference {

    public static final String COMMAND_ID = "logs";

    public LogsRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
