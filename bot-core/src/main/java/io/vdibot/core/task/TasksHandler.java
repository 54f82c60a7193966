package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.task.TaskFilter;
import io.vdibot.commands.task.TasksRequest;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** {@code /vdi tasks [filter]}: the recent tasks, newest first. */
final class TasksHandler implements QueryHandler<TasksRequest> {

    private static final int LIST_LIMIT = 25;

    private final TaskRepository tasks;

    TasksHandler(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Class<TasksRequest> requestType() {
        return TasksRequest.class;
    }

    @Override
    public Reply handle(TasksRequest request, Asker scope) {
        return list(request.filter(), scope);
    }

    private Reply list(TaskFilter filter, Asker scope) {
        Messages messages = scope.messages();
        List<TaskRecord> found = switch (filter) {
            case MINE -> tasks.listByRequester(scope.identity().platform(),
                    scope.identity().userId(), LIST_LIMIT);
            case PENDING -> tasks.listByStatus(EnumSet.of(TaskStatus.PENDING_APPROVAL), LIST_LIMIT);
            case SCHEDULED -> tasks.listByStatus(EnumSet.of(TaskStatus.SCHEDULED), LIST_LIMIT);
            case RUNNING -> tasks.listByStatus(EnumSet.of(TaskStatus.RUNNING), LIST_LIMIT);
            case FAILED -> tasks.listByStatus(EnumSet.of(TaskStatus.FAILED, TaskStatus.INTERRUPTED), LIST_LIMIT);
            case ALL -> tasks.listByStatus(EnumSet.allOf(TaskStatus.class), LIST_LIMIT);
        };
        if (found.isEmpty()) {
            return Reply.text(messages.format("tasks.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TaskRecord task : found) {
            rows.add(List.of(task.code(), task.commandId(), TaskTexts.status(task.status(), messages),
                    task.site() == null ? "" : task.site(), TaskTexts.time(task.runAt(), scope.zone()),
                    TaskTexts.requester(task)));
        }
        return Reply.builder().table(List.of(messages.format("tasks.column.id"), messages.format("tasks.column.command"),
                messages.format("tasks.column.status"), messages.format("tasks.column.site"),
                messages.format("tasks.column.run-at", scope.zone().getId()),
                messages.format("tasks.column.requester")), rows).build();
    }
}
