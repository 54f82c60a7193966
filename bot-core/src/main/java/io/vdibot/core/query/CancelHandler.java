package io.vdibot.core.query;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.task.CancelRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.Roles;
import io.vdibot.core.pipeline.QueryHandler;
import io.vdibot.core.pipeline.RequestScope;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.core.task.TaskJson;
import io.vdibot.core.task.TaskLookup;
import io.vdibot.core.task.TaskThreads;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /vdi cancel ID}: a task that has not started yet is cancelled and its trigger removed. Only
 * its requester or an admin may; a running task is not stopped halfway (that would leave half-created
 * objects), so the answer says so.
 */
public final class CancelHandler implements QueryHandler {

    private final TaskRepository tasks;
    private final TaskLookup lookup;
    private final TaskScheduling scheduling;
    private final PermissionPolicy permissions;
    private final Notifiers notifiers;
    private final TaskJson json;

    public CancelHandler(TaskRepository tasks, TaskScheduling scheduling, PermissionPolicy permissions,
            Notifiers notifiers, TaskJson json) {
        this.tasks = tasks;
        this.lookup = new TaskLookup(tasks);
        this.scheduling = scheduling;
        this.permissions = permissions;
        this.notifiers = notifiers;
        this.json = json;
    }

    @Override
    public boolean handles(VdiRequest request) {
        return request instanceof CancelRequest;
    }

    @Override
    public Reply handle(VdiRequest request, RequestScope scope) {
        String typed = ((CancelRequest) request).taskId();
        Messages messages = scope.messages();
        Optional<TaskRecord> found = lookup.find(typed);
        if (found.isEmpty()) {
            return Reply.text(messages.format("reply.task.not-found", typed.toUpperCase(Locale.ROOT)));
        }
        TaskRecord task = found.get();
        boolean own = scope.user().uid().equals(task.requester().directoryUid());
        if (!own && !permissions.rolesOf(scope.user()).contains(Roles.ADMIN)) {
            return Reply.builder().tone(Reply.Tone.WARNING).text(messages.format("reply.denied")).build();
        }
        if (!tasks.transition(task.id(), EnumSet.of(TaskStatus.SCHEDULED, TaskStatus.PENDING_APPROVAL),
                TaskStatus.CANCELLED)) {
            TaskStatus now = tasks.findById(task.id()).map(TaskRecord::status).orElse(task.status());
            return Reply.text(messages.format("cancel.not-possible", task.code(),
                    messages.format(now.messageKey())));
        }
        scheduling.unschedule(task.id());
        Reply done = Reply.builder().tone(Reply.Tone.SUCCESS).text(messages.format("reply.task.cancelled",
                task.code(), task.commandId(), scope.user().displayName())).build();
        if (task.threadRefJson() != null && !task.threadRefJson().equals(json.write(scope.thread()))) {
            notifiers.post(TaskThreads.of(json.readThread(task.threadRefJson()), task.code()), done);
        }
        return done;
    }
}
