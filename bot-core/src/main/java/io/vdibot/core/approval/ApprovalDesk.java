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
import io.vdibot.commands.i18n.Durations;
import io.vdibot.commands.port.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Approvals: the request goes to the approvers' channel with Approve and Reject buttons; a decision
 * is taken once (compare-and-set in the database), never by the requester, records who, when and why,
 * and is told in the requester's thread. A request nobody decides on is reminded and, in the end, expires
 * ({@link ApprovalTimeouts}).
 */
public final class ApprovalDesk {

    /** Times said to a channel, whose readers live in several zones. */
    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TaskRepository tasks;
    private final TaskLookup lookup;
    private final TaskScheduling scheduling;
    private final Notifiers notifiers;
    private final TaskJson json;
    private final Approvers approvers;
    private final Locale defaultLocale;

    public ApprovalDesk(TaskRepository tasks, TaskScheduling scheduling, Notifiers notifiers, TaskJson json,
            Approvers approvers, Locale defaultLocale) {
        this.approvers = approvers;
        this.defaultLocale = defaultLocale;
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
        String command = scope.envelope().text() != null ? scope.envelope().text() : request.summary();
        Reply card = card(messages, task, scope.user().displayName(), command, request,
                        new FieldsBlock.Field(messages.format("approval.field.why"),
                                String.join("; ", why.stream().map(reason -> reason.in(messages)).toList())))
                .actions(new Action(Action.APPROVE, messages.format("approval.button.approve"), task.code(),
                                Action.Style.PRIMARY),
                        new Action(Action.REJECT, messages.format("approval.button.reject"), task.code(),
                                Action.Style.DANGER))
                .build();
        notifiers.notifyApprovers(scope.thread().withTask(task.code()), card);
    }

    /** The approval card without its buttons: who asks, what will happen, where, when, and {@code more}. */
    private static Reply.Builder card(Messages messages, TaskRecord task, String requester, String command,
            TaskRequest request, FieldsBlock.Field... more) {
        List<FieldsBlock.Field> fields = new ArrayList<>(List.of(
                new FieldsBlock.Field(messages.format("approval.field.command"), command),
                new FieldsBlock.Field(messages.format("approval.field.site"), task.site()),
                // the requester's zone in words; the platforms add the time in each approver's own zone
                new FieldsBlock.Field(messages.format("approval.field.when"), messages.describe(request.runAt()),
                        request.runAt().now() ? null : task.runAt())));
        fields.addAll(List.of(more));
        return Reply.builder().kind(Reply.Kind.QUESTION)
                .heading(messages.format("approval.request", requester, task.code()))
                .block(new FieldsBlock(fields));
    }

    /**
     * Reminds the approvers that {@code task} still waits for them.
     *
     * @param waited    how long it has waited since it was asked
     * @param expiresAt when it expires unless someone decides
     */
    void remind(TaskRecord task, Duration waited, Instant expiresAt) {
        Optional<ThreadRef> thread = thread(task);
        if (thread.isEmpty()) {
            return;
        }
        Messages messages = messagesOf(task);
        notifiers.remindApprovers(thread.get(), Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(messages.format("approval.reminder", task.code(), task.commandId(), task.requester().shownName(),
                        Durations.format(waited), UTC_MINUTES.format(expiresAt)))
                .build());
    }

    /**
     * Tells that {@code task}, already ended as expired, will not run: its approval card loses its buttons and says
     * so, and its requester is told in the request's thread.
     *
     * @param at          when it expired
     * @param expireAfter how long approvers had
     */
    void expired(TaskRecord task, Instant at, Duration expireAfter) {
        Optional<ThreadRef> thread = thread(task);
        if (thread.isEmpty()) {
            return;
        }
        Messages messages = messagesOf(task);
        close(task, thread.get(), messages,
                messages.format("approval.expired.card", UTC_MINUTES.format(at), Durations.format(expireAfter)));
        notifiers.post(thread.get(), Reply.builder().kind(Reply.Kind.RESULT).tone(Reply.Tone.WARNING)
                .text(messages.format("reply.task.expired", task.code(), task.commandId(),
                        Durations.format(expireAfter)))
                .build());
    }

    /** Redraws the approval card of {@code task}, cancelled by {@code cancelledBy}, without its buttons. */
    public void withdrawn(TaskRecord task, String cancelledBy) {
        Messages messages = messagesOf(task);
        thread(task).ifPresent(thread -> close(task, thread, messages,
                messages.format("reply.task.cancelled", task.code(), task.commandId(), cancelledBy)));
    }

    private void close(TaskRecord task, ThreadRef thread, Messages messages, String line) {
        notifiers.closeApproval(thread, closedCard(task, messages, Reply.Tone.WARNING, line));
    }

    /** The approval card without its buttons, and {@code line} saying why. */
    private Reply closedCard(TaskRecord task, Messages messages, Reply.Tone tone, String line) {
        TaskRequest request = (TaskRequest) json.readRequest(task.commandId(), task.requestJson());
        return card(messages, task, task.requester().shownName(), request.summary(), request)
                .kind(Reply.Kind.DECISION).tone(tone).text(line).build();
    }

    private Optional<ThreadRef> thread(TaskRecord task) {
        return task.threadRefJson() == null ? Optional.empty()
                : Optional.of(json.readThread(task.threadRefJson()).withTask(task.code()));
    }

    /** The requester's language, as on the approval card. */
    private Messages messagesOf(TaskRecord task) {
        return Messages.forLocale(task.locale() != null ? task.locale() : defaultLocale);
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
            return notPending(messages, task);
        }
        if (scope.uid().equals(task.requester().directoryUid())) {
            return Reply.refusal(selfApproval(messages, task));
        }
        ApprovalVerdict verdict = approve ? ApprovalVerdict.APPROVED : ApprovalVerdict.REJECTED;
        if (!tasks.recordDecision(task.id(), verdict, scope.uid(), reason)) {
            return notPending(messages, tasks.findById(task.id()).orElse(task));
        }
        TaskRecord decided = tasks.findById(task.id()).orElseThrow();
        Messages requesterMessages = Messages.forLocale(decided.locale() != null ? decided.locale() : messages.locale());
        String who = scope.displayName();
        thread(decided).ifPresent(requestThread -> {
            String told = decisionLine(requesterMessages, decided, approve, who, reason);
            notifiers.post(requestThread, decisionReply(approve, told));
            // a decision typed anywhere, not clicked on the card, leaves the card's buttons to be taken away here
            notifiers.approvalDecided(requestThread, scope.thread(),
                    closedCard(decided, requesterMessages, decisionTone(approve), told));
        });
        if (approve) {
            scheduling.schedule(decided);
        }
        return decisionReply(approve, decisionLine(messages, decided, approve, who, reason));
    }

    /** Why a task that no longer waits for approval cannot be decided: it expired (and when), or its state. */
    private static Reply notPending(Messages messages, TaskRecord task) {
        if (task.status() == TaskStatus.EXPIRED) {
            return Reply.refusal(messages.format("approval.expired", task.code(),
                    UTC_MINUTES.format(task.finishedAt() != null ? task.finishedAt() : task.updatedAt())));
        }
        return Reply.refusal(messages.format("approval.not-pending", task.code(),
                messages.format(task.status().messageKey())));
    }

    private static Reply decisionReply(boolean approved, String line) {
        return Reply.builder().kind(Reply.Kind.DECISION).tone(decisionTone(approved)).text(line).build();
    }

    private static Reply.Tone decisionTone(boolean approved) {
        return approved ? Reply.Tone.SUCCESS : Reply.Tone.WARNING;
    }

    private String decisionLine(Messages messages, TaskRecord task, boolean approved, String who, String reason) {
        if (!approved) {
            return messages.format("reply.task.rejected", task.code(), task.commandId(), who,
                    reason == null ? messages.format("reply.no-reason") : reason);
        }
        Schedule runAt = ((TaskRequest) json.readRequest(task.commandId(), task.requestJson())).runAt();
        boolean afterItsTime = !runAt.now() && task.approval().decidedAt().isAfter(task.runAt());
        return afterItsTime
                ? messages.format("reply.task.approved-late", task.code(), task.commandId(), who,
                        messages.describe(runAt))
                : messages.format("reply.task.approved", task.code(), task.commandId(), who);
    }

}
