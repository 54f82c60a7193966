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
import io.vdibot.commands.vm.VmDeleteRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution of a {@code vm.delete} task. The VM is found by name at preflight and by the id it recorded after
 * that, so a resumed task acts on the same VM; a VM gone by then was deleted by this task before its node died.
 */
final class VmDeleteRun {

    static final String PREFLIGHT = "preflight";
    static final String STOP = "stop-vm";
    static final String WAIT_DOWN = "wait-down";
    static final String REMOVE = "remove-vm";
    static final String WAIT_GONE = "wait-gone";
    private static final String GONE = "gone";

    private final VmDeleteRequest request;
    private final TaskContext context;
    private final String site;
    private final Messages messages;
    private final InventoryCache inventory;
    private final VmActions vms;
    private final VmDeleteTimings timings;
    private final Poller poller;
    private final TaskRun run;

    VmDeleteRun(VmDeleteRequest request, TaskContext context, InventoryCache inventory, VmActions vms,
            VmDeleteTimings timings, Clock clock, Poller poller) {
        this.request = request;
        this.context = context;
        this.site = context.site();
        this.messages = context.messages();
        this.inventory = inventory;
        this.vms = vms;
        this.timings = timings;
        this.poller = poller;
        this.run = new TaskRun(context, clock, "vm.delete");
    }

    TaskOutcome execute() {
        String name = request.name();
        try {
            String vmId = run.step(PREFLIGHT, messages.format("vm.delete.progress.preflight", name, site),
                    this::preflight);
            run.step(STOP, messages.format("vm.delete.progress.stop-vm", name), () -> stop(vmId));
            run.step(WAIT_DOWN, messages.format("vm.delete.progress.wait-down", name), () -> waitDown(vmId));
            run.step(REMOVE, messages.format("vm.delete.progress.remove-vm", name), () -> remove(vmId));
            run.step(WAIT_GONE, messages.format("vm.delete.progress.wait-gone", name), () -> waitGone(vmId));
            Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                    .heading(messages.format("vm.delete.result.title", name))
                    .fields(List.of(new Field(messages.format("vm.delete.field.vm"), name),
                            new Field(messages.format("vm.delete.field.site"), site)));
            return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("vm.delete.summary", name, site), messages,
                    run.appendSteps(reply).build());
        } catch (TaskFailure | EngineException failure) {
            throw run.failed(failure, null);
        } finally {
            // the VM lists, pool usage and pickers no longer match the site
            inventory.refresh(site);
        }
    }

    /** The checks of {@link VmDeleteHandler#validate}, made again on the engine's answer of this moment. */
    private String preflight() {
        inventory.queries().calls().checkAnswers(site);
        List<VmInfo> named = vms.named(site, request.name(), false);
        run.failOnAny(VmDeleteHandler.check(named, request.name(), site,
                inventory.queries().pools(site)));
        VmInfo vm = named.get(0);
        run.deploy("vm.delete.log.preflight", vm.name(), vm.id(), site, EngineTerm.VM_STATUS.of(vm.status()));
        return vm.id();
    }

    private String stop(String vmId) {
        if (current(vmId).isEmpty()) {
            return GONE;
        }
        String before = vms.stopUnlessDown(site, vmId, CorrelationIds.of(context.taskCode(), STOP));
        if ("down".equals(before) || "powering_down".equals(before)) {
            run.deploy("vm.delete.log.already-down", request.name(), EngineTerm.VM_STATUS.of(before));
        } else {
            run.deploy("vm.delete.log.stopped", request.name(), EngineTerm.VM_STATUS.of(before));
        }
        return before;
    }

    private String waitDown(String vmId) {
        AtomicReference<String> last = new AtomicReference<>("unknown");
        String status = poller.poll(timings.schedule(timings.downTimeout()), () -> {
            Optional<VmInfo> now = current(vmId);
            now.ifPresent(vm -> last.set(vm.status()));
            return now.isEmpty() ? Optional.of(GONE) : Optional.of(now.get().status()).filter("down"::equals);
        }).orElseThrow(() -> run.fail("vm.delete.down-timeout", request.name(),
                Durations.format(timings.downTimeout()),
                EngineTerm.VM_STATUS.of(last.get())));
        run.deploy("vm.delete.log.down", request.name());
        return status;
    }

    private String remove(String vmId) {
        boolean sent = current(vmId).isPresent()
                && vms.remove(site, vmId, CorrelationIds.of(context.taskCode(), REMOVE));
        run.deploy(sent ? "vm.delete.log.removing" : "vm.delete.log.gone-already", request.name());
        return sent ? "removing" : GONE;
    }

    private String waitGone(String vmId) {
        poller.poll(timings.schedule(timings.removeTimeout()),
                () -> current(vmId).isEmpty() ? Optional.of(GONE) : Optional.empty())
                .orElseThrow(() -> run.fail("vm.delete.remove-timeout", request.name(),
                        Durations.format(timings.removeTimeout())));
        run.deploy("vm.delete.log.gone", request.name());
        return GONE;
    }

    /** The VM the preflight found, looked up through a name search so that polling stays a collection query. */
    private Optional<VmInfo> current(String vmId) {
        return vms.find(site, request.name(), vmId, false);
    }
}
