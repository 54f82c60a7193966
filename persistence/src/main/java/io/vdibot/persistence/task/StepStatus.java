package io.vdibot.persistence.task;

/** Where a task's step stands. */
public enum StepStatus {
    RUNNING,
    DONE,
    FAILED
}
