package io.vdibot.persistence.task;

import java.time.Instant;

/**
 * One step of a task.
 *
 * @param stepKey  e.g. {@code preflight}, {@code create-vm}, {@code start-vm}, {@code wait-ip}
 * @param ordinal  position of the step in the executor's plan, for listing
 * @param dataJson what the step recorded for a later attempt or step, e.g. the id of the VM it created
 */
public record TaskStepRecord(
        long taskId,
        String stepKey,
        int ordinal,
        StepStatus status,
        Instant startedAt,
        Instant finishedAt,
        String dataJson) {

    public boolean isDone() {
        return status == StepStatus.DONE;
    }
}
