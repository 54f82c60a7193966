package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DataCenterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.NetworkEntity;
import io.vdibot.rhev.simulator.model.NicEntity;
import io.vdibot.rhev.simulator.model.PendingChange;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ImportVmTemplate: reads a template's OVF on whichever engine has the export domain attached and
 * active, and creates the template there, locked until its disks are copied to a data domain.
 */
final class TemplateImport {

    private static final String TYPE = "Template";

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;
    private final TemplateCopies copies;

    TemplateImport(Engine engine, TemplateCopies copies) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        this.copies = copies;
        engine.onDue(ExportImportOperations.IMPORTED, this::imported);
    }

    JobEntity importTemplate(Call call, String sourceDomainId, String templateId,
            ExportImportOperations.ImportRequest request) {
        String action = "import";
        StorageDomainEntity source = estate.storageDomains.get(sourceDomainId);
        if (source == null) {
            throw EngineFault.notFound();
        }
        StorageDomainEntity destination = copies.resolveDomain(request.destination(),
                () -> EngineFault.entityNotFound(request.destination().describe("StorageDomain")));
        ClusterEntity cluster = resolveCluster(request.cluster());
        SharedStorage.ExportedTemplate exported = exportedOn(source, templateId, action);
        checkDestination(source, destination, cluster, action);
        TemplateEntity template = templateToImport(exported, request, destination, action);
        boolean keepDiskIds = !request.asNewEntity();
        DataCenterEntity dc = estate.dataCenters.get(destination.dataCenterId);
        template.clusterId = cluster.id;
        template.sourceVmId = null;
        template.status = "locked";
        template.diskIds = copyDisks(exported, template, destination, keepDiskIds);
        template.nics = copyNics(exported, template, dc, keepDiskIds);
        estate.templates.put(template.id, template);
        JobEntity job = engine.startJob("Importing VM Template " + template.name + " to Data Center " + dc.name,
                call.correlationId());
        engine.event(1163, "normal", "Starting to import Template " + template.name + " to Data Center " + dc.name
                + ", Cluster " + cluster.name, call.correlationId(), e -> {
                    e.templateId = template.id;
                    e.dataCenterId = dc.id;
                    e.clusterId = cluster.id;
                });
        engine.schedule(engine.timing().templateImport(), ExportImportOperations.IMPORTED, template.id,
                TemplateCopies.args(call, job, source, Map.of("template", template.name)));
        return job;
    }

    /** The destination must be an active data domain in the data center of both the source and the cluster. */
    private void checkDestination(StorageDomainEntity source, StorageDomainEntity destination, ClusterEntity cluster,
            String action) {
        if (cluster == null) {
            throw EngineFault.badRequest(EngineMessages.clusterCanNotBeEmpty(action, TYPE));
        }
        if (destination.dataCenterId == null || !destination.dataCenterId.equals(cluster.dataCenterId)) {
            throw EngineFault.badRequest(EngineMessages.clusterNotValid(action, TYPE));
        }
        if (!destination.dataCenterId.equals(source.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.storageDomainNotInDataCenter(action, TYPE));
        }
        DomainStatuses.requireActive(destination, action, TYPE);
        if (destination.isExport()) {
            throw EngineFault.badRequest(EngineMessages.storageDomainTypeIllegal(action, TYPE));
        }
    }

    /**
     * The template the OVF describes, as it will be added: under new ids when imported as a new entity,
     * refused when its id, name or missing base template clashes with what the data center has.
     */
    private TemplateEntity templateToImport(SharedStorage.ExportedTemplate exported,
            ExportImportOperations.ImportRequest request, StorageDomainEntity destination, String action) {
        TemplateEntity template = TemplateCopies.copy(exported.template);
        if (request.asNewEntity()) {
            // ImportAsNewEntity: new ids, and a version comes in as a base template of its own.
            template.id = engine.newId();
            if (request.newName() != null) {
                NameRules.checkTemplateName(request.newName(), action);
                template.name = request.newName();
            }
            template.baseTemplateId = null;
            template.versionNumber = 1;
            template.versionName = "base version";
        }
        Optional<String> sameId = Optional.ofNullable(estate.templates.get(template.id)).map(t -> t.name)
                .or(() -> Optional.ofNullable(estate.vms.get(template.id)).map((VmEntity vm) -> vm.name));
        if (sameId.isPresent()) {
            throw EngineFault.conflict(EngineMessages.importTemplateExists(action, TYPE, sameId.get()));
        }
        if (template.baseTemplateId == null && templateNameUsed(template.name, destination.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.importTemplateNameExists());
        }
        if (template.baseTemplateId != null && !estate.templates.containsKey(template.baseTemplateId)) {
            throw EngineFault.badRequest(EngineMessages.importVersionWithoutBase());
        }
        return template;
    }

    private void imported(PendingChange change) {
        TemplateEntity template = estate.templates.get(change.entityId);
        if (template == null) {
            engine.endJob(change.args.get("job"), false);
            return;
        }
        template.status = "ok";
        copies.disks(template).forEach(d -> d.status = "ok");
        ClusterEntity cluster = estate.clusters.get(template.clusterId);
        DataCenterEntity dc = estate.dataCenters.get(cluster.dataCenterId);
        engine.event(1158, "normal", "Template " + template.name + " was imported successfully to Data Center "
                + dc.name + ", Cluster " + cluster.name, change.args.get("correlation"), e -> {
                    e.templateId = template.id;
                    e.dataCenterId = dc.id;
                    e.clusterId = cluster.id;
                });
        engine.endJob(change.args.get("job"), true);
    }

    /** The OVF an import reads: only export domains hold them, and only an active one can be read. */
    private SharedStorage.ExportedTemplate exportedOn(StorageDomainEntity source, String templateId, String action) {
        if (!source.isExport()) {
            throw EngineFault.badRequest(EngineMessages.storageDomainTypeIllegal(action, TYPE));
        }
        DomainStatuses.requireActive(source, action, TYPE);
        return shared.template(source, templateId).orElseThrow(EngineFault::notFound);
    }

    private List<String> copyDisks(SharedStorage.ExportedTemplate exported, TemplateEntity template,
            StorageDomainEntity destination, boolean keepIds) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < exported.diskSizes.size(); i++) {
            DiskEntity disk = new DiskEntity();
            disk.id = keepIds && i < exported.template.diskIds.size() ? exported.template.diskIds.get(i)
                    : engine.newId();
            disk.alias = template.name + "_Disk" + (i + 1);
            disk.provisionedSize = exported.diskSizes.get(i);
            disk.actualSize = i < exported.diskActualSizes.size() ? exported.diskActualSizes.get(i)
                    : disk.provisionedSize;
            disk.storageDomainId = destination.id;
            disk.bootable = i == 0;
            disk.status = "locked";
            estate.disks.put(disk.id, disk);
            ids.add(disk.id);
        }
        return ids;
    }

    /** NICs keep their names; each joins the vNIC profile of the same name in the importing data center. */
    private List<NicEntity> copyNics(SharedStorage.ExportedTemplate exported, TemplateEntity template,
            DataCenterEntity dc, boolean keepIds) {
        List<NicEntity> nics = new ArrayList<>();
        for (int i = 0; i < template.nics.size(); i++) {
            NicEntity source = template.nics.get(i);
            NicEntity nic = new NicEntity();
            nic.id = keepIds ? source.id : engine.newId();
            nic.name = source.name;
            nic.interfaceType = source.interfaceType;
            String profileName = i < exported.nicProfileNames.size() ? exported.nicProfileNames.get(i) : null;
            nic.vnicProfileId = profileName == null ? null : profileInDataCenter(profileName, dc.id);
            nics.add(nic);
        }
        return nics;
    }

    private String profileInDataCenter(String profileName, String dataCenterId) {
        return estate.vnicProfiles.values().stream()
                .filter(p -> p.name.equals(profileName))
                .filter(p -> {
                    NetworkEntity network = estate.networks.get(p.networkId);
                    return network != null && dataCenterId.equals(network.dataCenterId);
                })
                .map(p -> p.id).findFirst().orElse(null);
    }

    private boolean templateNameUsed(String name, String dataCenterId) {
        return estate.templates.values().stream()
                .anyMatch(t -> t.name.equals(name) && dataCenterId.equals(copies.dataCenterOf(t)));
    }

    /** By name it must exist; an unknown id reaches the backend, which finds no cluster. */
    private ClusterEntity resolveCluster(Ref ref) {
        if (ref == null || !ref.isPresent()) {
            return null;
        }
        if (ref.id() != null) {
            return estate.clusters.get(ref.id());
        }
        return estate.clusters.values().stream().filter(c -> c.name.equals(ref.name())).findFirst()
                .orElseThrow(() -> EngineFault.entityNotFound(ref.describe("Cluster")));
    }
}
