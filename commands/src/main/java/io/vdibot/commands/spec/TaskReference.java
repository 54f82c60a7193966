package io.vdibot.commands.spec;

/** A request about one existing task (approve, reject, cancel, show, logs): the audit trail files it under that task. */
public interface TaskReference {

    /** The task's id as typed, e.g. {@code T1042}. */
    String taskId();
}
