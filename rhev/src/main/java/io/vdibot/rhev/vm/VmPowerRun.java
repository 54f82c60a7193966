package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.vm.VmPowerRequest;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelatedJobs;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.commands.i18n.Durations;
import io.vdibot.rhev.task.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One execution of a power task. The VM is found by name at preflight and by the id it journaled after that, so a
 * resumed task acts on the same VM; the action is sent once per correlation id, so a task resumed after sending it
 * only waits.
 */
final class VmPowerRun {

    static final String PREFLIGHT = "preflight";
    /** Journaled by {@code wait-ip} when the guest reported no address in time. */
    private static final String NO_IP = "-";

    private final VmPower power;
    private final VmPowerRequest request;
    private final TaskContext context;
    private final String site;
    private final Messages messages;
    private final VmPowerHandler.Services services;
    private final VmPowerTimings timings;
    private final TaskRun run;

    VmPowerRun(VmPower power, VmPowerRequest request, TaskContext context, VmPowerHandler.Services services) {
        this.power = power;
        this.request = request;
        this.context = context;
        this.site = context.site();
        this.messages = context.messages();
        this.services = services;
        this.timings = services.timings();
        this.run = new TaskRun(context, services.clock(), "vm.power");
    }

    TaskOutcome execute() {
        try {
            return run.guarded(this::runSteps, () -> null);
        } finally {
            // the VM lists, statuses and dashboard no longer match the site
            services.inventory().refresh(site);
        }
    }

    private TaskOutcome runSteps() {
        String name = request.name();
        String vmId = run.step(PREFLIGHT, messages.format("vm.power.progress.preflight", name, site),
                this::preflight);
        run.step(power.actStep(), messages.format(power.family() + ".progress.act", name), () -> act(vmId));
        String last = null;
        String ip = null;
        for (VmPower.Wait wait : power.waits) {
            String result = run.step(wait.step, messages.format("vm.power.progress." + wait.step, name),
                    () -> await(wait, vmId));
            if (wait == VmPower.Wait.IP) {
                ip = result;
            } else {
                last = result;
            }
        }
        return outcome(last, ip);
    }

    /** The checks of {@link VmPowerHandler#validate}, made again on the engine's answer of this moment. */
    private String preflight() {
        services.inventory().queries().calls().checkAnswers(site);
        List<VmInfo> named = services.vms().named(site, request.name(), false);
        run.failOnAny(VmPowerHandler.check(power, named, request.name(), site));
        VmInfo vm = named.get(0);
        run.deploy("vm.power.log.preflight", vm.name(), vm.id(), site, EngineTerm.VM_STATUS.of(vm.status()));
        return vm.id();
    }

    /**
     * Sends the action unless the engine already has it under this task's correlation id (its job or events): a
     * resumed task must not reboot a VM a second time because it is up again by now.
     */
    private String act(String vmId) {
        String correlationId = CorrelationIds.of(context.taskCode(), power.actStep());
        if (services.jobs().of(site, correlationId).state() != CorrelatedJobs.State.NONE) {
            run.deploy("vm.power.log.sent-before", request.name(), correlationId);
            return "sent-before";
        }
        String before = services.vms().powerUnlessUnderWay(site, vmId, power.action, correlationId);
        run.deploy(power.family() + ".log.sent", request.name(), EngineTerm.VM_STATUS.of(before));
        return before;
    }

    private String await(VmPower.Wait wait, String vmId) {
        return switch (wait) {
            case UP -> reach("up", timings.upTimeout(), vmId, true);
            case DOWN -> reach("down", timings.downTimeout(), vmId, false);
            case REBOOTING -> status(vmId, s -> !"up".equals(s), "reboot_in_progress", timings.rebootTimeout(),
                    false);
            case IP -> address(vmId);
        };
    }

    private String reach(String target, Duration timeout, String vmId, boolean downIsFailure) {
        String status = status(vmId, target::equals, target, timeout, downIsFailure);
        run.deploy("vm.power.log.reached", request.name(), EngineTerm.VM_STATUS.of(status));
        return status;
    }

    /**
     * Polls the VM until its status passes {@code wanted}. With {@code downIsFailure}, a VM still (or again) down
     * well after the request did not come up (no host, out of memory...).
     */
    private String status(String vmId, Predicate<String> wanted, String described, Duration timeout,
            boolean downIsFailure) {
        Instant begun = services.clock().instant();
        Duration grace = timings.pollInitial().multipliedBy(2);
        AtomicReference<String> last = new AtomicReference<>("unknown");
        return services.poller().poll(timings.schedule(timeout), () -> {
            String now = current(vmId, false).status();
            last.set(now);
            if (wanted.test(now)) {
                return Optional.of(now);
            }
            if (downIsFailure && "down".equals(now)
                    && Duration.between(begun, services.clock().instant()).compareTo(grace) > 0) {
                throw run.fail("vm.power.start-failed", request.name());
            }
            return Optional.<String>empty();
        }).orElseThrow(() -> run.fail("vm.power.timeout", request.name(), EngineTerm.VM_STATUS.of(described),
                Durations.format(timeout),
                EngineTerm.VM_STATUS.of(last.get())));
    }

    /** The guest's address if it reports one within {@code ipTimeout}; none is not a failure of the start. */
    private String address(String vmId) {
        Optional<String> ip = services.poller().poll(timings.schedule(timings.ipTimeout()),
                () -> current(vmId, true).ipv4());
        if (ip.isPresent()) {
            run.deploy("vm.power.log.ip", request.name(), ip.get());
            return ip.get();
        }
        run.deploy("vm.power.log.no-ip", request.name(), Durations.format(timings.ipTimeout()));
        return NO_IP;
    }

    /** The VM the preflight found, looked up through a name search so that polling stays a collection query. */
    private VmInfo current(String vmId, boolean withAddresses) {
        return services.vms().find(site, request.name(), vmId, withAddresses)
                .orElseThrow(() -> run.fail("validate.vm-unknown", request.name(), site));
    }

    private TaskOutcome outcome(String status, String ip) {
        String name = request.name();
        List<Field> fields = new ArrayList<>(List.of(new Field(messages.format("vm.power.field.vm"), name),
                new Field(messages.format("vm.power.field.site"), site),
                new Field(messages.format("vm.power.field.status"), status)));
        String shownIp = ip == null || NO_IP.equals(ip) ? messages.format("vm.power.no-ip") : ip;
        if (ip != null) {
            fields.add(new Field(messages.format("vm.power.field.ip"), shownIp));
        }
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format(power.family() + ".result.title", name)).fields(fields);
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of(power.family() + ".summary", name, site, shownIp), messages,
                run.appendSteps(reply).build());
    }
}
