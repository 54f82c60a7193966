package io.vdibot.commands.task;

/** Life cycle of a task; see docs in the module README for the allowed transitions. */
public enum TaskStatus {
    PENDING_APPROVAL,
    SCHEDULED,
    RUNNING,
    SUCCEEDED,
    /** Finished, but some of the requested objects could not be created; the error log names them. */
    PARTIALLY_SUCCEEDED,
    FAILED,
    CANCELLED,
    REJECTED,
    /** A node died mid-run and the task could not be resumed safely. */
    INTERRUPTED;

    public boolean isFinal() {
        return switch (this) {
            case SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED, CANCELLED, REJECTED, INTERRUPTED -> true;
            default -> false;
        };
    }
}
