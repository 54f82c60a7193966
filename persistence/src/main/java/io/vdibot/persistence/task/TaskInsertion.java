package io.vdibot.persistence.task;

/**
 * The outcome of {@link TaskRepository#insertOrFind}: the stored task, and whether this call created it
 * ({@code false} when a task with the same idempotency key already existed).
 */
public record TaskInsertion(TaskRecord task, boolean created) {
}
