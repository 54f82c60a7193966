package io.vdibot.persistence.task;

/** The two logs of a task. */
public enum LogKind {
    /** What was done. */
    DEPLOY,
    /** What failed and why, with the engine's own fault text. */
    ERROR
}
