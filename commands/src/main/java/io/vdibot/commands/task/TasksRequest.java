package io.vdibot.commands.task;

import io.vdibot.commands.spec.VdiRequest;

import java.util.Objects;

/**
 * {@code tasks [mine|pending|scheduled|running|failed] [user=U] [command=C] [page=N]}: the task history, newest
 * first, a page at a time.
 *
 * @param user    a requester's directory user name, any case; {@code null} for everyone
 * @param command a command id ({@code vm.create}); {@code null} for every command
 * @param page    1 for the newest tasks
 */
public record TasksRequest(TaskFilter filter, String user, String command, Integer page) implements VdiRequest {

    public static final String COMMAND_ID = "tasks";

    public TasksRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

    public TasksRequest(TaskFilter filter) {
        this(filter, null, null, 1);
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
