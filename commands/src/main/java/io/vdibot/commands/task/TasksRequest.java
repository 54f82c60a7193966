package io.vdibot.commands.task;

import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/** {@code tasks [mine|pending|scheduled|running|failed]}: recent tasks, filtered. */
public record TasksRequest(TaskFilter filter) implements VdiRequest {

    public static final String COMMAND_ID = "tasks";

    public TasksRequest {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
