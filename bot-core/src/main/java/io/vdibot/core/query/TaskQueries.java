package io.vdibot.core.query;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.task.LogKind;
import io.vdibot.commands.task.LogsRequest;
import io.vdibot.commands.task.TaskFilter;
import io.vdibot.commands.task.TaskShowRequest;
import io.vdibot.commands.task.TasksRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.pipeline.QueryHandler;
import io.vdibot.core.pipeline.RequestScope;
import io.vdibot.core.task.TaskLookup;
import io.vdibot.persistence.task.TaskLogEntry;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskStepRecord;
import io.vdibot.persistence.task.TaskStepRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /vdi tasks}, {@code /vdi task ID} and {@code /vdi logs ID}: what tasks there are and what they did. */
public final class TaskQueries implements QueryHandler {

    private static final int LIST_LIMIT = 25;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskRepository tasks;
    private final TaskStepRepository steps;
    private final TaskLogRepository logs;
    private final TaskLookup lookup;

    public TaskQueries(TaskRepository tasks, TaskStepRepository steps, TaskLogRepository logs) {
        this.tasks = tasks;
        this.steps = steps;
        this.logs = logs;
        this.lookup = new TaskLookup(tasks);
    }

    @Override
    public boolean handles(VdiRequest request) {
        return request instanceof TasksRequest || request instanceof TaskShowRequest || request instanceof LogsRequest;
    }

    @Override
    public Reply handle(VdiRequest request, RequestScope scope) {
        if (request instanceof TasksRequest list) {
            return list(list.filter(), scope);
        }
        if (request instanceof TaskShowRequest show) {
            return withTask(show.taskId(), scope, task -> show(task, scope));
        }
        LogsRequest logsRequest = (LogsRequest) request;
        return withTask(logsRequest.taskId(), scope, task -> logs(task, logsRequest.kind(), scope));
    }

    private Reply list(TaskFilter filter, RequestScope scope) {
        Messages messages = scope.messages();
        List<TaskRecord> found = switch (filter) {
            case MINE -> tasks.listByRequester(scope.envelope().identity().platform(),
                    scope.envelope().identity().userId(), LIST_LIMIT);
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
            rows.add(List.of(task.code(), task.commandId(), status(task.status(), messages),
                    task.site() == null ? "" : task.site(), time(task.runAt(), scope.zone()),
                    requester(task)));
        }
        return Reply.builder().table(List.of(messages.format("tasks.column.id"), messages.format("tasks.column.command"),
                messages.format("tasks.column.status"), messages.format("tasks.column.site"),
                messages.format("tasks.column.run-at", scope.zone().getId()),
                messages.format("tasks.column.requester")), rows).build();
    }

    private Reply show(TaskRecord task, RequestScope scope) {
        Messages messages = scope.messages();
        List<FieldsBlock.Field> fields = new ArrayList<>();
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.command"), task.commandId()));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.status"), status(task.status(), messages)));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.site"), String.valueOf(task.site())));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.run-at", scope.zone().getId()),
                time(task.runAt(), scope.zone())));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.requester"), requester(task)));
        if (task.approval() != null && task.approval().decidedBy() != null) {
            fields.add(new FieldsBlock.Field(messages.format("task.field.decided"),
                    messages.format("task.field.decided-value", task.approval().decidedBy(),
                            time(task.approval().decidedAt(), scope.zone()),
                            task.approval().reason() == null ? "-" : task.approval().reason())));
        }
        if (task.resultSummary() != null) {
            fields.add(new FieldsBlock.Field(messages.format("task.field.result"), task.resultSummary()));
        }
        Reply.Builder reply = Reply.builder().heading(task.code()).fields(fields);
        List<TaskStepRecord> taskSteps = steps.list(task.id());
        if (!taskSteps.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (TaskStepRecord step : taskSteps) {
                rows.add(List.of(step.stepKey(), step.status().name().toLowerCase(Locale.ROOT),
                        time(step.startedAt(), scope.zone()), time(step.finishedAt(), scope.zone())));
            }
            reply.table(List.of(messages.format("task.column.step"), messages.format("tasks.column.status"),
                    messages.format("task.column.started"), messages.format("task.column.finished")), rows);
        }
        return reply.build();
    }

    private Reply logs(TaskRecord task, LogKind kind, RequestScope scope) {
        Messages messages = scope.messages();
        List<TaskLogEntry> entries = switch (kind) {
            case DEPLOY -> logs.list(task.id(), io.vdibot.persistence.task.LogKind.DEPLOY);
            case ERROR -> logs.list(task.id(), io.vdibot.persistence.task.LogKind.ERROR);
            case ALL -> logs.list(task.id());
        };
        if (entries.isEmpty()) {
            return Reply.text(messages.format("logs.none", task.code()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TaskLogEntry entry : entries) {
            rows.add(List.of(TIME.withZone(scope.zone()).format(entry.at()), entry.kind().name().toLowerCase(Locale.ROOT),
                    entry.message()));
        }
        return Reply.builder().heading(messages.format("logs.heading", task.code()))
                .table(List.of(messages.format("logs.column.at", scope.zone().getId()),
                        messages.format("logs.column.kind"), messages.format("logs.column.message")), rows).build();
    }

    private Reply withTask(String typed, RequestScope scope, java.util.function.Function<TaskRecord, Reply> then) {
        Optional<TaskRecord> task = lookup.find(typed);
        return task.map(then).orElseGet(() ->
                Reply.text(scope.messages().format("reply.task.not-found", typed.toUpperCase(Locale.ROOT))));
    }

    private static String status(TaskStatus status, Messages messages) {
        return messages.format(status.messageKey());
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.withZone(zone).format(instant);
    }

    private static String requester(TaskRecord task) {
        return task.requester().directoryUid() != null ? task.requester().directoryUid()
                : task.requester().platformUserId();
    }
}
