package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.vm.VmRestoreRequest;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One execution of a {@code vm.restore} task. The preflight journals the VM, the snapshot and whether the VM ran,
 * so a resumed task restores the same snapshot and still starts a VM its own power-off brought down; the restore
 * is sent once per correlation id. Nothing is rolled back on failure: the message says in which state the VM is.
 */
final class VmRestoreRun {

    static final String PREFLIGHT = "preflight";
    static final String STOP = "stop-vm";
    static final String WAIT_DOWN = "wait-down";
    static final String RESTORE = "restore";
    static final String WAIT_RESTORED = "wait-restored";
    static final String START = "start-vm";
    static final String WAIT_UP = "wait-up";

    private final VmRestoreRequest request;
    private final TaskContext context;
    private final String site;
    private final Messages messages;
    private final SnapshotServices services;
    private final TaskRun run;
    /** How far the task got, for the failure message: "stopped" once powered off, "restored" once restored. */
    private volatile String reached;
    /** The VM's status at the last look, for a timeout's message. */
    private volatile String lastStatus = "unknown";

    VmRestoreRun(VmRestoreRequest request, TaskContext context, SnapshotServices services) {
        this.request = request;
        this.context = context;
        this.site = context.site();
        this.messages = context.messages();
        this.services = services;
        this.run = new TaskRun(context, services.clock(), "vm.restore");
    }

    TaskOutcome execute() {
        try {
            return run.guarded(this::runSteps, this::leftInPlace);
        } finally {
            // the VM's status and configuration changed
            services.inventory().refresh(site);
        }
    }

    private TaskOutcome runSteps() {
        String name = request.name();
        VmRestorePlan plan = VmRestorePlan.of(run.step(PREFLIGHT,
                messages.format("vm.restore.progress.preflight", name, request.snapshot(), site), this::preflight));
        run.step(STOP, messages.format("vm.restore.progress.stop-vm", name), () -> stop(plan));
        run.step(WAIT_DOWN, messages.format("vm.restore.progress.wait-down", name), () -> waitDown(plan));
        reached = "stopped";
        run.step(RESTORE, messages.format("vm.restore.progress.restore", name, request.snapshot()),
                () -> restore(plan));
        run.step(WAIT_RESTORED, messages.format("vm.restore.progress.wait-restored", name),
                () -> waitRestored(plan));
        reached = "restored";
        boolean start = request.start() != null ? request.start() : plan.wasRunning();
        if (start) {
            run.step(START, messages.format("vm.restore.progress.start-vm", name), () -> startVm(plan));
            run.step(WAIT_UP, messages.format("vm.restore.progress.wait-up", name), () -> waitUp(plan));
        }
        return outcome(plan);
    }

    /** The checks of {@link VmRestoreHandler#validate}, made again on the engine's answers of this moment. */
    private String preflight() {
        services.inventory().queries().calls().checkAnswers(site);
        List<VmInfo> named = services.vms().named(site, request.name(), false);
        run.failOnAny(VmTarget.check(services.inventory(), named, request.name(), site, "vm.restore.in-pool"));
        VmInfo vm = named.get(0);
        if ("image_locked".equals(vm.status())) {
            throw run.fail("vm.snapshot.vm-locked", vm.name());
        }
        VmRestoreHandler.Chosen chosen = VmRestoreHandler.choose(request, vm, services.snapshots().of(site, vm.id()));
        run.refuse(chosen.refusal());
        SnapshotInfo snapshot = chosen.snapshot();
        run.deploy("vm.restore.log.preflight", vm.name(), vm.id(), EngineTerm.VM_STATUS.of(vm.status()), snapshot.description(),
                snapshot.id());
        return new VmRestorePlan(vm.id(), snapshot.id(), vm.status()).journal();
    }

    private String stop(VmRestorePlan plan) {
        String before = services.vms().stopUnlessDown(site, plan.vmId(), CorrelationIds.of(context.taskCode(), STOP));
        run.deploy("down".equals(before) || "powering_down".equals(before) ? "vm.restore.log.already-down"
                : "vm.restore.log.stopped", request.name(), EngineTerm.VM_STATUS.of(before));
        return before;
    }

    private String waitDown(VmRestorePlan plan) {
        Duration timeout = services.timings().downTimeout();
        String status = vmStatus(plan, "down"::equals, timeout)
                .orElseThrow(() -> run.fail("vm.restore.down-timeout", request.name(), Durations.format(timeout),
                        EngineTerm.VM_STATUS.of(lastStatus)));
        run.deploy("vm.restore.log.down", request.name());
        return status;
    }

    private String restore(VmRestorePlan plan) {
        boolean sent = services.snapshots().restoreOnce(site, plan.vmId(), plan.snapshotId(),
                CorrelationIds.of(context.taskCode(), RESTORE));
        run.deploy(sent ? "vm.restore.log.requested" : "vm.restore.log.sent-before", request.name(),
                plan.snapshotId());
        return sent ? "requested" : "sent-before";
    }

    /** Until the VM is down again (the engine keeps it image_locked meanwhile) and none of its snapshots locked. */
    private String waitRestored(VmRestorePlan plan) {
        Duration timeout = services.timings().restoreTimeout();
        services.poller().poll(services.timings().schedule(timeout), () -> {
            String status = current(plan).status();
            lastStatus = status;
            boolean settled = services.snapshots().of(site, plan.vmId()).stream().allMatch(SnapshotInfo::isOk);
            return Optional.of(status).filter(s -> "down".equals(s) && settled);
        }).orElseThrow(() -> run.fail("vm.restore.timeout", request.name(), Durations.format(timeout),
                EngineTerm.VM_STATUS.of(lastStatus)));
        run.deploy("vm.restore.log.restored", request.name(), plan.snapshotId());
        return "restored";
    }

    private String startVm(VmRestorePlan plan) {
        String before = services.vms().startUnlessStarted(site, plan.vmId(),
                CorrelationIds.of(context.taskCode(), START));
        run.deploy("vm.restore.log.started", request.name(), EngineTerm.VM_STATUS.of(before));
        return before;
    }

    /** Until up; a VM still (or again) down well after the start did not come up (no host, not enough memory). */
    private String waitUp(VmRestorePlan plan) {
        Duration timeout = services.timings().upTimeout();
        Instant begun = services.clock().instant();
        Duration grace = services.timings().pollInitial().multipliedBy(2);
        String status = vmStatus(plan, now -> {
            if ("down".equals(now) && Duration.between(begun, services.clock().instant()).compareTo(grace) > 0) {
                throw run.fail("vm.restore.start-failed", request.name());
            }
            return "up".equals(now);
        }, timeout).orElseThrow(() -> run.fail("vm.restore.up-timeout", request.name(), Durations.format(timeout),
                EngineTerm.VM_STATUS.of(lastStatus)));
        run.deploy("vm.restore.log.up", request.name());
        return status;
    }

    private Optional<String> vmStatus(VmRestorePlan plan, Predicate<String> wanted,
            Duration timeout) {
        return services.poller().poll(services.timings().schedule(timeout), () -> {
            String status = current(plan).status();
            lastStatus = status;
            return Optional.of(status).filter(wanted);
        });
    }

    /** The VM, looked up through a name search so that polling stays a collection query. */
    private VmInfo current(VmRestorePlan plan) {
        return services.vms().find(site, request.name(), plan.vmId(), false)
                .orElseThrow(() -> run.fail("validate.vm-unknown", request.name(), site));
    }

    private String leftInPlace() {
        if ("restored".equals(reached)) {
            return messages.format("vm.restore.left-restored", request.name());
        }
        return "stopped".equals(reached) ? messages.format("vm.restore.left-down", request.name()) : null;
    }

    private TaskOutcome outcome(VmRestorePlan plan) {
        String name = request.name();
        SnapshotInfo snapshot = services.snapshots().of(site, plan.vmId()).stream()
                .filter(s -> s.id().equals(plan.snapshotId())).findFirst().orElse(null);
        String description = snapshot == null ? request.snapshot() : snapshot.description();
        String status = current(plan).status();
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("vm.restore.result.title", name, description))
                .fields(List.of(new Field(messages.format("vm.restore.field.vm"), name),
                        new Field(messages.format("vm.restore.field.site"), site),
                        new Field(messages.format("vm.restore.field.snapshot"), description),
                        new Field(messages.format("vm.restore.field.id"), plan.snapshotId()),
                        new Field(messages.format("vm.restore.field.status"),
                                messages.term(EngineTerm.VM_STATUS, status))));
        return TaskOutcome.of(TaskStatus.SUCCEEDED,
                Text.of("vm.restore.summary", name, site, description, EngineTerm.VM_STATUS.of(status)), messages,
                run.appendSteps(reply).build());
    }
}
