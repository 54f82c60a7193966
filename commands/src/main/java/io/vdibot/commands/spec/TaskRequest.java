package io.vdibot.commands.spec;

import io.vdibot.commands.schedule.Schedule;

import java.util.Optional;

/**
 * A request that changes the estate. It becomes a task: persisted, possibly approved, scheduled at {@link #runAt()}
 * and run by an executor.
 */
public interface TaskRequest extends VdiRequest {

    /** The name of the object the task creates or changes. */
    String name();

    /** The site the task acts on; {@code null} means the configured default site. */
    String site();

    /** When the task should run; {@link Schedule#now()} is true for "as soon as possible". */
    Schedule runAt();

    /**
     * The name of the object this task will create at its site, which no later request may take while the task is
     * open; empty for a task that changes what exists.
     */
    default Optional<String> createdName() {
        return Optional.empty();
    }

    /**
     * The site where {@link #createdName()} is created, which is where it is reserved; {@code null} means the
     * configured default site. Most tasks create at the site they act on; a migration creates at its target.
     */
    default String createdAt() {
        return site();
    }
}
