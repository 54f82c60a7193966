package io.vdibot.commands.handler;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The persisted steps of a task. A step that completed before a crash is not run again: its recorded
 * result (a small string such as the id of the VM it created) is returned instead.
 */
public interface StepJournal {

    /**
     * Runs {@code action} as step {@code key} unless that step already completed, and records its result.
     * A step that was started but never completed (the node died inside it) runs again: the action must
     * then find what it may already have created instead of creating it twice.
     *
     * @throws TaskCancelled before a step that has not completed yet starts, when the task was cancelled while it
     *                       ran
     */
    String run(String key, Supplier<String> action);

    /** The result of a completed step. */
    Optional<String> result(String key);

    /** Whether a step was started before and never completed, i.e. the node died inside it. */
    boolean interruptedInside(String key);
}
