package io.vdibot.persistence.task;

import java.time.Instant;

/**
 * One line of a task's log.
 *
 * @param stepKey the step that wrote it, or {@code null} for task-level lines
 * @param message rendered text, never containing secrets
 */
public record TaskLogEntry(long id, long taskId, Instant at, LogKind kind, String stepKey, String message) {
}
