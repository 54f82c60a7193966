package io.vdibot.commands.approval;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.List;

import static io.vdibot.commands.spec.CommonParams.TASK_ID;

public final class RejectCommand extends CommandSpec<RejectRequest> {

    public RejectCommand() {
        super(RejectRequest.COMMAND_ID, "reject", "reject ID [reason=\"…\"]", "vdi:task:approve",
                RejectRequest.class, List.of(TASK_ID, Param.optional("reason")));
    }

    @Override
    protected ParseResult<RejectRequest> build(ArgReader in) {
        String taskId = in.taskId("id");
        String reason = in.text("reason");
        return in.result(() -> new RejectRequest(taskId, reason));
    }
}
