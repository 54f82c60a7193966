package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Map;
import java.util.Optional;

/**
 * A VM's vNICs (AddVmInterface, UpdateVmInterface, RemoveVmInterface) and disks (AddDisk to a VM,
 * AttachDiskToVm, DetachDiskFromVm, RemoveDisk). A new disk is created on the data domain: locked
 * while its volume is allocated, then ok; the VM cannot start meanwhile (its disks are locked).
 */
public final class VmDevices {

    /** What a client sent for a vNIC; null leaves a field as it is (update) or takes the default (add). */
    public record NicRequest(String name, String interfaceType, String vnicProfileId, String mac, Boolean linked,
            Boolean plugged) {
    }

    /** A new disk ({@code existingDiskId} null) or an existing floating disk to attach. */
    public record DiskRequest(String existingDiskId, String alias, Long provisionedSize, String format,
            Boolean sparse, Ref storageDomain, Boolean bootable, String diskInterface) {
    }

    static final String DISK_CREATED = "vm.disk-created";
    private static final long GIB = 1L << 30;

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    public VmDevices(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        engine.onDue(DISK_CREATED, this::diskCreated);
    }

    public NicEntity addNic(Call call, String vmId, NicRequest request) {
        VmEntity vm = unlocked(vmId, "add", "Interface");
        if (request.name() == null) {
            throw EngineFault.incomplete("Nic", "name", "add");
        }
        if (vm.nics.stream().anyMatch(n -> n.name.equals(request.name()))) {
            throw EngineFault.conflict("Cannot add Interface. The VM already has a network interface with the same name.");
        }
        NicEntity nic = new NicEntity();
        nic.id = engine.newId();
        nic.name = request.name();
        nic.mac = request.mac() != null ? request.mac() : engine.nextMac();
        apply(nic, request);
        JobEntity job = engine.startJob("Adding Interface " + nic.name + " to VM " + vm.name, call.correlationId());
        vm.nics.add(nic);
        engine.event(932, "normal", "Interface " + nic.name + " (" + display(nic.interfaceType) + ") was added to VM "
                + vm.name + ". (User: " + call.userName() + ")", call.correlationId(), e -> e.vmId = vm.id);
        engine.endJob(job.id, true);
        return nic;
    }

    public NicEntity updateNic(Call call, String vmId, String nicId, NicRequest request) {
        VmEntity vm = unlocked(vmId, "update", "Interface");
        NicEntity nic = nic(vm, nicId);
        if (request.name() != null && vm.nics.stream().anyMatch(n -> n != nic && n.name.equals(request.name()))) {
            throw EngineFault.conflict("Cannot update Interface. The VM already has a network interface with the same name.");
        }
        if (request.name() != null) {
            nic.name = request.name();
        }
        if (request.mac() != null) {
            nic.mac = request.mac();
        }
        apply(nic, request);
        JobEntity job = engine.startJob("Updating Interface " + nic.name + " of VM " + vm.name, call.correlationId());
        engine.event(933, "normal", "Interface " + nic.name + " (" + display(nic.interfaceType) + ") was updated for VM "
                + vm.name + ". (User: " + call.userName() + ")", call.correlationId(), e -> e.vmId = vm.id);
        engine.endJob(job.id, true);
        return nic;
    }

    public void removeNic(Call call, String vmId, String nicId) {
        VmEntity vm = unlocked(vmId, "remove", "Interface");
        NicEntity nic = nic(vm, nicId);
        JobEntity job = engine.startJob("Removing Interface " + nic.name + " from VM " + vm.name, call.correlationId());
        vm.nics.remove(nic);
        engine.event(934, "normal", "Interface " + nic.name + " (" + display(nic.interfaceType)
                + ") was removed from VM " + vm.name + ". (User: " + call.userName() + ")", call.correlationId(),
                e -> e.vmId = vm.id);
        engine.endJob(job.id, true);
    }

    public DiskEntity attachDisk(Call call, String vmId, DiskRequest request) {
        VmEntity vm = unlocked(vmId, "add", "Virtual Disk");
        if (request.existingDiskId() != null) {
            return attachExisting(call, vm, request);
        }
        if (request.provisionedSize() == null || request.provisionedSize() <= 0) {
            throw EngineFault.incomplete("Disk", "provisionedSize|size", "add");
        }
        if (request.storageDomain() == null) {
            throw EngineFault.incomplete("Disk", "storageDomains.storageDomain.id|name", "add");
        }
        StorageDomainEntity domain = domain(request.storageDomain());
        DiskEntity disk = new DiskEntity();
        disk.id = engine.newId();
        disk.alias = request.alias() != null ? request.alias() : vm.name + "_Disk" + (vm.diskIds.size() + 1);
        disk.provisionedSize = request.provisionedSize();
        disk.format = request.format() != null ? request.format() : "cow";
        disk.sparse = request.sparse() != null ? request.sparse() : "cow".equals(disk.format);
        disk.actualSize = disk.sparse ? Math.min(disk.provisionedSize, GIB / 1024) : disk.provisionedSize;
        disk.storageDomainId = domain.id;
        disk.bootable = Boolean.TRUE.equals(request.bootable());
        disk.diskInterface = request.diskInterface() != null ? request.diskInterface() : "virtio_scsi";
        disk.status = "locked";
        estate.disks.put(disk.id, disk);
        vm.diskIds.add(disk.id);
        JobEntity job = engine.startJob("Adding Disk " + disk.alias + " to VM " + vm.name, call.correlationId());
        engine.event(78, "normal", "Add-Disk operation of " + disk.alias + " was initiated on VM " + vm.name + " by "
                + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().diskCreation(), DISK_CREATED, disk.id,
                Map.of("job", job.id, "vm", vm.id, "correlation", call.correlationId()));
        return disk;
    }

    private DiskEntity attachExisting(Call call, VmEntity vm, DiskRequest request) {
        DiskEntity disk = estate.disks.get(request.existingDiskId());
        if (disk == null) {
            throw EngineFault.entityNotFound("Disk: id=" + request.existingDiskId());
        }
        boolean attached = estate.vms.values().stream().anyMatch(v -> v.diskIds.contains(disk.id))
                || estate.templates.values().stream().anyMatch(t -> t.diskIds.contains(disk.id));
        if (attached) {
            throw EngineFault.conflict("Cannot attach Virtual Disk. The disk is already attached to VM.");
        }
        if (request.bootable() != null) {
            disk.bootable = request.bootable();
        }
        if (request.diskInterface() != null) {
            disk.diskInterface = request.diskInterface();
        }
        vm.diskIds.add(disk.id);
        engine.event(2016, "normal", "Disk " + disk.alias + " was successfully attached to VM " + vm.name + " by "
                + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
        return disk;
    }

    /** DetachDiskFromVm, then RemoveDisk unless only the detach was asked for. */
    public void detachDisk(Call call, String vmId, String diskId, boolean detachOnly) {
        VmEntity vm = unlocked(vmId, detachOnly ? "detach" : "remove", "Virtual Disk");
        if (!vm.diskIds.contains(diskId)) {
            throw EngineFault.notFound();
        }
        DiskEntity disk = estate.disks.get(diskId);
        if ("locked".equals(disk.status)) {
            throw EngineFault.conflict(EngineMessages.objectLocked(detachOnly ? "detach" : "remove", "Virtual Disk"));
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict("Cannot " + (detachOnly ? "detach" : "remove")
                    + " Virtual Disk. At least one of the VMs is not down.");
        }
        vm.diskIds.remove(diskId);
        if (detachOnly) {
            engine.event(2018, "normal", "Disk " + disk.alias + " was successfully detached from VM " + vm.name
                    + " by " + call.userName() + ".", call.correlationId(), e -> e.vmId = vm.id);
            return;
        }
        JobEntity job = engine.startJob("Removing Disk " + disk.alias, call.correlationId());
        estate.disks.remove(diskId);
        engine.event(2014, "normal", "Disk " + disk.alias + " was successfully removed from domain "
                + Optional.ofNullable(estate.storageDomains.get(disk.storageDomainId)).map(d -> d.name).orElse("")
                + " (User " + call.userName() + ").", call.correlationId(), e -> e.vmId = vm.id);
        engine.endJob(job.id, true);
    }

    private void diskCreated(PendingChange change) {
        DiskEntity disk = estate.disks.get(change.entityId);
        if (disk == null) {
            return;
        }
        disk.status = "ok";
        VmEntity vm = estate.vms.get(change.args.get("vm"));
        engine.event(97, "normal", "The disk " + disk.alias + " was successfully added to VM "
                + (vm == null ? "" : vm.name) + ".", change.args.get("correlation"), e -> e.vmId = change.args.get("vm"));
        engine.endJob(change.args.get("job"), true);
    }

    private VmEntity unlocked(String vmId, String action, String type) {
        VmEntity vm = vms.require(vmId);
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked(action, type));
        }
        return vm;
    }

    private static NicEntity nic(VmEntity vm, String nicId) {
        return vm.nics.stream().filter(n -> n.id.equals(nicId)).findFirst().orElseThrow(EngineFault::notFound);
    }

    private void apply(NicEntity nic, NicRequest request) {
        if (request.interfaceType() != null) {
            nic.interfaceType = request.interfaceType();
        }
        if (request.vnicProfileId() != null) {
            if (!request.vnicProfileId().isEmpty() && !estate.vnicProfiles.containsKey(request.vnicProfileId())) {
                throw EngineFault.entityNotFound("VnicProfile: id=" + request.vnicProfileId());
            }
            nic.vnicProfileId = request.vnicProfileId().isEmpty() ? null : request.vnicProfileId();
        }
        if (request.linked() != null) {
            nic.linked = request.linked();
        }
        if (request.plugged() != null) {
            nic.plugged = request.plugged();
        }
    }

    private StorageDomainEntity domain(Ref ref) {
        Optional<StorageDomainEntity> domain = ref.id() != null
                ? Optional.ofNullable(estate.storageDomains.get(ref.id()))
                : estate.storageDomains.values().stream().filter(d -> d.name.equals(ref.name())).findFirst();
        StorageDomainEntity found = domain.orElseThrow(() -> EngineFault.entityNotFound(ref.describe("StorageDomain")));
        if (found.isExport()) {
            throw EngineFault.badRequest(EngineMessages.storageDomainTypeIllegal("add", "Virtual Disk"));
        }
        return found;
    }

    private static String display(String interfaceType) {
        return "virtio".equals(interfaceType) ? "VirtIO" : interfaceType;
    }
}
