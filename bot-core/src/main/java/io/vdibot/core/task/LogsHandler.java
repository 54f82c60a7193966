package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.task.LogKind;
import io.vdibot.commands.task.LogsRequest;
import io.vdibot.core.execution.TextJson;
import io.vdibot.persistence.task.TaskLogEntry;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /vdi logs ID [kind]}: what a task did (deploy log) and what failed (error log), or their summary. */
final class LogsHandler implements QueryHandler<LogsRequest> {

    private final TaskLookup lookup;
    private final TaskLogRepository logs;

    LogsHandler(TaskRepository tasks, TaskLogRepository logs) {
        this.lookup = new TaskLookup(tasks);
        this.logs = logs;
    }

    @Override
    public Class<LogsRequest> requestType() {
        return LogsRequest.class;
    }

    @Override
    public Reply handle(LogsRequest request, Asker scope) {
        return lookup.withTask(request.taskId(), scope.messages(), task -> logs(task, request.kind(), scope));
    }

    private Reply logs(TaskRecord task, LogKind kind, Asker scope) {
        Messages messages = scope.messages();
        if (kind == LogKind.SUMMARY) {
            Reply.Builder summary = Reply.builder().heading(messages.format("logs.summary.heading", task.code()));
            LogSummary.of(task.code(), logs.list(task.id())).lines(messages).forEach(summary::text);
            return summary.build();
        }
        List<TaskLogEntry> entries = switch (kind) {
            case DEPLOY -> logs.list(task.id(), io.vdibot.persistence.task.LogKind.DEPLOY);
            case ERROR -> logs.list(task.id(), io.vdibot.persistence.task.LogKind.ERROR);
            case ALL, SUMMARY -> logs.list(task.id());
        };
        if (entries.isEmpty()) {
            return Reply.text(messages.format("logs.none", task.code()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TaskLogEntry entry : entries) {
            rows.add(List.of(TaskTexts.TIME.withZone(scope.zone()).format(entry.at()), 
                    messages.format("logs.kind." + entry.kind().name().toLowerCase(Locale.ROOT)),
                    said(entry, messages)));
        }
        return Reply.builder().heading(messages.format("logs.heading", task.code()))
                .table(List.of(messages.format("logs.column.at", scope.zone().getId()),
                        messages.format("logs.column.kind"), messages.format("logs.column.message")), rows).build();
    }

    /**
     * A line in the reader's language when it was written from a message this version still has (for /vdi logs and
     * the log summary of on-call notices); as it was written (in the requester's language) otherwise.
     */
    static String said(TaskLogEntry entry, Messages messages) {
        return TextJson.read(entry.messageKey(), entry.messageArgs()).filter(text -> messages.has(text.key()))
                .map(text -> {
                    try {
                        return text.in(messages);
                    } catch (RuntimeException changedArguments) {
                        return entry.message();
                    }
                }).orElse(entry.message());
    }
}
