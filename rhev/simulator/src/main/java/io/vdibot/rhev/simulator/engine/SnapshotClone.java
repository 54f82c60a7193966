package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.SnapshotEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /vms} with {@code <snapshots><snapshot id=…/></snapshots>}: AddVmFromSnapshot, a new VM whose disks
 * are collapsed copies of the snapshot's. The REST layer first reads the snapshot's VM configuration (an unknown
 * snapshot is a 404) and lays the body's own fields over it; the command refuses while another snapshot operation
 * runs on the source VM, locks the source snapshot and keeps the new VM {@code image_locked} while the images are
 * copied, then unlocks the snapshot and leaves the new VM down. The source VM itself stays as it is: the engine
 * clones from a snapshot of a running VM too.
 */
final class SnapshotClone {

    static final String CLONED = "snapshot.cloned";
    private static final String ACTION = "add";
    private static final String TYPE = "VM";

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;
    private final SnapshotOperations snapshots;

    SnapshotClone(Engine engine, VmOperations vms, SnapshotOperations snapshots) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        this.snapshots = snapshots;
        engine.onDue(CLONED, this::cloned);
    }

    VmEntity cloneVm(Call call, SnapshotOperations.NewVmFromSnapshot request) {
        ClusterEntity cluster = vms.resolveCluster(request.cluster());
        VmEntity source = sourceOf(request.snapshotId()).orElseThrow(EngineFault::notFound);
        Optional<SnapshotEntity> stored = SnapshotOperations.stored(source, request.snapshotId());
        String snapshotName = stored.map(s -> s.description).orElse(SnapshotOperations.ACTIVE_DESCRIPTION);
        NameRules.checkVmName(request.name(), ACTION);
        SnapshotOperations.refuseDuringSnapshot(source, ACTION, TYPE);
        List<DiskEntity> sourceDisks = snapshots.disks(source.id, request.snapshotId());
        List<String> locked = sourceDisks.stream().filter(d -> "locked".equals(d.status)).map(d -> d.alias).toList();
        if (!locked.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.disksLocked(ACTION, TYPE, String.join(", ", locked)));
        }
        String sourceDataCenter = estate.clusters.get(source.clusterId).dataCenterId;
        if (!sourceDataCenter.equals(cluster.dataCenterId)) {
            // inferred: the copies stay on the snapshot's storage domains, which the target data center lacks
            throw EngineFault.conflict(EngineMessages.storageDomainNotInDataCenter(ACTION, TYPE));
        }
        if (vms.nameUsedInDataCenter(request.name(), cluster.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(ACTION, TYPE));
        }

        JobEntity job = engine.startJob("Creating VM " + request.name() + " from Snapshot " + snapshotName
                + " in Cluster " + cluster.name, call.correlationId());
        VmEntity clone = newVm(request, cluster, source, stored);
        sourceDisks.forEach(disk -> clone.diskIds.add(copy(disk, clone.diskIds.size() + 1, request.name())));
        clone.status = "image_locked";
        estate.vms.put(clone.id, clone);
        stored.ifPresent(s -> s.status = "locked");
        // the engine's USER_ADD_VM_STARTED: a command with asynchronous tasks announces its start
        engine.event(37, "normal", "VM " + clone.name + " creation was initiated by " + call.userName() + ".",
                call.correlationId(), e -> e.vmId = clone.id);
        Map<String, String> args = call.jobArgs(job);
        args.put("source", source.id);
        args.put("snapshot", request.snapshotId());
        engine.schedule(engine.timing().vmCloneFromSnapshot(), CLONED, clone.id, args);
        return clone;
    }

    /** The VM owning a regular snapshot or whose "Active VM" snapshot has this id. */
    private Optional<VmEntity> sourceOf(String snapshotId) {
        return estate.vms.values().stream()
                .filter(vm -> SnapshotOperations.activeId(vm).equals(snapshotId)
                        || SnapshotOperations.stored(vm, snapshotId).isPresent())
                .findFirst();
    }

    /** The snapshot's configuration (the VM's own for its "Active VM" snapshot) with the body's fields over it. */
    private VmEntity newVm(SnapshotOperations.NewVmFromSnapshot request, ClusterEntity cluster, VmEntity source,
            Optional<SnapshotEntity> snapshot) {
        VmEntity vm = new VmEntity();
        vm.id = engine.newId();
        vm.name = request.name();
        vm.clusterId = cluster.id;
        vm.templateId = source.templateId;
        vm.osType = source.osType;
        vm.vmType = source.vmType;
        vm.apply(source.settings());
        vm.description = source.description;
        snapshot.ifPresent(s -> s.applyTo(vm));
        if (request.description() != null) {
            vm.description = request.description();
        }
        if (request.memoryBytes() != null) {
            vm.memoryBytes = request.memoryBytes();
        }
        vm.creationTime = engine.now();
        for (NicEntity sourceNic : source.nics) {
            NicEntity nic = DeviceCopies.nic(engine, sourceNic);
            nic.linked = sourceNic.linked;
            nic.mac = engine.nextMac();
            vm.nics.add(nic);
        }
        return vm;
    }

    /** A collapsed copy of one of the snapshot's disks, on the same storage domain, locked while it is written. */
    private String copy(DiskEntity source, int position, String vmName) {
        return DeviceCopies.lockedDisk(engine, source, vmName + "_Disk" + position, source.storageDomainId).id;
    }

    private void cloned(PendingChange change) {
        VmEntity source = estate.vms.get(change.args.get("source"));
        if (source != null) {
            SnapshotOperations.stored(source, change.args.get("snapshot")).ifPresent(s -> s.status = "ok");
        }
        vms.vm(change.entityId).ifPresent(clone -> {
            snapshots.setDisks(clone, "ok");
            clone.status = "down";
            engine.event(53, "normal", "VM " + clone.name + " creation has been completed.",
                    change.args.get("correlation"), e -> e.vmId = clone.id);
        });
        engine.endJob(change.args.get("job"), vms.vm(change.entityId).isPresent());
    }
}
