package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.model.VmSettings;
import java.util.List;

/**
 * UpdateVm: the fields a provisioning script edits. Name, description and comment change at once;
 * the rest is hardware and placement, which a VM that runs only takes on at its next run: the engine
 * keeps them as the VM's next-run configuration ({@code next_run_configuration_exists}) and applies
 * it when the VM goes down.
 */
public final class VmUpdate {

    /** What a client asked to change; null leaves a field as it is. */
    public record Change(String name, String description, String comment, Long memoryBytes, Integer sockets,
            Integer cores, Boolean highAvailability, Integer haPriority, String leaseStorageDomainId,
            Boolean removeLease, String placementAffinity, List<String> placementHostIds, Boolean consoleEnabled,
            String displayType, Integer monitors) {
    }

    private static final long MIN_MEMORY = 1L << 20;

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    VmUpdate(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
    }

    VmEntity update(Call call, VmEntity vm, Change change) {
        String action = "edit";
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked(action, "VM"));
        }
        if (change.name() != null && !change.name().equals(vm.name)) {
            NameRules.checkVmName(change.name(), action);
            if (vms.nameUsedInDataCenter(change.name(), estate.clusters.get(vm.clusterId).dataCenterId)) {
                throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, "VM"));
            }
            if (!vm.isDown()) {
                throw EngineFault.conflict("Cannot edit VM. Can not change VM name while it is running.");
            }
        }
        VmSettings next = (vm.nextRun != null ? vm.nextRun : vm.settings());
        VmSettings wanted = merge(next, change);
        if (wanted.memoryBytes < MIN_MEMORY || wanted.sockets < 1 || wanted.cores < 1) {
            throw EngineFault.badRequest("Cannot edit VM. Memory size and number of CPUs must be positive.");
        }
        if (wanted.leaseStorageDomainId != null) {
            StorageDomainEntity domain = estate.storageDomains.get(wanted.leaseStorageDomainId);
            if (domain == null || domain.isExport()) {
                throw EngineFault.badRequest(EngineMessages.storageDomainNotExist(action, "VM"));
            }
        }
        List<String> hostIds = new java.util.ArrayList<>();
        for (String idOrName : wanted.placementHostIds) {
            HostEntity host = estate.hosts.containsKey(idOrName) ? estate.hosts.get(idOrName)
                    : estate.hosts.values().stream().filter(h -> h.name.equals(idOrName)).findFirst().orElse(null);
            if (host == null) {
                throw EngineFault.entityNotFound("Host: " + idOrName);
            }
            if (!host.clusterId.equals(vm.clusterId)) {
                throw EngineFault.badRequest("Cannot edit VM. The given host does not belong to the VM's cluster.");
            }
            hostIds.add(host.id);
        }
        wanted.placementHostIds = hostIds;
        JobEntity job = engine.startJob("Editing VM " + vm.name + " properties", call.correlationId());
        if (change.name() != null) {
            vm.name = change.name();
        }
        if (change.description() != null) {
            vm.description = change.description();
        }
        if (change.comment() != null) {
            vm.comment = change.comment();
        }
        if (vm.isDown()) {
            vm.apply(wanted);
            vm.nextRun = null;
        } else if (!same(wanted, vm.settings())) {
            vm.nextRun = wanted;
        } else {
            vm.nextRun = null;
        }
        engine.event(35, "normal", "VM " + vm.name + " configuration was updated by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        engine.endJob(job.id, true);
        return vm;
    }

    /** The next-run configuration falls due when the VM goes down. */
    static void applyNextRun(VmEntity vm) {
        if (vm.nextRun != null) {
            vm.apply(vm.nextRun);
            vm.nextRun = null;
        }
    }

    private static VmSettings merge(VmSettings base, Change c) {
        VmSettings s = new VmSettings();
        s.memoryBytes = c.memoryBytes() != null ? c.memoryBytes() : base.memoryBytes;
        s.sockets = c.sockets() != null ? c.sockets() : base.sockets;
        s.cores = c.cores() != null ? c.cores() : base.cores;
        s.highAvailability = c.highAvailability() != null ? c.highAvailability() : base.highAvailability;
        s.haPriority = c.haPriority() != null ? c.haPriority() : base.haPriority;
        s.leaseStorageDomainId = Boolean.TRUE.equals(c.removeLease()) ? null
                : c.leaseStorageDomainId() != null ? c.leaseStorageDomainId() : base.leaseStorageDomainId;
        s.placementAffinity = c.placementAffinity() != null ? c.placementAffinity() : base.placementAffinity;
        s.placementHostIds = c.placementHostIds() != null ? List.copyOf(c.placementHostIds()) : base.placementHostIds;
        s.consoleEnabled = c.consoleEnabled() != null ? c.consoleEnabled() : base.consoleEnabled;
        s.displayType = c.displayType() != null ? c.displayType() : base.displayType;
        s.monitors = c.monitors() != null ? c.monitors() : base.monitors;
        return s;
    }

    private static boolean same(VmSettings a, VmSettings b) {
        return a.memoryBytes == b.memoryBytes && a.sockets == b.sockets && a.cores == b.cores
                && a.highAvailability == b.highAvailability && a.haPriority == b.haPriority
                && java.util.Objects.equals(a.leaseStorageDomainId, b.leaseStorageDomainId)
                && a.placementAffinity.equals(b.placementAffinity) && a.placementHostIds.equals(b.placementHostIds)
                && a.consoleEnabled == b.consoleEnabled && a.displayType.equals(b.displayType)
                && a.monitors == b.monitors;
    }
}
