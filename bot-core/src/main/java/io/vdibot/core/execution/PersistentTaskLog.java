package io.vdibot.core.execution;

import io.vdibot.commands.handler.TaskLog;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.TaskLogRepository;

/** The deploy and error logs of one task, in MariaDB, queryable with {@code /vdi logs}. */
final class PersistentTaskLog implements TaskLog {

    private final long taskId;
    private final TaskLogRepository logs;
    private final DatabaseRetry database;

    PersistentTaskLog(long taskId, TaskLogRepository logs, DatabaseRetry database) {
        this.taskId = taskId;
        this.logs = logs;
        this.database = database;
    }

    @Override
    public void deploy(String message) {
        database.run("log of T" + taskId, () -> logs.append(taskId, LogKind.DEPLOY, null, message));
    }

    @Override
    public void error(String message) {
        database.run("log of T" + taskId, () -> logs.append(taskId, LogKind.ERROR, null, message));
    }
}
