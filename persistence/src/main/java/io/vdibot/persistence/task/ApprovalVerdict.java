package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;

/** An approver's answer to a task waiting in {@link TaskStatus#PENDING_APPROVAL}. */
public enum ApprovalVerdict {
    APPROVED(TaskStatus.SCHEDULED),
    REJECTED(TaskStatus.REJECTED);

    private final TaskStatus resultingStatus;

    ApprovalVerdict(TaskStatus resultingStatus) {
        this.resultingStatus = resultingStatus;
    }

    public TaskStatus resultingStatus() {
        return resultingStatus;
    }
}
