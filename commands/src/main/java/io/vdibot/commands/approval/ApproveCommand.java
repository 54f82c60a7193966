package io.vdibot.commands.approval;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class ApproveCommand extends CommandSpec<ApproveRequest> {

    public ApproveCommand() {
        super(ApproveRequest.COMMAND_ID, "approve", "approve ID", "vdi:task:approve", ApproveRequest.class,
                List.of(TASK_ID));
    }

    @Override
    protected ParseResult<ApproveRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        return in.result(() -> new ApproveRequest(taskId));
    }
}
