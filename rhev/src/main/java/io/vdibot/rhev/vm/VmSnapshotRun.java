package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.vm.VmSnapshotRequest;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution of a {@code vm.snapshot} task. The VM is found by name at preflight and by the id it journaled
 * after that; the snapshot is taken once per correlation id, so a task resumed after asking for it finds the one
 * it asked for instead of taking a second.
 */
final class VmSnapshotRun {

    static final String PREFLIGHT = "preflight";
    static final String CREATE = "create-snapshot";
    static final String WAIT = "wait-snapshot";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final VmSnapshotRequest request;
    private final TaskContext context;
    private final String site;
    private final Messages messages;
    private final SnapshotServices services;
    private final String description;
    private final TaskRun run;
    /** The snapshot the engine took for this task, once known: a failure after it names it as left in place. */
    private volatile String snapshotId;

    VmSnapshotRun(VmSnapshotRequest request, TaskContext context, SnapshotServices services) {
        this.request = request;
        this.context = context;
        this.site = context.site();
        this.messages = context.messages();
        this.services = services;
        this.description = SnapshotRules.description(request);
        this.run = new TaskRun(context, services.clock(), "vm.snapshot");
    }

    TaskOutcome execute() {
        try {
            return run.guarded(this::runSteps, this::leftInPlace);
        } finally {
            // a VM that was down was image_locked meanwhile; views and checks should see it as it is now
            services.inventory().refresh(site);
        }
    }

    private TaskOutcome runSteps() {
        String name = request.name();
        String vmId = run.step(PREFLIGHT, messages.format("vm.snapshot.progress.preflight", name, site),
                this::preflight);
        snapshotId = run.step(CREATE, messages.format("vm.snapshot.progress.create-snapshot", name, description),
                () -> create(vmId));
        run.step(WAIT, messages.format("vm.snapshot.progress.wait-snapshot", name, description),
                () -> waitOk(vmId));
        SnapshotInfo snapshot = current(vmId).orElseThrow(this::gone);
        return outcome(snapshot);
    }

    /** The checks of {@link VmSnapshotHandler#validate}, made again on the engine's answers of this moment. */
    private String preflight() {
        services.inventory().queries().calls().checkAnswers(site);
        List<VmInfo> named = services.vms().named(site, request.name(), false);
        run.failOnAny(VmTarget.check(services.inventory(), named, request.name(), site, "vm.snapshot.in-pool"));
        VmInfo vm = named.get(0);
        run.failOnAny(VmSnapshotHandler.check(request, vm, services.snapshots().of(site, vm.id())));
        run.deploy("vm.snapshot.log.preflight", vm.name(), vm.id(), site, EngineTerm.VM_STATUS.of(vm.status()));
        return vm.id();
    }

    private String create(String vmId) {
        String correlationId = CorrelationIds.of(context.taskCode(), CREATE);
        VmSnapshots.Taken taken = services.snapshots().takeOnce(site, vmId, description, request.memory(),
                correlationId);
        if (taken.snapshot() == null) {
            throw run.fail("vm.snapshot.lost", request.name(), description, correlationId,
                    engineSays(correlationId));
        }
        run.deploy(taken.sentBefore() ? "vm.snapshot.log.found" : "vm.snapshot.log.requested", request.name(),
                description, taken.snapshot().id());
        return taken.snapshot().id();
    }

    /** Until the engine has the snapshot: a snapshot it could not take is removed, with error events saying why. */
    private String waitOk(String vmId) {
        AtomicReference<String> last = new AtomicReference<>("locked");
        String status = services.poller().poll(services.timings().schedule(services.timings().snapshotTimeout()),
                () -> {
                    SnapshotInfo now = current(vmId).orElseThrow(this::gone);
                    last.set(now.status());
                    return Optional.of(now.status()).filter("ok"::equals);
                }).orElseThrow(() -> run.fail("vm.snapshot.timeout", request.name(), description,
                        Durations.format(services.timings().snapshotTimeout()),
                        EngineTerm.IMAGE_STATUS.of(last.get())));
        run.deploy("vm.snapshot.log.ok", request.name(), description);
        return status;
    }

    private Optional<SnapshotInfo> current(String vmId) {
        return services.snapshots().of(site, vmId).stream().filter(s -> s.id().equals(snapshotId)).findFirst();
    }

    /** The snapshot disappeared: the engine removes one it failed to take; nothing is left in place. */
    private TaskFailure gone() {
        snapshotId = null;
        return run.fail("vm.snapshot.failed", request.name(), description,
                engineSays(CorrelationIds.of(context.taskCode(), CREATE)));
    }

    /** The engine's error events of the request, or a pointer to its events when it wrote none. */
    private String engineSays(String correlationId) {
        String text = services.jobs().of(site, correlationId).engineText();
        return text.isBlank() ? messages.format("vm.snapshot.see-events", correlationId) : text;
    }

    private String leftInPlace() {
        String id = snapshotId;
        return id == null ? null : messages.format("vm.snapshot.left-in-place", request.name(), description, id);
    }

    private TaskOutcome outcome(SnapshotInfo snapshot) {
        String name = request.name();
        String taken = snapshot.date() == null ? "-"
                : TIME.withZone(context.zone()).format(snapshot.date()) + " " + context.zone().getId();
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("vm.snapshot.result.title", name))
                .fields(List.of(new Field(messages.format("vm.snapshot.field.vm"), name),
                        new Field(messages.format("vm.snapshot.field.site"), site),
                        new Field(messages.format("vm.snapshot.field.description"), snapshot.description()),
                        new Field(messages.format("vm.snapshot.field.id"), snapshot.id()),
                        new Field(messages.format("vm.snapshot.field.date"), taken),
                        new Field(messages.format("vm.snapshot.field.memory"),
                                messages.format(snapshot.persistMemory() ? "vm.snapshot.memory.saved"
                                        : "vm.snapshot.memory.not-saved"))));
        return TaskOutcome.of(TaskStatus.SUCCEEDED,
                Text.of("vm.snapshot.summary", name, site, snapshot.description(), snapshot.id()), messages,
                run.appendSteps(reply).build());
    }
}
