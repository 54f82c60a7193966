package io.vdibot.commands.task;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class TaskShowCommand extends CommandSpec<TaskShowRequest> {

    public TaskShowCommand() {
        super(TaskShowRequest.COMMAND_ID, "task", "task ID", "vdi:view:tasks", TaskShowRequest.class,
                List.of(TASK_ID));
    }

    @Override
    protected ParseResult<TaskShowRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        return in.result(() -> new TaskShowRequest(taskId));
    }
}
