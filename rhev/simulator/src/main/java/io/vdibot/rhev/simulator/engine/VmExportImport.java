package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.model.VnicProfileEntity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ExportVm and ImportVm through the export domain the sites share, with the status machine of
 * template copies: the VM is image_locked while its disks are copied (120 s at time scale 1), the
 * OVF lands in the domain's metadata at the end; an import needs the VM's template in the target
 * data center and creates the VM with the same id (or a new one with {@code clone}).
 */
final class VmExportImport {

    static final String VM_EXPORTED = "vm.exported";
    static final String VM_IMPORTED = "vm.imported";
    private static final String TYPE = "VM";

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;
    private final TemplateCopies copies;

    VmExportImport(Engine engine, TemplateCopies copies) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        this.copies = copies;
        engine.onDue(VM_EXPORTED, this::exported);
        engine.onDue(VM_IMPORTED, this::imported);
    }

    JobEntity export(Call call, String vmId, Ref domainRef, boolean exclusive) {
        String action = "export";
        VmEntity vm = estate.vms.get(vmId);
        if (vm == null) {
            throw EngineFault.notFound();
        }
        StorageDomainEntity domain = copies.resolveDomain(domainRef, () -> EngineFault.badRequest(
                EngineMessages.storageDomainNotExist(action, TYPE)));
        DomainStatuses.requireActive(domain, action, TYPE);
        if (!domain.isExport()) {
            throw EngineFault.badRequest(EngineMessages.notExportDomain(action, TYPE, domain.name));
        }
        if ("image_locked".equals(vm.status)) {
            throw EngineFault.conflict(EngineMessages.vmIsLocked(action, TYPE));
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.vmIsRunning(action, TYPE));
        }
        if (!Objects.equals(estate.clusters.get(vm.clusterId).dataCenterId, domain.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.storagePoolNotMatch(action, TYPE));
        }
        if (!exclusive && shared.vms(domain).stream().anyMatch(e -> e.vm.id.equals(vm.id))) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, TYPE));
        }
        JobEntity job = engine.startJob("Exporting VM " + vm.name + " To Export Domain " + domain.name,
                call.correlationId());
        vm.status = "image_locked";
        engine.event(1162, "normal", "Starting export Vm " + vm.name + " to " + domain.name, call.correlationId(),
                e -> {
                    e.vmId = vm.id;
                    e.storageDomainId = domain.id;
                });
        engine.schedule(engine.timing().templateExport(), VM_EXPORTED, vm.id,
                TemplateCopies.args(call, job, domain, Map.of("vmName", vm.name, "domainName", domain.name)));
        return job;
    }

    private void exported(PendingChange change) {
        VmEntity vm = estate.vms.get(change.entityId);
        StorageDomainEntity domain = estate.storageDomains.get(change.args.get(ExportImportOperations.DOMAIN_ARG));
        if (vm != null && "image_locked".equals(vm.status)) {
            vm.status = "down";
        }
        boolean failed = vm == null || domain == null || engine.faults().exportFails();
        if (!failed) {
            SharedStorage.ExportedVm exported = new SharedStorage.ExportedVm();
            exported.vm = TemplateCopies.copy(vm, VmEntity.class);
            exported.vm.poolId = null;
            exported.vm.hostId = null;
            for (String diskId : vm.diskIds) {
                DiskEntity disk = estate.disks.get(diskId);
                if (disk != null) {
                    exported.disks.add(TemplateCopies.copy(disk, DiskEntity.class));
                }
            }
            for (NicEntity nic : vm.nics) {
                VnicProfileEntity profile = nic.vnicProfileId == null ? null : estate.vnicProfiles.get(nic.vnicProfileId);
                exported.nicProfileNames.add(profile == null ? null : profile.name);
            }
            exported.exportedFromSite = engine.siteName();
            shared.storeVm(domain, exported);
        }
        engine.event(failed ? 1153 : 1151, failed ? "error" : "normal", failed
                ? "Failed to export Vm " + change.args.get("vmName") + " to " + change.args.get("domainName")
                : "Vm " + change.args.get("vmName") + " was exported successfully to " + change.args.get("domainName"),
                change.args.get("correlation"), e -> e.vmId = change.entityId);
        engine.endJob(change.args.get("job"), !failed);
    }

    /** What an export domain holds, read through this site while it is active here. */
    List<SharedStorage.ExportedVm> vmsOn(StorageDomainEntity domain) {
        if (!domain.isExport() || !DomainStatuses.ACTIVE.equals(DomainStatuses.of(domain))) {
            return List.of();
        }
        return shared.vms(domain);
    }

    JobEntity importVm(Call call, String sourceDomainId, String vmId, Ref targetDomainRef, Ref clusterRef,
            boolean clone, String newName) {
        String action = "import";
        StorageDomainEntity source = estate.storageDomains.get(sourceDomainId);
        if (source == null) {
            throw EngineFault.notFound();
        }
        SharedStorage.ExportedVm exported = vmsOn(source).stream().filter(e -> e.vm.id.equals(vmId)).findFirst()
                .orElseThrow(EngineFault::notFound);
        StorageDomainEntity target = copies.resolveDomain(targetDomainRef, () -> EngineFault.badRequest(
                EngineMessages.storageDomainNotExist(action, TYPE)));
        if (target.isExport()) {
            throw EngineFault.badRequest(EngineMessages.storageDomainTypeIllegal(action, TYPE));
        }
        ClusterEntity cluster = clusterRef == null || (clusterRef.id() == null && clusterRef.name() == null) ? null
                : estate.clusters.values().stream().filter(c -> c.id.equals(clusterRef.id())
                        || c.name.equals(clusterRef.name())).findFirst().orElse(null);
        if (cluster == null) {
            throw EngineFault.badRequest(EngineMessages.clusterCanNotBeEmpty(action, TYPE));
        }
        String name = newName != null ? newName : exported.vm.name;
        if (estate.vms.values().stream().anyMatch(v -> v.name.equals(name))) {
            throw EngineFault.conflict("Cannot import VM. VM with the same name already exists.");
        }
        if (!clone && estate.vms.containsKey(exported.vm.id)) {
            throw EngineFault.conflict("Cannot import VM. VM with the same identifier already exists.");
        }
        if (!estate.templates.containsKey(exported.vm.templateId)) {
            throw EngineFault.conflict("Cannot import VM. The relevant Template doesn't exist in the Data Center.");
        }
        JobEntity job = engine.startJob("Importing VM " + name + " to Cluster " + cluster.name, call.correlationId());
        VmEntity vm = TemplateCopies.copy(exported.vm, VmEntity.class);
        vm.id = clone ? engine.newId() : exported.vm.id;
        vm.name = name;
        vm.clusterId = cluster.id;
        vm.status = "image_locked";
        vm.diskIds.clear();
        for (DiskEntity original : exported.disks) {
            DiskEntity disk = TemplateCopies.copy(original, DiskEntity.class);
            disk.id = clone || estate.disks.containsKey(disk.id) ? engine.newId() : disk.id;
            disk.storageDomainId = target.id;
            disk.status = "locked";
            estate.disks.put(disk.id, disk);
            vm.diskIds.add(disk.id);
        }
        for (int i = 0; i < vm.nics.size(); i++) {
            NicEntity nic = vm.nics.get(i);
            String profileName = i < exported.nicProfileNames.size() ? exported.nicProfileNames.get(i) : null;
            nic.vnicProfileId = estate.vnicProfiles.values().stream().filter(p -> p.name.equals(profileName))
                    .map(p -> p.id).findFirst().orElse(null);
            if (clone) {
                nic.id = engine.newId();
                nic.mac = engine.nextMac();
            }
        }
        estate.vms.put(vm.id, vm);
        engine.event(1165, "normal", "Starting to import Vm " + name + " to Data Center "
                + estate.dataCenters.get(cluster.dataCenterId).name + ", Cluster " + cluster.name,
                call.correlationId(), e -> e.vmId = vm.id);
        engine.schedule(engine.timing().templateImport(), VM_IMPORTED, vm.id,
                TemplateCopies.args(call, job, target, Map.of("vmName", name, "cluster", cluster.name)));
        return job;
    }

    private void imported(PendingChange change) {
        VmEntity vm = estate.vms.get(change.entityId);
        if (vm == null) {
            return;
        }
        vm.status = "down";
        vm.diskIds.forEach(id -> estate.disks.get(id).status = "ok");
        engine.event(1152, "normal", "Vm " + vm.name + " was imported successfully to Cluster "
                + change.args.get("cluster"), change.args.get("correlation"), e -> e.vmId = vm.id);
        engine.endJob(change.args.get("job"), true);
    }
}
