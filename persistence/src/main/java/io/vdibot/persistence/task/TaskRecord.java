package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A stored task. Times are UTC instants with microsecond precision.
 *
 * @param claimedBy   the node that runs or ran the task
 * @param heartbeatAt the last time that node reported the task alive while {@code RUNNING}
 * @param version     incremented by every change of state; see {@link TaskRepository#reschedule}
 * @param waiting     what the task waits for while {@code WAITING}, and since when; {@code null} if it never waited
 */
public record TaskRecord(
        long id,
        String commandId,
        String requestJson,
        TaskStatus status,
        String site,
        Requester requester,
        Locale locale,
        ZoneId timeZone,
        String threadRefJson,
        String idempotencyKey,
        Instant runAt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        TaskApproval approval,
        String claimedBy,
        Instant heartbeatAt,
        String resultSummary,
        int version,
        TaskWait waiting) {

    /** The id users see and type, e.g. {@code T1042}. */
    public String code() {
        return TaskCodes.format(id);
    }
}
