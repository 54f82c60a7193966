package io.vdibot.core.execution;

import io.vdibot.commands.handler.TaskLog;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.TaskLogRepository;

/**
 * The deploy and error logs of one task, in MariaDB, queryable with {@code /vdi logs}. A line written from a message
 * keeps its key and arguments too, so that each reader reads it in their own language.
 */
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

    @Override
    public void deploy(Text message, Messages requester) {
        append(LogKind.DEPLOY, message, requester);
    }

    @Override
    public void error(Text message, Messages requester) {
        append(LogKind.ERROR, message, requester);
    }

    private void append(LogKind kind, Text message, Messages requester) {
        String text = message.in(requester);
        String args = TextJson.args(message);
        database.run("log of T" + taskId, () -> logs.append(taskId, kind, null, text, message.key(), args));
    }
}
