package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * VM life cycle as the engine runs it: AddVm (image_locked while thin disks are created, then down),
 * RunVm, StopVm, ShutdownVm and RebootVm (their status steps are {@link VmPowerCycle}'s), RemoveVm and detaching
 * from a pool.
 */
public final class VmOperations {

    /** What a client asked for in {@code POST /vms}. */
    public record NewVm(String name, Ref cluster, Ref template, String description, String comment, Long memoryBytes,
            Integer sockets, Integer cores, String osType, String vmType, Boolean stateless, String customScript) {
    }

    /** How a start request asked for first-boot initialization. */
    public record StartOptions(Boolean useCloudInit, Boolean useSysprep, Boolean useInitialization,
            String customScript) {
    }

    static final String VM_CREATED = "vm.created";

    private final Engine engine;
    private final Estate estate;
    private final VmPowerCycle power;
    private final VmUpdate updates;

    public VmOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.power = new VmPowerCycle(engine);
        this.updates = new VmUpdate(engine, this);
        engine.onDue(VM_CREATED, this::created);
    }

    public Optional<VmEntity> vm(String id) {
        return Optional.ofNullable(estate.vms.get(id));
    }

    public VmEntity require(String id) {
        return vm(id).orElseThrow(EngineFault::notFound);
    }

    public ClusterEntity resolveCluster(Ref ref) {
        Optional<ClusterEntity> cluster = ref.id() != null
                ? Optional.ofNullable(estate.clusters.get(ref.id()))
                : estate.clusters.values().stream().filter(c -> c.name.equals(ref.name())).findFirst();
        return cluster.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("Cluster")));
    }

    /** By id, or by name in the cluster's data center taking the latest version, as GetVmTemplate does. */
    public TemplateEntity resolveTemplate(Ref ref, ClusterEntity cluster) {
        Optional<TemplateEntity> template = ref.id() != null
                ? Optional.ofNullable(estate.templates.get(ref.id()))
                : estate.templates.values().stream()
                        .filter(t -> t.name.equals(ref.name()))
                        .filter(t -> t.isBlank() || cluster == null || sameDataCenter(t, cluster))
                        .max(Comparator.comparingInt(t -> t.versionNumber));
        return template.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("Template")));
    }

    public boolean sameDataCenter(TemplateEntity template, ClusterEntity cluster) {
        ClusterEntity home = estate.clusters.get(template.clusterId);
        return home != null && home.dataCenterId.equals(cluster.dataCenterId);
    }

    /** Whether a VM of that name already exists in the data center, the scope of VM name uniqueness. */
    public boolean nameUsedInDataCenter(String name, String dataCenterId) {
        return estate.vms.values().stream().anyMatch(vm -> vm.name.equals(name)
                && dataCenterId.equals(estate.clusters.get(vm.clusterId).dataCenterId));
    }

    public VmEntity add(Call call, NewVm request) {
        ClusterEntity cluster = resolveCluster(request.cluster());
        TemplateEntity template = resolveTemplate(request.template(), cluster);
        NameRules.checkVmName(request.name(), "add");
        if (!template.isBlank() && !sameDataCenter(template, cluster)) {
            throw EngineFault.badRequest("Cannot add VM. The relevant Template doesn't exist in the Data Center.");
        }
        if (nameUsedInDataCenter(request.name(), cluster.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed("add", "VM"));
        }
        if ("locked".equals(template.status)) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        JobEntity job = engine.startJob("Creating VM " + request.name() + " in Cluster " + cluster.name,
                call.correlationId());
        VmEntity vm = createFromTemplate(request.name(), cluster, template, job.id);
        if (request.description() != null) {
            vm.description = request.description();
        }
        if (request.comment() != null) {
            vm.comment = request.comment();
        }
        if (request.memoryBytes() != null) {
            vm.memoryBytes = request.memoryBytes();
        }
        if (request.sockets() != null) {
            vm.sockets = request.sockets();
        }
        if (request.cores() != null) {
            vm.cores = request.cores();
        }
        if (request.osType() != null) {
            vm.osType = request.osType();
        }
        if (request.vmType() != null) {
            vm.vmType = request.vmType();
        }
        if (request.stateless() != null) {
            vm.stateless = request.stateless();
        }
        vm.customScript = request.customScript();
        engine.event(34, "normal", "VM " + vm.name + " was created by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = vm.id);
        if (vm.diskIds.isEmpty()) {
            vm.status = "down";
            engine.endJob(job.id, true);
        }
        return vm;
    }

    /**
     * Creates the VM row in image_locked with thin overlays of the template's disks and schedules
     * the end of disk creation; shared with pool creation, which adds VMs the same way.
     */
    public VmEntity createFromTemplate(String name, ClusterEntity cluster, TemplateEntity template, String jobId) {
        VmEntity vm = new VmEntity();
        vm.id = engine.newId();
        vm.name = name;
        vm.clusterId = cluster.id;
        vm.templateId = template.id;
        vm.osType = template.osType;
        vm.vmType = template.vmType;
        vm.memoryBytes = template.memoryBytes;
        vm.sockets = template.sockets;
        vm.cores = template.cores;
        vm.creationTime = engine.now();
        for (NicEntity templateNic : template.nics) {
            NicEntity nic = DeviceCopies.nic(engine, templateNic);
            nic.mac = engine.nextMac();
            vm.nics.add(nic);
        }
        for (String templateDiskId : template.diskIds) {
            DiskEntity source = estate.disks.get(templateDiskId);
            DiskEntity disk = new DiskEntity();
            disk.id = engine.newId();
            disk.alias = name + "_Disk" + (vm.diskIds.size() + 1);
            disk.provisionedSize = source.provisionedSize;
            disk.actualSize = 1L << 20;
            disk.storageDomainId = source.storageDomainId;
            disk.bootable = source.bootable;
            disk.status = "locked";
            estate.disks.put(disk.id, disk);
            vm.diskIds.add(disk.id);
        }
        vm.status = vm.diskIds.isEmpty() ? "down" : "image_locked";
        estate.vms.put(vm.id, vm);
        if (!vm.diskIds.isEmpty() && !engine.faults().vmStaysLocked(name)) {
            engine.schedule(engine.timing().vmDiskCreation(), VM_CREATED, vm.id,
                    jobId == null ? Map.of() : Map.of("job", jobId));
        }
        return vm;
    }

    private void created(PendingChange change) {
        vm(change.entityId).ifPresent(vm -> {
            vm.status = "down";
            boolean failed = engine.faults().vmDisksTurnIllegal(vm.name);
            // AddVmCommand#endWithFailure unlocks the VM with its disks marked illegal
            vm.diskIds.forEach(id -> estate.disks.get(id).status = failed ? "illegal" : "ok");
            if (failed) {
                engine.event(60, "error", "Failed to complete VM " + vm.name + " creation.", null,
                        e -> e.vmId = vm.id);
            } else {
                engine.event(53, "normal", "VM " + vm.name + " creation has been completed.", null,
                        e -> e.vmId = vm.id);
            }
            String jobId = change.args.get("job");
            if (jobId != null && vm.poolId == null) {
                engine.endJob(jobId, !failed);
            }
        });
    }

    public JobEntity start(Call call, String vmId, StartOptions options) {
        return power.start(call, require(vmId), options);
    }

    public JobEntity stop(Call call, String vmId, boolean graceful) {
        return power.stop(call, require(vmId), graceful);
    }

    public VmEntity update(Call call, String vmId, VmUpdate.Change change) {
        return updates.update(call, require(vmId), change);
    }

    public JobEntity suspend(Call call, String vmId) {
        return power.suspend(call, require(vmId));
    }

    public JobEntity reboot(Call call, String vmId) {
        return power.reboot(call, require(vmId));
    }

    /** Powers a VM off as part of another command (pool removal); no job of its own. */
    public void powerOffInternally(VmEntity vm) {
        power.powerOffInternally(vm);
    }

    public void remove(Call call, String vmId) {
        VmEntity vm = require(vmId);
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked("remove", "VM"));
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmIsRunning("remove", "VM"));
        }
        if (vm.poolId != null) {
            throw EngineFault.conflict(EngineMessages.vmAttachedToPool("remove", "VM"));
        }
        SnapshotOperations.refuseDuringSnapshot(vm, "remove", "VM");
        JobEntity job = engine.startJob("Removing VM " + vm.name + " from system", call.correlationId());
        delete(vm);
        engine.endJob(job.id, true);
        engine.event(113, "normal", "VM " + vm.name + " was successfully removed.", call.correlationId(),
                e -> e.vmId = vm.id);
    }

    /** Drops a VM with its disks and permissions; callers have checked the preconditions. */
    public void delete(VmEntity vm) {
        power.cancelAll(vm);
        engine.cancelScheduled(VM_CREATED, vm.id);
        vm.diskIds.forEach(estate.disks::remove);
        estate.permissions.values().removeIf(p -> vm.id.equals(p.objectId));
        estate.vms.remove(vm.id);
    }

    public void detachFromPool(Call call, String vmId) {
        VmEntity vm = require(vmId);
        if (vm.poolId == null) {
            throw EngineFault.conflict(EngineMessages.vmNotInPool());
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.detachRunningVmFromPool());
        }
        String poolName = estate.pools.get(vm.poolId).name;
        vm.poolId = null;
        engine.event(312, "normal", "VM " + vm.name + " was detached from VM Pool " + poolName + " by "
                + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
    }
}
