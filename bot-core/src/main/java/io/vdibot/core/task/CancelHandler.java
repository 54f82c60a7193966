package io.vdibot.core.task;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.task.CancelRequest;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.core.approval.ApprovalDesk;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.persistence.task.TaskCancelRequests;
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
public final class CancelHandler implements QueryHandler<CancelRequest> {

    /** Lets its holder cancel other people's tasks; one's own tasks need only the command's permission. */
    static final String CANCEL_OTHERS = "vdi:task:cancel-others";

    private final TaskRepository tasks;
    private final TaskCancelRequests cancels;
    private final TaskLookup lookup;
    private final TaskScheduling scheduling;
    private final Notifiers notifiers;
    private final TaskJson json;
    private final ApprovalDesk approvals;

    public CancelHandler(TaskRepository tasks, TaskCancelRequests cancels, TaskScheduling scheduling,
            Notifiers notifiers, TaskJson json, ApprovalDesk approvals) {
        this.tasks = tasks;
        this.cancels = cancels;
        this.lookup = new TaskLookup(tasks);
        this.scheduling = scheduling;
        this.notifiers = notifiers;
        this.json = json;
        this.approvals = approvals;
    }

    @Override
    public Class<CancelRequest> requestType() {
        return CancelRequest.class;
    }

    @Override
    public Reply handle(CancelRequest request, Asker scope) {
        String typed = request.taskId();
        Messages messages = scope.messages();
        Optional<TaskRecord> found = lookup.find(typed);
        if (found.isEmpty()) {
            return Reply.refusal(messages.format("reply.task.not-found", typed.toUpperCase(Locale.ROOT)));
        }
        TaskRecord task = found.get();
        boolean own = scope.uid().equals(task.requester().directoryUid());
        if (!own && !scope.may(CANCEL_OTHERS)) {
            return Reply.refusal(messages.format("reply.denied"));
        }
        if (task.status() == TaskStatus.RUNNING && cancels.request(task.id(), scope.displayName())) {
            // the node running it stops before its next step and tells the thread what was done
            return Reply.text(messages.format("reply.task.cancel-requested", task.code(), task.commandId()));
        }
        // a waiting task runs nowhere: cancelled at once, like one that has not started
        if (!tasks.transition(task.id(), EnumSet.of(TaskStatus.SCHEDULED, TaskStatus.PENDING_APPROVAL,
                TaskStatus.WAITING), TaskStatus.CANCELLED)) {
            TaskStatus now = tasks.findById(task.id()).map(TaskRecord::status).orElse(task.status());
            return Reply.refusal(messages.format("cancel.not-possible", task.code(),
                    messages.format(now.messageKey())));
        }
        scheduling.unschedule(task.id());
        Reply done = Reply.builder().tone(Reply.Tone.SUCCESS).text(messages.format("reply.task.cancelled",
                task.code(), task.commandId(), scope.displayName())).build();
        if (task.threadRefJson() != null && !task.threadRefJson().equals(json.write(scope.thread()))) {
            notifiers.post(json.readThread(task.threadRefJson()).withTask(task.code()), done);
        }
        if (task.status() == TaskStatus.PENDING_APPROVAL) {
            // nobody is to decide on it any more: its approval card loses its buttons
            approvals.withdrawn(task, scope.displayName());
        }
        return done;
    }
}
