package io.vdibot.persistence.task;

import java.time.Instant;

/**
 * One line of a task's log.
 *
 * @param stepKey the step that wrote it, or {@code null} for task-level lines
 * @param message rendered text, never containing secrets
 * @param messageKey  the message key it was written from, or {@code null} for a free text
 * @param messageArgs its arguments as a JSON array, or {@code null}
 */
public record TaskLogEntry(long id, long taskId, Instant at, LogKind kind, String stepKey, String message,
                           String messageKey, String messageArgs) {

    public TaskLogEntry(long id, long taskId, Instant at, LogKind kind, String stepKey, String message) {
        this(id, taskId, at, kind, stepKey, message, null, null);
    }
}
