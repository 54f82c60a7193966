package io.vdibot.core.approval;

import io.vdibot.commands.approval.RejectRequest;
import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.reply.Reply;

/** {@code /vdi reject ID}: an approver's decision, typed or clicked. */
final class RejectHandler implements QueryHandler<RejectRequest> {

    private final ApprovalDesk desk;

    RejectHandler(ApprovalDesk desk) {
        this.desk = desk;
    }

    @Override
    public Class<RejectRequest> requestType() {
        return RejectRequest.class;
    }

    @Override
    public Reply handle(RejectRequest request, Asker asker) {
        return desk.decide(request.taskId(), false, request.reason(), asker);
    }
}
