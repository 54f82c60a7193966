package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates as AddVmTemplate and RemoveVmTemplate handle them: a template (or a new version of one)
 * made from a down VM, created locked while the VM's disks are copied, and removal refused while
 * VMs still use it.
 */
public final class TemplateOperations {

    /** What a client asked for in {@code POST /templates}; {@code baseTemplateId} set means a new version. */
    public record NewTemplate(String name, String description, String comment, Ref vm, Ref cluster,
            String storageDomainId, String baseTemplateId, String versionName, boolean seal,
            boolean clonePermissions) {
    }

    static final String TEMPLATE_CREATED = "template.created";
    static final String TEMPLATE_REMOVED = "template.removed";
    private static final String ADD = "add";
    private static final String REMOVE = "remove";
    private static final String TYPE = "Template";

    private final Engine engine;
    private final Estate estate;
    private final VmOperations vms;

    public TemplateOperations(Engine engine, VmOperations vms) {
        this.engine = engine;
        this.estate = engine.estate();
        this.vms = vms;
        engine.onDue(TEMPLATE_CREATED, this::created);
        engine.onDue(TEMPLATE_REMOVED, this::removed);
    }

    public Optional<TemplateEntity> template(String id) {
        return Optional.ofNullable(estate.templates.get(id));
    }

    public TemplateEntity require(String id) {
        return template(id).orElseThrow(EngineFault::notFound);
    }

    public List<DiskEntity> disks(TemplateEntity template) {
        return template.diskIds.stream().map(estate.disks::get).filter(d -> d != null).toList();
    }

    public TemplateEntity add(Call call, NewTemplate request) {
        ClusterEntity requestedCluster = request.cluster().isPresent() ? vms.resolveCluster(request.cluster()) : null;
        VmEntity vm = resolveVm(request.vm(), requestedCluster);
        ClusterEntity cluster = requestedCluster != null ? requestedCluster : estate.clusters.get(vm.clusterId);
        String dataCenterId = estate.clusters.get(vm.clusterId).dataCenterId;
        TemplateEntity base = request.baseTemplateId() == null ? null : estate.templates.get(request.baseTemplateId());
        String name = base != null ? base.name : request.name();
        if (request.baseTemplateId() == null) {
            NameRules.checkTemplateName(name, ADD);
        }
        if (!vm.isDown()) {
            throw EngineFault.conflict(EngineMessages.templateFromRunningVm(ADD, TYPE));
        }
        if (request.baseTemplateId() == null && nameUsedInDataCenter(name, dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(ADD, TYPE));
        }
        if (request.baseTemplateId() != null) {
            if (base == null) {
                throw EngineFault.badRequest(EngineMessages.templateDoesNotExist(ADD, TYPE));
            }
            if (base.baseTemplateId != null) {
                throw EngineFault.badRequest(EngineMessages.onlyBaseCanBeBase(ADD, TYPE));
            }
            if (base.isBlank()) {
                throw EngineFault.badRequest(EngineMessages.blankTemplateCannotHaveVersions());
            }
        }
        if (request.seal() && vm.osType != null && vm.osType.startsWith("windows")) {
            throw EngineFault.badRequest(EngineMessages.cannotSealWindows(ADD, TYPE));
        }
        if (!cluster.dataCenterId.equals(dataCenterId)) {
            throw EngineFault.badRequest(EngineMessages.clusterOnDifferentDataCenter(ADD, TYPE));
        }
        if (request.storageDomainId() != null && !vm.diskIds.isEmpty()) {
            checkTargetDomain(request.storageDomainId(), dataCenterId);
        }
        return create(call, request, vm, cluster, base, name);
    }

    private TemplateEntity create(Call call, NewTemplate request, VmEntity vm, ClusterEntity cluster,
            TemplateEntity base, String name) {
        TemplateEntity template = new TemplateEntity();
        template.id = engine.newId();
        template.name = name;
        template.description = request.description();
        template.comment = request.comment();
        template.clusterId = cluster.id;
        template.status = "locked";
        template.osType = vm.osType;
        template.vmType = vm.vmType;
        template.memoryBytes = vm.memoryBytes;
        template.sockets = vm.sockets;
        template.cores = vm.cores;
        template.sourceVmId = vm.id;
        template.sealed = request.seal();
        template.creationTime = engine.now();
        if (base == null) {
            template.versionNumber = 1;
            template.versionName = request.versionName() != null ? request.versionName() : "base version";
        } else {
            template.baseTemplateId = base.id;
            template.versionNumber = estate.templates.values().stream()
                    .filter(t -> t.id.equals(base.id) || base.id.equals(t.baseTemplateId))
                    .mapToInt(t -> t.versionNumber).max().orElse(1) + 1;
            template.versionName = request.versionName();
        }
        copyNics(vm, template);
        copyDisks(vm, template, request.storageDomainId());
        estate.templates.put(template.id, template);
        if (request.clonePermissions()) {
            clonePermissions(vm, template);
        }
        vm.status = "image_locked";
        engine.event(48, "normal", "Creation of Template " + template.name + " from VM " + vm.name
                + " was initiated by " + call.userName() + ".", call.correlationId(), e -> {
                    e.templateId = template.id;
                    e.vmId = vm.id;
                });
        DataCenterEntity dataCenter = estate.dataCenters.get(cluster.dataCenterId);
        JobEntity job = engine.startJob("Creating VM Template " + template.name + " in Data Center "
                + dataCenter.name, call.correlationId());
        engine.schedule(engine.timing().templateCreation(), TEMPLATE_CREATED, template.id,
                Map.of("job", job.id, "vm", vm.id, "vmName", vm.name));
        return template;
    }

    /** The template's NICs are new ones with the VM's names and profiles. */
    private void copyNics(VmEntity vm, TemplateEntity template) {
        for (NicEntity vmNic : vm.nics) {
            template.nics.add(DeviceCopies.nic(engine, vmNic));
        }
    }

    /** The template's disks are locked copies of the VM's, on the requested domain or where the VM's are. */
    private void copyDisks(VmEntity vm, TemplateEntity template, String storageDomainId) {
        for (String vmDiskId : vm.diskIds) {
            DiskEntity source = estate.disks.get(vmDiskId);
            String domainId = storageDomainId != null ? storageDomainId : source.storageDomainId;
            template.diskIds.add(DeviceCopies.lockedDisk(engine, source, source.alias, domainId).id);
        }
    }

    /** By id, or by name within the data center of the requested cluster, as the REST layer looks it up. */
    private VmEntity resolveVm(Ref ref, ClusterEntity cluster) {
        Optional<VmEntity> vm = ref.id() != null
                ? vms.vm(ref.id())
                : estate.vms.values().stream()
                        .filter(v -> v.name.equals(ref.name()))
                        .filter(v -> cluster == null
                                || estate.clusters.get(v.clusterId).dataCenterId.equals(cluster.dataCenterId))
                        .findFirst();
        return vm.orElseThrow(() -> EngineFault.entityNotFound(ref.id() != null ? ref.id() : ref.name()));
    }

    private boolean nameUsedInDataCenter(String name, String dataCenterId) {
        return estate.templates.values().stream().anyMatch(t -> t.name.equals(name) && !t.isBlank()
                && estate.clusters.containsKey(t.clusterId)
                && estate.clusters.get(t.clusterId).dataCenterId.equals(dataCenterId));
    }

    /** The target of the copied disks must be an active data domain of the VM's data center. */
    private void checkTargetDomain(String storageDomainId, String dataCenterId) {
        StorageDomainEntity domain = estate.storageDomains.get(storageDomainId);
        if (domain == null) {
            throw EngineFault.badRequest(EngineMessages.storageDomainNotExist(ADD, TYPE));
        }
        if (!dataCenterId.equals(domain.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.storageDomainNotInDataCenter(ADD, TYPE));
        }
        if (!"active".equals(domain.status)) {
            throw EngineFault.conflict(EngineMessages.storageDomainInaccessible(ADD, TYPE));
        }
        if (!"data".equals(domain.type)) {
            throw EngineFault.badRequest(EngineMessages.storageDomainTypeIllegal(ADD, TYPE));
        }
    }

    private void clonePermissions(VmEntity vm, TemplateEntity template) {
        List<PermissionEntity> onVm = estate.permissions.values().stream()
                .filter(p -> "vm".equals(p.objectType) && vm.id.equals(p.objectId)).toList();
        for (PermissionEntity source : onVm) {
            PermissionEntity copy = new PermissionEntity();
            copy.id = engine.newId();
            copy.roleId = source.roleId;
            copy.userId = source.userId;
            copy.groupId = source.groupId;
            copy.objectType = "template";
            copy.objectId = template.id;
            estate.permissions.put(copy.id, copy);
        }
    }

    private void created(PendingChange change) {
        TemplateEntity template = estate.templates.get(change.entityId);
        if (template != null) {
            template.status = "ok";
            disks(template).forEach(d -> d.status = "ok");
        }
        VmEntity vm = estate.vms.get(change.args.get("vm"));
        if (vm != null && "image_locked".equals(vm.status)) {
            vm.status = "down";
        }
        if (template != null) {
            engine.event(51, "normal", "Creation of Template " + template.name + " from VM "
                    + change.args.get("vmName") + " has been completed.", null, e -> {
                        e.templateId = template.id;
                        e.vmId = vm == null ? null : vm.id;
                    });
        }
        engine.endJob(change.args.get("job"), template != null);
    }

    public void remove(Call call, String templateId) {
        TemplateEntity template = require(templateId);
        if (template.isBlank()) {
            throw EngineFault.conflict(EngineMessages.cannotRemoveBlankTemplate(REMOVE, TYPE));
        }
        if ("locked".equals(template.status)) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        List<String> users = estate.vms.values().stream().filter(vm -> templateId.equals(vm.templateId))
                .map(vm -> vm.name).toList();
        if (!users.isEmpty()) {
            throw EngineFault.conflict(EngineMessages.templateUsedByVms(users));
        }
        if (template.baseTemplateId == null) {
            promoteSuccessor(template);
        }
        template.status = "locked";
        engine.event(50, "normal", "Removal of Template " + template.name + " was initiated by "
                + call.userName() + ".", call.correlationId(), e -> e.templateId = template.id);
        ClusterEntity cluster = estate.clusters.get(template.clusterId);
        DataCenterEntity dataCenter = cluster == null ? null : estate.dataCenters.get(cluster.dataCenterId);
        JobEntity job = engine.startJob("Removing VM Template " + template.name + " from Data Center "
                + (dataCenter == null ? "" : dataCenter.name), call.correlationId());
        engine.schedule(engine.timing().vmRemoval(), TEMPLATE_REMOVED, template.id, Map.of("job", job.id));
    }

    /** Removing a base template makes its oldest remaining version the new base, as the engine does. */
    private void promoteSuccessor(TemplateEntity base) {
        List<TemplateEntity> versions = estate.templates.values().stream()
                .filter(t -> base.id.equals(t.baseTemplateId))
                .sorted(Comparator.comparingInt(t -> t.versionNumber)).toList();
        if (versions.isEmpty()) {
            return;
        }
        TemplateEntity successor = versions.get(0);
        successor.baseTemplateId = null;
        versions.stream().skip(1).forEach(t -> t.baseTemplateId = successor.id);
    }

    private void removed(PendingChange change) {
        TemplateEntity template = estate.templates.remove(change.entityId);
        if (template != null) {
            template.diskIds.forEach(estate.disks::remove);
            estate.permissions.values().removeIf(p -> "template".equals(p.objectType)
                    && template.id.equals(p.objectId));
            engine.event(251, "normal", "Removal of Template " + template.name + " has been completed.", null,
                    e -> e.templateId = template.id);
        }
        engine.endJob(change.args.get("job"), template != null);
    }
}
