package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.task.TaskFilter;
import io.vdibot.commands.task.TasksRequest;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskSearch;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /vdi tasks [filter]}: the recent tasks, newest first. */
final class TasksHandler implements QueryHandler<TasksRequest> {

    private static final int PAGE_SIZE = 25;
    /** A start the {@code since=} argument reads back. */
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final TaskSearch search;
    private final TaskJson json;

    TasksHandler(TaskSearch search, TaskJson json) {
        this.search = search;
        this.json = json;
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
        TaskFilter status = request.status() != null ? request.status() : request.filter();
        TaskSearch.Page page = search.find(new TaskSearch.Criteria(statuses(status), user, request.command(),
                request.since()), (request.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        if (page.tasks().isEmpty()) {
            return Reply.text(messages.format("tasks.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TaskRecord task : page.tasks()) {
            rows.add(List.of(task.code(), TaskTexts.summary(task, json), TaskTexts.status(task.status(), messages),
                    task.site() == null ? "" : task.site(), TaskTexts.time(task.runAt(), scope.zone()),
                    TaskTexts.requester(task)));
        }
        Reply.Builder reply = Reply.builder().table(List.of(messages.format("tasks.column.id"),
                messages.format("tasks.column.command"), messages.format("tasks.column.status"),
                messages.format("tasks.column.site"), messages.format("tasks.column.run-at", scope.zone().getId()),
                messages.format("tasks.column.requester")), rows);
        long more = page.total() - (long) request.page() * PAGE_SIZE;
        if (more > 0) {
            reply.text(messages.format("tasks.more", more, nextPage(request, scope.zone())));
        }
        return reply.build();
    }

    private static Set<TaskStatus> statuses(TaskFilter filter) {
        return switch (filter) {
            case MINE, ALL -> EnumSet.allOf(TaskStatus.class);
            case PENDING -> EnumSet.of(TaskStatus.PENDING_APPROVAL);
            case SCHEDULED -> EnumSet.of(TaskStatus.SCHEDULED);
            case RUNNING -> EnumSet.of(TaskStatus.RUNNING);
            case WAITING -> EnumSet.of(TaskStatus.WAITING);
            case SUCCEEDED -> EnumSet.of(TaskStatus.SUCCEEDED, TaskStatus.PARTIALLY_SUCCEEDED);
            case FAILED -> EnumSet.of(TaskStatus.FAILED, TaskStatus.INTERRUPTED, TaskStatus.REFUSED);
            case CANCELLED -> EnumSet.of(TaskStatus.CANCELLED, TaskStatus.REJECTED, TaskStatus.EXPIRED);
        };
    }

    /** The command line that shows the next page of the same list. */
    private static String nextPage(TasksRequest request, ZoneId zone) {
        StringBuilder line = new StringBuilder("/vdi tasks");
        if (request.filter() != TaskFilter.ALL) {
            line.append(' ').append(request.filter().keyword());
        }
        if (request.status() != null) {
            line.append(" status=").append(request.status().keyword());
        }
        if (request.since() != null) {
            line.append(" since=").append(SINCE.format(request.since().atZone(zone)));
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
