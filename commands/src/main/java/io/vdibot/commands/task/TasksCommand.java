package io.vdibot.commands.task;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.NameRule;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.spec.CommandSpec;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

public final class TasksCommand extends CommandSpec<TasksRequest> {

    public TasksCommand() {
        super(TasksRequest.COMMAND_ID, "tasks",
                "tasks [mine|pending|scheduled|running|waiting|failed] [status=S] [user=U] [command=C] [since=WHEN]"
                        + " [page=N]",
                "vdi:view:tasks", TasksRequest.class, List.of(Param.optionalPositional("filter"),
                        Param.optional("status"), Param.optional("user"), Param.optional("command"),
                        Param.optional("since"), Param.optional("page")));
    }

    @Override
    protected ParseResult<TasksRequest> build(ArgReader in) {
        TaskFilter filter = in.keyword("filter", TaskFilter.class);
        TaskFilter status = in.keyword("status", TaskFilter.class);
        Instant since = in.since("since");
        String user = in.name("user", NameRule.OBJECT);
        String command = in.text("command");
        Integer page = in.count("page", 1, 10_000);
        // "vm create" and "vm.create" name the same command
        String commandId = command == null ? null
                : command.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", ".");
        return in.result(() -> new TasksRequest(filter == null ? TaskFilter.ALL : filter, status, user, commandId,
                since, page == null ? 1 : page));
    }
}
