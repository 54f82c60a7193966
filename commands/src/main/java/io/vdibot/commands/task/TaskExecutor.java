package io.vdibot.commands.task;

import java.util.Set;

/**
 * Runs one kind of task against the estate (implemented in the rhev module, one per task type).
 * The core calls it when the task's time has come, and again after a crash: an executor therefore
 * runs its work as journaled steps ({@link TaskContext#steps()}) so a resumed task skips what is done
 * and never creates anything twice.
 */
public interface TaskExecutor {

    /** The command ids this executor runs, e.g. {@code vm.create}. */
    Set<String> commandIds();

    /**
     * Runs or resumes the task. Failures a user should read are thrown as {@link TaskFailure}; anything
     * else is an unexpected error that the core logs and reports generically.
     */
    TaskOutcome execute(TaskContext context);

    /**
     * Whether a task whose node died mid-run may be run again from its journal. An executor that cannot
     * guarantee that answers false, and such a task ends {@link TaskStatus#INTERRUPTED} instead.
     */
    default boolean resumable() {
        return true;
    }
}
