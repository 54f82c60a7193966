package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import java.util.Objects;

/**
 * How a task ended and what to show for it.
 *
 * @param status  {@link TaskStatus#SUCCEEDED}, {@link TaskStatus#PARTIALLY_SUCCEEDED} or {@link TaskStatus#FAILED}
 * @param summary a one-line summary for the task list, notifications and the audit log
 * @param result  the reply posted in the thread (IPs, tables, log summary)
 * @param summaryText the summary before it was put into the requester's words, so that the on-call people read it
 *                in their own language; null when the summary is free text
 */
public record TaskOutcome(TaskStatus status, String summary, Reply result, Text summaryText) {

    public TaskOutcome(TaskStatus status, String summary, Reply result) {
        this(status, summary, result, null);
    }

    /** An outcome whose summary is a message: said in the requester's language here, in others' where it goes. */
    public static TaskOutcome of(TaskStatus status, Text summary, Messages requester, Reply result) {
        return new TaskOutcome(status, summary.in(requester), result, summary);
    }

    public TaskOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(result, "result");
        if (status != TaskStatus.SUCCEEDED && status != TaskStatus.PARTIALLY_SUCCEEDED && status != TaskStatus.FAILED) {
            throw new IllegalArgumentException("an executor ends a task as succeeded, partially succeeded or failed");
        }
    }
}
