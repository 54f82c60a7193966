package io.vdibot.core.approval;

import io.vdibot.commands.approval.ApproveRequest;
import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.reply.Reply;

/** {@code /vdi approve ID}: an approver's decision, typed or clicked. */
final class ApproveHandler implements QueryHandler<ApproveRequest> {

    private final ApprovalDesk desk;

    ApproveHandler(ApprovalDesk desk) {
        this.desk = desk;
    }

    @Override
    public Class<ApproveRequest> requestType() {
        return ApproveRequest.class;
    }

    @Override
    public Reply handle(ApproveRequest request, Asker asker) {
        return desk.decide(request.taskId(), true, null, asker);
    }
}
