package io.vdibot.commands.task;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

public final class TasksCommand extends CommandSpec<TasksRequest> {

    public TasksCommand() {
        super(TasksRequest.COMMAND_ID, "tasks", "tasks [mine|pending|scheduled|running|failed]",
                "vdi:view:tasks", TasksRequest.class, List.of(Param.optionalPositional("filter")));
    }

    @Override
    protected ParseResult<TasksRequest> build(ArgReader in) {
        TaskFilter filter = in.keyword("filter", TaskFilter.class);
        return in.result(() -> new TasksRequest(filter == null ? TaskFilter.ALL : filter));
    }
}
