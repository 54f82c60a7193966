package io.vdibot.commands.port;

import java.util.Objects;

/**
 * A message the bot posted and may edit later, e.g. a task's progress line. Plain strings, so it can be persisted
 * with the task and updated after a restart.
 *
 * @param messageId the platform's id of the message (Slack {@code ts}, Teams activity id)
 */
public record MessageHandle(ThreadRef thread, String messageId) {

    public MessageHandle {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(messageId, "messageId");
    }
}
