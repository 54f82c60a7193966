package io.vdibot.persistence.task;

import java.time.Instant;

/**
 * Whether a task needed an approver and, once decided, who decided, when and why.
 * The outcome is the task's status: {@code REJECTED}, or any later status after an approval.
 */
public record TaskApproval(boolean required, String decidedBy, Instant decidedAt, String reason) {

    public boolean isDecided() {
        return decidedAt != null;
    }
}
