package io.vdibot.core.intake;

import io.vdibot.core.approval.ApprovalDesk;
import io.vdibot.core.audit.Auditor;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.OwnedObjectChange;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.command.HandlerRegistry;
import io.vdibot.core.metrics.TaskMeters;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.ownership.Ownership;
import io.vdibot.core.pipeline.RequestScope;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.NewTask;
import io.vdibot.persistence.task.TaskInsertion;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.commands.handler.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a permitted task request into a task: checks it against live inventory, persists it before
 * anything else happens, answers in the thread with the task id and run time in the requester's zone,
 * then either asks the approvers or hands it to the scheduler.
 */
public final class TaskIntake {

    private static final Logger LOG = LoggerFactory.getLogger(TaskIntake.class);

    private final TaskRepository tasks;
    private final InventoryLookup inventory;
    private final HandlerRegistry handlers;
    private final ApprovalPolicy approvalPolicy;
    private final ApprovalDesk approvals;
    private final TaskScheduling scheduling;
    private final Notifiers notifiers;
    private final TaskJson json;
    private final DatabaseRetry databaseRetry;
    private final Auditor auditor;
    private final NameReservations reservations;
    private final Ownership ownership;
    private final TaskMeters meters;

    public TaskIntake(TaskRepository tasks, InventoryLookup inventory, HandlerRegistry handlers,
            ApprovalPolicy approvalPolicy, ApprovalDesk approvals, TaskScheduling scheduling, Notifiers notifiers,
            TaskJson json, DatabaseRetry databaseRetry, Auditor auditor, Ownership ownership, TaskMeters meters) {
        this.tasks = tasks;
        this.inventory = inventory;
        this.handlers = handlers;
        this.approvalPolicy = approvalPolicy;
        this.approvals = approvals;
        this.scheduling = scheduling;
        this.notifiers = notifiers;
        this.json = json;
        this.databaseRetry = databaseRetry;
        this.auditor = auditor;
        this.reservations = new NameReservations(tasks, json);
        this.ownership = ownership;
        this.meters = meters;
    }

    public void accept(TaskRequest request, RequestScope scope) {
        if (alreadyAccepted(scope)) {
            return;
        }
        Messages messages = scope.messages();
        List<String> sites = inventory.sites();
        String site = request.site() != null ? request.site() : sites.get(0);
        if (!sites.contains(site)) {
            refuse(scope, request, List.of(Violation.of("site", "validate.site-unknown", site, String.join(", ", sites))));
            return;
        }
        List<Violation> problems = new ArrayList<>();
        try {
            problems.addAll(handlers.taskHandler(request).validate(request, site));
        } catch (RuntimeException engineTrouble) {
            // The engine cannot be asked now; the executor's preflight checks again before acting.
            LOG.warn("inventory check of {} at {} failed: {}", request.commandId(), site, engineTrouble.getMessage());
            problems.clear();
            if (request.runAt().now()) {
                refuse(scope, request, List.of(Violation.of("site", "validate.site-unreachable", site)));
                return;
            }
        }
        // after the inventory checks, so that a pool that does not exist is said not to exist
        if (problems.isEmpty() && request instanceof OwnedObjectChange change && notOwner(scope, change, site)) {
            return;
        }
        problems.addAll(databaseRetry.call("check names of " + request.commandId(),
                () -> reservations.check(request, site, scope.envelope().idempotencyKey())));
        if (!problems.isEmpty()) {
            refuse(scope, request, problems);
            return;
        }
        List<ApprovalPolicy.Reason> whyApproval = approvalPolicy.reasons(request, site);
        boolean needsApproval = !whyApproval.isEmpty();
        NewTask task = new NewTask(request.commandId(), json.write(request),
                needsApproval ? TaskStatus.PENDING_APPROVAL : TaskStatus.SCHEDULED, site, scope.requester(),
                messages.locale(), scope.zone(), json.write(scope.thread()),
                scope.envelope().idempotencyKey(), request.runAt().instant());
        TaskInsertion insertion = databaseRetry.call("accept " + request.commandId(), () -> tasks.insertOrFind(task));
        TaskRecord stored = insertion.task();
        if (!insertion.created()) {
            LOG.info("duplicate delivery of {} ignored; it is {}", scope.envelope().idempotencyKey(), stored.code());
            return;
        }
        meters.accepted(request.commandId(),
                needsApproval ? TaskMeters.Intake.PENDING_APPROVAL : TaskMeters.Intake.SCHEDULED);
        auditor.record(scope.envelope(), scope.user(), request, Auditor.ACCEPTED,
                needsApproval ? "waits for an approver" : "scheduled", stored.code());
        ThreadRef thread = scope.thread().withTask(stored.code());
        String when = messages.describe(request.runAt());
        String what = request.summary();
        if (needsApproval) {
            notifiers.post(thread, Reply.text(messages.format("reply.task.pending-approval", stored.code(), when, what)));
            approvals.requestApproval(stored, request, scope, whyApproval);
        } else {
            notifiers.post(thread, Reply.text(messages.format("reply.task.accepted", stored.code(), when, what)));
            // Stored but not scheduled would never run: ride out the database like the insert above. A
            // process that dies right here leaves a trigger-less task, which TaskLiveness schedules again.
            databaseRetry.call("schedule " + stored.code(), () -> {
                scheduling.schedule(stored);
                return stored;
            });
        }
    }

    /**
     * A platform's retry of a delivery whose task is stored already is dropped before it is checked again: the task
     * now in its way (its name reservation, the lease it took) is its own, and refusing would post a false refusal
     * in the thread. Copies arriving together, before any is stored, are told apart when they are stored.
     */
    private boolean alreadyAccepted(RequestScope scope) {
        String key = scope.envelope().idempotencyKey();
        if (key == null) {
            return false;
        }
        return databaseRetry.call("find delivery " + key, () -> tasks.findByIdempotencyKey(key))
                .map(stored -> {
                    LOG.info("duplicate delivery of {} ignored; it is {}", key, stored.code());
                    return true;
                }).orElse(false);
    }

    /**
     * Refuses a change to an object the requester does not own, before the engine is asked anything about it: the
     * answer names the owner, so the requester knows whom to ask.
     */
    private boolean notOwner(RequestScope scope, OwnedObjectChange change, String site) {
        Optional<Ownership.Refusal> refusal = databaseRetry.call("check the owner of " + change.name(),
                () -> ownership.refusal(scope.user(), scope.may(OwnedObjectChange.CHANGE_ANY), change, site));
        if (refusal.isEmpty()) {
            return false;
        }
        LOG.info("denied {} of {} at {}: not an owner", change.commandId(), change.name(), site);
        auditor.record(scope.envelope(), scope.user(), change, Auditor.DENIED,
                "not an owner of " + change.objectKind() + " " + change.name() + " at " + site, null);
        notifiers.post(scope.thread(), Reply.refusal(scope.messages().format(refusal.get().key(),
                refusal.get().args().toArray())));
        return true;
    }

    private void refuse(RequestScope scope, TaskRequest request, List<Violation> problems) {
        meters.accepted(request.commandId(), TaskMeters.Intake.REFUSED);
        auditor.record(scope.envelope(), scope.user(), request, Auditor.REFUSED,
                String.join(", ", problems.stream().map(Violation::key).toList()), null);
        Messages messages = scope.messages();
        Reply.Builder reply = Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.WARNING)
                .text(messages.format("reply.invalid"));
        problems.forEach(problem -> reply.text(messages.format(problem)));
        notifiers.post(scope.thread(), reply.build());
    }
}
