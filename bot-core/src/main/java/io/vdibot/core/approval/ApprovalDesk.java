package io.vdibot.core.approval;

import io.vdibot.core.intake.ApprovalPolicy;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.task.TaskLookup;
import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.pipeline.RequestScope;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.ApprovalVerdict;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.commands.handler.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Approvals: the request goes to the approvers' channel with Approve and Reject buttons; a decision
 * is taken once (compare-and-set in the database), never by the requester, records who, when and why,
 * and is told in the requester's thread.
 */
public final class ApprovalDesk {

    private final TaskRepository tasks;
    private final TaskLookup lookup;
    private final TaskScheduling scheduling;
    private final Notifiers notifiers;
    private final TaskJson json;
    private final Approvers approvers;

    public ApprovalDesk(TaskRepository tasks, TaskScheduling scheduling, Notifiers notifiers, TaskJson json,
            Approvers approvers) {
        this.approvers = approvers;
        this.tasks = tasks;
        this.lookup = new TaskLookup(tasks);
        this.scheduling = scheduling;
        this.notifiers = notifiers;
        this.json = json;
    }

    /**
     * Asks the approvers of the requester's platform to decide on {@code task}: who asks, what will happen, where,
     * when, and why it needs an approver.
     */
    public void requestApproval(TaskRecord task, TaskRequest request, RequestScope scope,
            List<ApprovalPolicy.Reason> why) {
        Messages messages = scope.messages();
        Reply card = Reply.builder().kind(Reply.Kind.QUESTION)
                .heading(messages.format("approval.request", scope.user().displayName(), task.code()))
                .block(new FieldsBlock(List.of(
                        new FieldsBlock.Field(messages.format("approval.field.command"),
                                scope.envelope().text() != null ? scope.envelope().text() : request.summary()),
                        new FieldsBlock.Field(messages.format("approval.field.site"), task.site()),
                        new FieldsBlock.Field(messages.format("approval.field.when"),
                                messages.describe(request.runAt())),
                        new FieldsBlock.Field(messages.format("approval.field.why"),
                                String.join("; ", why.stream().map(reason -> reason.in(messages)).toList())))))
                .actions(new Action(Action.APPROVE, messages.format("approval.button.approve"), task.code(),
                                Action.Style.PRIMARY),
                        new Action(Action.REJECT, messages.format("approval.button.reject"), task.code(),
                                Action.Style.DANGER))
                .build();
        notifiers.notifyApprovers(scope.thread().withTask(task.code()), card);
    }

    /** Why a requester cannot decide on their own request, and who can: by name when they are few, else by group. */
    private String selfApproval(Messages messages, TaskRecord task) {
        List<String> names = approvers.besides(task.requester().directoryUid());
        if (!names.isEmpty()) {
            return messages.format("reply.approval.self-named", String.join(", ", names));
        }
        return messages.format("reply.approval.self", String.join(", ", approvers.groups()));
    }

    /** Records an approver's decision on the task typed as {@code typed}, once, and tells the requester. */
    Reply decide(String typed, boolean approve, String reason, Asker scope) {
        Messages messages = scope.messages();
        Optional<TaskRecord> found = lookup.find(typed);
        if (found.isEmpty()) {
            return Reply.refusal(messages.format("reply.task.not-found", typed.toUpperCase(Locale.ROOT)));
        }
        TaskRecord task = found.get();
        if (task.status() != TaskStatus.PENDING_APPROVAL) {
            return Reply.refusal(messages.format("approval.not-pending", task.code(),
                    messages.format(task.status().messageKey())));
        }
        if (scope.uid().equals(task.requester().directoryUid())) {
            return Reply.refusal(selfApproval(messages, task));
        }
        ApprovalVerdict verdict = approve ? ApprovalVerdict.APPROVED : ApprovalVerdict.REJECTED;
        if (!tasks.recordDecision(task.id(), verdict, scope.uid(), reason)) {
            TaskRecord now = tasks.findById(task.id()).orElse(task);
            return Reply.refusal(messages.format("approval.not-pending", task.code(),
                    messages.format(now.status().messageKey())));
        }
        TaskRecord decided = tasks.findById(task.id()).orElseThrow();
        Messages requesterMessages = Messages.forLocale(decided.locale() != null ? decided.locale() : messages.locale());
        String who = scope.displayName();
        if (decided.threadRefJson() != null) {
            notifiers.post(json.readThread(decided.threadRefJson()).withTask(decided.code()),
                    decisionReply(requesterMessages, decided, approve, who, reason));
        }
        if (approve) {
            scheduling.schedule(decided);
        }
        return decisionReply(messages, decided, approve, who, reason);
    }

    private Reply decisionReply(Messages messages, TaskRecord task, boolean approved, String who, String reason) {
        Reply.Builder reply = Reply.builder().kind(Reply.Kind.DECISION);
        if (!approved) {
            return reply.tone(Reply.Tone.WARNING).text(messages.format("reply.task.rejected", task.code(),
                    task.commandId(), who, reason == null ? messages.format("reply.no-reason") : reason)).build();
        }
        Schedule runAt = ((TaskRequest) json.readRequest(task.commandId(), task.requestJson())).runAt();
        boolean afterItsTime = !runAt.now() && task.approval().decidedAt().isAfter(task.runAt());
        String text = afterItsTime
                ? messages.format("reply.task.approved-late", task.code(), task.commandId(), who,
                        messages.describe(runAt))
                : messages.format("reply.task.approved", task.code(), task.commandId(), who);
        return reply.tone(Reply.Tone.SUCCESS).text(text).build();
    }

}
