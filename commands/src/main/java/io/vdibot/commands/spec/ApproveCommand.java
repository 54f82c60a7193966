package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.request.ApproveRequest;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class ApproveCommand extends CommandSpec<ApproveRequest> {

    public ApproveCommand() {
        super(ApproveRequest.COMMAND_ID, "approve", "approve ID", Permissions.TASK_APPROVE, ApproveRequest.class,
                List.of(TASK_ID));
    }

    @Override
    protected ParseResult<ApproveRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        return in.result(() -> new ApproveRequest(taskId));
    }
}
