package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.CancelRequest;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class CancelCommand extends CommandSpec<CancelRequest> {

    public CancelCommand() {
        super(CancelRequest.COMMAND_ID, "cancel", "cancel ID", Permissions.TASK_CANCEL, CancelRequest.class,
                List.of(TASK_ID));
    }

    @Override
    protected ParseResult<CancelRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        return in.result(() -> new CancelRequest(taskId));
    }
}
