package io.vdibot.commands.handler;

import io.vdibot.commands.spec.TaskRequest;
import java.util.List;

/**
 * Checks and runs one kind of task, typed by its request. The core finds it by {@link #requestType()} (one handler
 * per task command; the bot refuses to start when a command has none), asks {@link #validate} before the task is
 * accepted or sent for approval, and calls {@link #execute} when the task's time has come — and again after a
 * crash: a handler therefore runs its work as journaled steps ({@link TaskContext#steps()}) so a resumed task skips
 * what is done and never creates anything twice.
 */
public interface TaskHandler<R extends TaskRequest> {

    Class<R> requestType();

    /**
     * What the live inventory already says will fail (template unknown, name taken, size out of limits), checked
     * before anyone is asked to approve. Empty when the request may be accepted. {@link #execute} checks again
     * when the task starts, since the estate may have changed in between.
     *
     * @param site the site the task acts on, already resolved from the request or the default
     */
    List<Violation> validate(R request, String site);

    /**
     * Runs or resumes the task. Failures a user should read are thrown as {@link TaskFailure}; anything else is an
     * unexpected error that the core logs and reports generically.
     */
    TaskOutcome execute(R request, TaskContext context);

    /**
     * Whether a task whose node died mid-run may be run again from its journal. A handler that cannot guarantee
     * that answers false, and such a task ends {@link TaskStatus#INTERRUPTED} instead.
     */
    default boolean resumable() {
        return true;
    }
}
