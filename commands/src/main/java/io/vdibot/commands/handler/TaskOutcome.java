package io.vdibot.commands.handler;

import io.vdibot.commands.reply.Reply;
import java.util.Objects;

/**
 * How a task ended and what to show for it.
 *
 * @param status  {@link TaskStatus#SUCCEEDED}, {@link TaskStatus#PARTIALLY_SUCCEEDED} or {@link TaskStatus#FAILED}
 * @param summary a one-line summary for the task list, notifications and the audit log
 * @param result  the reply posted in the thread (IPs, tables, log summary)
 */
public record TaskOutcome(TaskStatus status, String summary, Reply result) {

    public TaskOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(result, "result");
        if (status != TaskStatus.SUCCEEDED && status != TaskStatus.PARTIALLY_SUCCEEDED && status != TaskStatus.FAILED) {
            throw new IllegalArgumentException("an executor ends a task as succeeded, partially succeeded or failed");
        }
    }
}
