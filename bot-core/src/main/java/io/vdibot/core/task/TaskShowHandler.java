package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.task.TaskShowRequest;
import io.vdibot.core.execution.LeaseWaits;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskStepRecord;
import io.vdibot.persistence.task.TaskStepRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /vdi task ID}: one task, its decision, result and steps. */
final class TaskShowHandler implements QueryHandler<TaskShowRequest> {

    private final TaskLookup lookup;
    private final TaskStepRepository steps;
    private final TaskJson json;

    TaskShowHandler(TaskRepository tasks, TaskStepRepository steps, TaskJson json) {
        this.lookup = new TaskLookup(tasks);
        this.steps = steps;
        this.json = json;
    }

    @Override
    public Class<TaskShowRequest> requestType() {
        return TaskShowRequest.class;
    }

    @Override
    public Reply handle(TaskShowRequest request, Asker scope) {
        return lookup.withTask(request.taskId(), scope.messages(), task -> show(task, scope));
    }

    private Reply show(TaskRecord task, Asker scope) {
        Messages messages = scope.messages();
        List<FieldsBlock.Field> fields = new ArrayList<>();
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.command"), TaskTexts.summary(task, json)));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.status"), TaskTexts.status(task.status(), messages)));
        if (task.status() == TaskStatus.WAITING && task.waiting() != null) {
            fields.add(new FieldsBlock.Field(messages.format("task.field.waiting-for"), messages.format(
                    "task.field.waiting-for-value", LeaseWaits.describe(task.waiting().resourceKey(), messages),
                    TaskTexts.time(task.waiting().since(), scope.zone()))));
        }
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.site"), String.valueOf(task.site())));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.run-at", scope.zone().getId()),
                TaskTexts.time(task.runAt(), scope.zone())));
        fields.add(new FieldsBlock.Field(messages.format("tasks.column.requester"), TaskTexts.requester(task)));
        if (task.approval() != null && task.approval().decidedBy() != null) {
            fields.add(new FieldsBlock.Field(messages.format("task.field.decided"),
                    messages.format("task.field.decided-value", task.approval().decidedBy(),
                            TaskTexts.time(task.approval().decidedAt(), scope.zone()),
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
                rows.add(List.of(StepLabels.label(task.commandId(), step.stepKey(), messages),
                        messages.format("task.step.status." + step.status().name().toLowerCase(Locale.ROOT)),
                        TaskTexts.time(step.startedAt(), scope.zone()), TaskTexts.time(step.finishedAt(), scope.zone())));
            }
            reply.table(List.of(messages.format("task.column.step"), messages.format("tasks.column.status"),
                    messages.format("task.column.started"), messages.format("task.column.finished")), rows);
        }
        return reply.build();
    }
}
