package io.vdibot.commands.task;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class CancelCommand extends CommandSpec<CancelRequest> {

    public CancelCommand() {
        super(CancelRequest.COMMAND_ID, "cancel", "cancel ID", "vdi:task:cancel", CancelRequest.class,
                List.of(TASK_ID));
    }

    @Override
    protected ParseResult<CancelRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        return in.result(() -> new CancelRequest(taskId));
    }
}
