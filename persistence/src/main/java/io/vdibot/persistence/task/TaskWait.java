package io.vdibot.persistence.task;

import java.time.Instant;
import java.util.Objects;

/**
 * What a started task waits for: the lease key another task holds, and when it first had to wait (its longest
 * wait counts from there, however often it tried again).
 */
public record TaskWait(String resourceKey, Instant since) {

    public TaskWait {
        Objects.requireNonNull(resourceKey, "resourceKey");
        Objects.requireNonNull(since, "since");
    }

    /** The wait read from a row, {@code null} for a task that never waited. */
    static TaskWait of(String resourceKey, Instant since) {
        return resourceKey == null || since == null ? null : new TaskWait(resourceKey, since);
    }
}
