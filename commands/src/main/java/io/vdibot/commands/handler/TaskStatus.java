package io.vdibot.commands.handler;

import java.util.Locale;

/** Life cycle of a task; see docs in the module README for the allowed transitions. */
public enum TaskStatus {
    PENDING_APPROVAL,
    SCHEDULED,
    RUNNING,
    /**
     * Started, but another task holds what it needs (the same pool, VM or template, or a shared export domain):
     * it runs again when that is free, and fails after the configured longest wait.
     */
    WAITING,
    SUCCEEDED,
    /** Finished, but some of the requested objects could not be created; the error log names them. */
    PARTIALLY_SUCCEEDED,
    FAILED,
    CANCELLED,
    REJECTED,
    /** No approver decided within the configured time ({@code vdibot.approval.expire-after}); it never ran. */
    EXPIRED,
    /** Not run when its time came: its requester no longer holds the permission it needs. */
    REFUSED,
    /** A node died mid-run and the task could not be resumed safely. */
    INTERRUPTED;

    public boolean isFinal() {
        return switch (this) {
            case SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED, CANCELLED, REJECTED, EXPIRED, REFUSED, INTERRUPTED -> true;
            default -> false;
        };
    }

    /**
     * Whether a task in this state may move to {@code next}. A running task is cancelled at its next step
     * boundary, after cleaning up what it created; a final state never changes.
     */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case PENDING_APPROVAL -> next == SCHEDULED || next == REJECTED || next == CANCELLED || next == EXPIRED;
            case SCHEDULED -> next == RUNNING || next == CANCELLED;
            case RUNNING -> next == SUCCEEDED || next == PARTIALLY_SUCCEEDED || next == FAILED
                    || next == CANCELLED || next == INTERRUPTED || next == WAITING || next == REFUSED;
            case WAITING -> next == RUNNING || next == CANCELLED;
            default -> false;
        };
    }

    /** The message key of the state's name, e.g. {@code task.status.pending-approval}. */
    public String messageKey() {
        return "task.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
