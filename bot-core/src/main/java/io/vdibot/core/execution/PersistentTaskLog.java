package io.vdibot.core.execution;

import io.vdibot.commands.handler.TaskLog;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.TaskLogRepository;

/** The deploy and error logs of one task, in MariaDB, queryable with {@code /vdi logs}. */
final class PersistentTaskLog implements TaskLog {

    private final long taskId;
    private final TaskLogRepository logs;

    PersistentTaskLog(long taskId, TaskLogRepository logs) {
        this.taskId = taskId;
        this.logs = logs;
    }

    @Override
    public void deploy(String message) {
        logs.append(taskId, LogKind.DEPLOY, null, message);
    }

    @Override
    public void error(String message) {
        logs.append(taskId, LogKind.ERROR, null, message);
    }
}
