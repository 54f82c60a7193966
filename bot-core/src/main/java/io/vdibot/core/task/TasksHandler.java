package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.task.TaskFilter;
import io.vdibot.commands.task.TasksRequest;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskSearch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /vdi tasks [filter]}: the recent tasks, newest first. */
final class TasksHandler implements QueryHandler<TasksRequest> {

    private static final int PAGE_SIZE = 25;

    private final TaskSearch search;

    TasksHandler(TaskSearch search) {
        this.search = search;
    }

    @Override
    public Class<TasksRequest> requestType() {
        return TasksRequest.class;
    }

    @Override
    public Reply handle(TasksRequest request, Asker scope) {
        Messages messages = scope.messages();
        // "mine" is the directory user behind the chat identity, whatever platform or case the task came from
        String user = request.filter() == TaskFilter.MINE ? scope.uid() : request.user();
        TaskSearch.Page page = search.find(new TaskSearch.Criteria(statuses(request.filter()), user,
                request.command()), (request.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        if (page.tasks().isEmpty()) {
            return Reply.text(messages.format("tasks.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TaskRecord task : page.tasks()) {
            rows.add(List.of(task.code(), task.commandId(), TaskTexts.status(task.status(), messages),
                    task.site() == null ? "" : task.site(), TaskTexts.time(task.runAt(), scope.zone()),
                    TaskTexts.requester(task)));
        }
        Reply.Builder reply = Reply.builder().table(List.of(messages.format("tasks.column.id"),
                messages.format("tasks.column.command"), messages.format("tasks.column.status"),
                messages.format("tasks.column.site"), messages.format("tasks.column.run-at", scope.zone().getId()),
                messages.format("tasks.column.requester")), rows);
        long more = page.total() - (long) request.page() * PAGE_SIZE;
        if (more > 0) {
            reply.text(messages.format("tasks.more", more, nextPage(request)));
        }
        return reply.build();
    }

    private static Set<TaskStatus> statuses(TaskFilter filter) {
        return switch (filter) {
            case MINE, ALL -> EnumSet.allOf(TaskStatus.class);
            case PENDING -> EnumSet.of(TaskStatus.PENDING_APPROVAL);
            case SCHEDULED -> EnumSet.of(TaskStatus.SCHEDULED);
            case RUNNING -> EnumSet.of(TaskStatus.RUNNING);
            case FAILED -> EnumSet.of(TaskStatus.FAILED, TaskStatus.INTERRUPTED);
        };
    }

    /** The command line that shows the next page of the same list. */
    private static String nextPage(TasksRequest request) {
        StringBuilder line = new StringBuilder("/vdi tasks");
        if (request.filter() != TaskFilter.ALL) {
            line.append(' ').append(request.filter().keyword());
        }
        if (request.user() != null) {
            line.append(" user=").append(request.user());
        }
        if (request.command() != null) {
            line.append(" command=").append(request.command());
        }
        return line.append(" page=").append(request.page() + 1).toString();
    }
}
