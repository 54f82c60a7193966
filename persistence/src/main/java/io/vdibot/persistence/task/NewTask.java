package io.vdibot.persistence.task;

import io.vdibot.commands.handler.TaskStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * A task as accepted from a request, before it has an id.
 *
 * @param commandId      e.g. {@code vm.create}
 * @param requestJson    the typed request as JSON
 * @param status         {@link TaskStatus#PENDING_APPROVAL} when an approver must decide first, otherwise
 *                       usually {@link TaskStatus#SCHEDULED}
 * @param site           the site the task acts on, if any
 * @param requester      who asked
 * @param locale         the requester's language for replies, if known
 * @param timeZone       the requester's time zone for showing times, if known
 * @param threadRefJson  the platform's ids of the thread to answer in, if any
 * @param idempotencyKey an id the platform repeats on retries (Slack trigger id, Teams activity id); a
 *                       second insert with the same key returns the first task
 * @param runAt          when to run, in UTC
 */
public record NewTask(
        String commandId,
        String requestJson,
        TaskStatus status,
        String site,
        Requester requester,
        Locale locale,
        ZoneId timeZone,
        String threadRefJson,
        String idempotencyKey,
        Instant runAt) {

    public NewTask {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(runAt, "runAt");
        if (status.isFinal()) {
            throw new IllegalArgumentException("A new task cannot start in final status " + status);
        }
    }

    /** Approval is needed exactly when the task starts out waiting for it. */
    public boolean needsApproval() {
        return status == TaskStatus.PENDING_APPROVAL;
    }
}
