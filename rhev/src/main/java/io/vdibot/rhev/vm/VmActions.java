package io.vdibot.rhev.vm;

import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryMapper;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.InitializationBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.types.Vm;

/**
 * The VM operations handlers need, each safe to repeat: {@link EngineCalls} repeats a call after a lost answer,
 * and a resumed task repeats the step it died in.
 */
public final class VmActions {

    /** What to create. {@code memoryBytes}, {@code cpus} and {@code initScript} are null for "as the template". */
    public record NewVm(String name, String templateId, String clusterId, Long memoryBytes, Integer cpus,
                        String initScript) {
    }

    /** @param reused the VM existed already, created by the same task before a restart or a lost answer */
    public record Created(VmInfo vm, boolean reused) {
    }

    private final EngineCalls calls;
    private final InventoryQueries queries;

    public VmActions(InventoryQueries queries) {
        this.queries = queries;
        this.calls = queries.calls();
    }

    /** VMs named exactly {@code name} (the engine's search ignores case and treats {@code *} as a wildcard). */
    public List<VmInfo> named(String site, String name, boolean withAddresses) {
        return queries.vms(site, "name=" + name, withAddresses).stream().filter(vm -> name.equals(vm.name()))
                .toList();
    }

    /** The VM {@code id}, looked up through a name search so that polling stays a collection query. */
    public Optional<VmInfo> find(String site, String name, String id, boolean withAddresses) {
        return named(site, name, withAddresses).stream().filter(vm -> vm.id().equals(id)).findFirst();
    }

    /**
     * Returns the VM this task created before, or creates it. A VM of that name without this task's mark is left
     * alone: the engine then refuses the add with its own "name is already in use" text.
     */
    public Created createOrReuse(String site, NewVm spec, String taskCode) {
        String correlationId = CorrelationIds.of(taskCode, "create-vm");
        return calls.call(site, "create VM " + spec.name(), connection -> {
            var vms = connection.systemService().vmsService();
            for (Vm existing : vms.list().search("name=" + spec.name()).send().vms()) {
                if (spec.name().equals(existing.name()) && CreatorComment.isCreatedBy(existing.comment(), taskCode)) {
                    return new Created(InventoryMapper.vm(existing), true);
                }
            }
            Vm added = vms.add().vm(builder(spec, taskCode)).header(CorrelationIds.HEADER, correlationId).send().vm();
            return new Created(InventoryMapper.vm(added), false);
        });
    }

    private static VmBuilder builder(NewVm spec, String taskCode) {
        VmBuilder vm = new VmBuilder().name(spec.name()).comment(CreatorComment.of(taskCode))
                .cluster(new ClusterBuilder().id(spec.clusterId()))
                .template(new TemplateBuilder().id(spec.templateId()));
        if (spec.memoryBytes() != null) {
            vm.memory(spec.memoryBytes());
        }
        if (spec.cpus() != null) {
            vm.cpu(new CpuBuilder().topology(new CpuTopologyBuilder().sockets(1).cores(spec.cpus()).threads(1)));
        }
        if (spec.initScript() != null) {
            // Stored on the VM: on its first run the engine applies it with cloud-init (Linux) or as the sysprep
            // answer file (Windows), chosen from the VM's OS type.
            vm.initialization(new InitializationBuilder().customScript(spec.initScript()));
        }
        return vm;
    }

    /**
     * The engine's power actions, each with the statuses in which it is already under way or done: sending it then
     * would only earn the engine's refusal ("VM is running", "VM is not running").
     */
    public enum PowerAction {
        START(Set.of("wait_for_launch", "powering_up", "up", "reboot_in_progress", "migrating")),
        STOP(Set.of("down", "powering_down")),
        SHUTDOWN(Set.of("down", "powering_down")),
        REBOOT(Set.of("reboot_in_progress"));

        private final Set<String> underWay;

        PowerAction(Set<String> underWay) {
            this.underWay = underWay;
        }
    }

    /**
     * Sends {@code action} unless the VM's status shows it under way or done. The status is read again inside the
     * call, so a call {@link EngineCalls} repeats after a lost answer does not send the action twice.
     *
     * @return the status found before: one of the action's "under way" statuses when nothing was sent
     */
    public String powerUnlessUnderWay(String site, String vmId, PowerAction action, String correlationId) {
        return calls.call(site, action.name().toLowerCase(Locale.ROOT) + " VM", connection -> {
            VmService service = connection.systemService().vmsService().vmService(vmId);
            Vm vm = service.get().send().vm();
            String status = vm.status() == null ? "unknown" : vm.status().value();
            if (action.underWay.contains(status)) {
                return status;
            }
            switch (action) {
                case START -> service.start().header(CorrelationIds.HEADER, correlationId).send();
                case STOP -> service.stop().header(CorrelationIds.HEADER, correlationId).send();
                case SHUTDOWN -> service.shutdown().header(CorrelationIds.HEADER, correlationId).send();
                case REBOOT -> service.reboot().header(CorrelationIds.HEADER, correlationId).send();
            }
            return status;
        });
    }

    /**
     * Starts the VM unless a start is already under way or done.
     *
     * @return the status found before starting: {@code down} when this call started it
     */
    public String startUnlessStarted(String site, String vmId, String correlationId) {
        return powerUnlessUnderWay(site, vmId, PowerAction.START, correlationId);
    }

    /**
     * Powers the VM off unless it is down or on its way there.
     *
     * @return the status found before: {@code down} or {@code powering_down} when nothing was sent
     */
    public String stopUnlessDown(String site, String vmId, String correlationId) {
        return powerUnlessUnderWay(site, vmId, PowerAction.STOP, correlationId);
    }

    /**
     * Removes a VM that is down, with its disks (the engine's default). A VM already gone counts as removed.
     *
     * @return false when it was gone already
     */
    public boolean remove(String site, String vmId, String correlationId) {
        try {
            calls.run(site, "remove VM", connection -> connection.systemService().vmsService().vmService(vmId)
                    .remove().header(CorrelationIds.HEADER, correlationId).send());
            return true;
        } catch (EngineException e) {
            if (e.httpCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
