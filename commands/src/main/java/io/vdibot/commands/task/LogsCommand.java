package io.vdibot.commands.task;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class LogsCommand extends CommandSpec<LogsRequest> {

    public LogsCommand() {
        super(LogsRequest.COMMAND_ID, "logs", "logs ID [deploy|error|summary]", "vdi:view:tasks", LogsRequest.class,
                List.of(TASK_ID, Param.optionalPositional("kind")));
    }

    @Override
    protected ParseResult<LogsRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        LogKind kind = in.keyword("kind", LogKind.class);
        return in.result(() -> new LogsRequest(taskId, kind == null ? LogKind.ALL : kind));
    }
}
