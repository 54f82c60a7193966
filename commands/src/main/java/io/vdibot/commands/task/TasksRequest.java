package io.vdibot.commands.task;

import io.vdibot.commands.spec.VdiRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code tasks [mine|pending|scheduled|running|waiting|failed] [status=S] [user=U] [command=C] [since=WHEN]
 * [page=N]}: the task history, newest first, a page at a time.
 *
 * @param status  a status filter besides {@code filter} (so that {@code tasks mine status=failed} works);
 *                {@code null} for {@code filter}'s statuses
 * @param user    a requester's directory user name, any case; {@code null} for everyone
 * @param command a command id ({@code vm.create}); {@code null} for every command
 * @param since   only tasks created from then on; {@code null} for all
 * @param page    1 for the newest tasks
 */
public record TasksRequest(TaskFilter filter, TaskFilter status, String user, String command, Instant since,
                           Integer page) implements VdiRequest {

    public static final String COMMAND_ID = "tasks";

    public TasksRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

    public TasksRequest(TaskFilter filter) {
        this(filter, null, null, null, null, 1);
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
