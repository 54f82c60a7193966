package io.vdibot.rhev.simulator.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import io.vdibot.rhev.simulator.model.VnicProfileEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Templates through an export domain: ExportVmTemplate copies a template's disks to the export domain
 * and writes its OVF into the domain's metadata on the shared NFS server; ImportVmTemplate reads that
 * OVF on whichever engine has the domain attached and active, and creates the template there, locked
 * until its disks are copied to a data domain.
 */
public final class ExportImportOperations {

    /**
     * What a client asked for in {@code POST /storagedomains/{sd}/templates/{id}/import}; {@code asNewEntity}
     * is the action's {@code clone} (ImportAsNewEntity in the engine), {@code newName} its template name.
     */
    public record ImportRequest(Ref destination, Ref cluster, boolean asNewEntity, String newName) {
    }

    static final String EXPORTED = "template.exported";
    static final String IMPORTED = "template.imported";
    /** The pending-change argument naming the export domain a copy works on. */
    static final String DOMAIN_ARG = "domain";
    private static final String TYPE = "Template";
    private static final ObjectMapper OVF = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;

    public ExportImportOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        engine.onDue(EXPORTED, this::exported);
        engine.onDue(IMPORTED, this::imported);
    }

    /** The engine command a pending change of {@code kind} belongs to, or null when it is no copy. */
    static String commandName(String kind) {
        return switch (kind) {
            case EXPORTED -> "ExportVmTemplate";
            case IMPORTED -> "ImportVmTemplate";
            default -> null;
        };
    }

    public JobEntity export(Call call, String templateId, Ref domainRef, boolean exclusive) {
        String action = "export";
        TemplateEntity template = estate.templates.get(templateId);
        if (template == null) {
            throw EngineFault.notFound();
        }
        StorageDomainEntity domain = resolveDomain(domainRef, () -> EngineFault.badRequest(
                EngineMessages.storageDomainNotExist(action, TYPE)));
        if (beingExported(template.id)) {
            throw EngineFault.conflict(EngineMessages.templateBeingExported(action, TYPE, template.name));
        }
        DomainStatuses.requireActive(domain, action, TYPE);
        if (!domain.isExport()) {
            throw EngineFault.badRequest(EngineMessages.notExportDomain(action, TYPE, domain.name));
        }
        if ("locked".equals(template.status) || disks(template).stream().anyMatch(d -> "locked".equals(d.status))) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        if (!Objects.equals(dataCenterOf(template), domain.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.storagePoolNotMatch(action, TYPE));
        }
        if (!exclusive && shared.holdsTemplate(domain, template.id)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, TYPE));
        }
        JobEntity job = engine.startJob("Exporting VM Template " + template.name + " To Export Domain " + domain.name,
                call.correlationId());
        disks(template).forEach(d -> d.status = "locked");
        engine.event(1164, "normal", "Starting to export Template " + template.name + " to " + domain.name,
                call.correlationId(), e -> {
                    e.templateId = template.id;
                    e.storageDomainId = domain.id;
                });
        engine.schedule(engine.timing().templateExport(), EXPORTED, template.id, args(call, job, domain,
                Map.of("template", template.name, "domainName", domain.name)));
        return job;
    }

    /** The end of the copy: the OVF lands in the domain's metadata, unless the copy failed. */
    private void exported(PendingChange change) {
        TemplateEntity template = estate.templates.get(change.entityId);
        StorageDomainEntity domain = estate.storageDomains.get(change.args.get(DOMAIN_ARG));
        if (template != null) {
            disks(template).forEach(d -> d.status = "ok");
        }
        if (template == null || domain == null || engine.faults().exportFails()) {
            engine.event(1157, "error", EngineMessages.exportFailed(change.args.get("template"),
                    change.args.get("domainName")), change.args.get("correlation"), e -> {
                        e.templateId = change.entityId;
                        e.storageDomainId = change.args.get(DOMAIN_ARG);
                    });
            engine.endJob(change.args.get("job"), false);
            return;
        }
        SharedStorage.ExportedTemplate exported = new SharedStorage.ExportedTemplate();
        exported.template = copy(template);
        exported.diskSizes = new ArrayList<>();
        for (DiskEntity disk : disks(template)) {
            exported.diskSizes.add(disk.provisionedSize);
            exported.diskActualSizes.add(disk.actualSize);
        }
        for (NicEntity nic : template.nics) {
            VnicProfileEntity profile = nic.vnicProfileId == null ? null : estate.vnicProfiles.get(nic.vnicProfileId);
            exported.nicProfileNames.add(profile == null ? null : profile.name);
        }
        exported.exportedFromSite = engine.siteName();
        shared.storeTemplate(domain, exported);
        engine.event(1156, "normal", "Template " + template.name + " was exported successfully to " + domain.name,
                change.args.get("correlation"), e -> {
                    e.templateId = template.id;
                    e.storageDomainId = domain.id;
                });
        engine.endJob(change.args.get("job"), true);
    }

    /**
     * What {@code /storagedomains/{sd}/templates} lists: for an export domain the OVFs it holds, which
     * the engine reads through its data center and so shows only while the domain is active in one;
     * for a data domain the templates with disks on it.
     */
    public List<TemplateEntity> templatesOn(String domainId) {
        StorageDomainEntity domain = estate.storageDomains.get(domainId);
        if (domain == null) {
            throw EngineFault.notFound();
        }
        if (!domain.isExport()) {
            return estate.templates.values().stream()
                    .filter(t -> disks(t).stream().anyMatch(d -> domain.id.equals(d.storageDomainId))).toList();
        }
        if (!DomainStatuses.ACTIVE.equals(DomainStatuses.of(domain))) {
            return List.of();
        }
        return shared.templates(domain).stream().map(e -> e.template).toList();
    }

    public TemplateEntity templateOn(String domainId, String templateId) {
        return templatesOn(domainId).stream().filter(t -> t.id.equals(templateId)).findFirst()
                .orElseThrow(EngineFault::notFound);
    }

    public JobEntity importTemplate(Call call, String sourceDomainId, String templateId, ImportRequest request) {
        String action = "import";
        StorageDomainEntity source = estate.storageDomains.get(sourceDomainId);
        if (source == null) {
            throw EngineFault.notFound();
        }
        StorageDomainEntity destination = resolveDomain(request.destination(),
                () -> EngineFault.entityNotFound(request.destination().describe("StorageDomain")));
        ClusterEntity cluster = resolveCluster(request.cluster());
        SharedStorage.ExportedTemplate exported = exportedOn(source, templateId, action);
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
        TemplateEntity template = copy(exported.template);
        boolean keepDiskIds = !request.asNewEntity();
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
        engine.schedule(engine.timing().templateImport(), IMPORTED, template.id, args(call, job, source,
                Map.of("template", template.name)));
        return job;
    }

    private void imported(PendingChange change) {
        TemplateEntity template = estate.templates.get(change.entityId);
        if (template == null) {
            engine.endJob(change.args.get("job"), false);
            return;
        }
        template.status = "ok";
        disks(template).forEach(d -> d.status = "ok");
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
                .anyMatch(t -> t.name.equals(name) && dataCenterId.equals(dataCenterOf(t)));
    }

    private boolean beingExported(String templateId) {
        return estate.pending.stream().anyMatch(c -> EXPORTED.equals(c.kind) && templateId.equals(c.entityId));
    }

    private StorageDomainEntity resolveDomain(Ref ref, Supplier<EngineFault> unknownId) {
        if (ref.id() != null) {
            StorageDomainEntity domain = estate.storageDomains.get(ref.id());
            if (domain == null) {
                throw unknownId.get();
            }
            return domain;
        }
        return estate.storageDomains.values().stream().filter(d -> d.name.equals(ref.name())).findFirst()
                .orElseThrow(() -> EngineFault.entityNotFound(ref.describe("StorageDomain")));
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

    private String dataCenterOf(TemplateEntity template) {
        ClusterEntity cluster = template.clusterId == null ? null : estate.clusters.get(template.clusterId);
        return cluster == null ? null : cluster.dataCenterId;
    }

    private List<DiskEntity> disks(TemplateEntity template) {
        return template.diskIds.stream().map(estate.disks::get).filter(Objects::nonNull).toList();
    }

    /** An OVF is a full, independent description of the template: a deep copy, never shared state. */
    private static TemplateEntity copy(TemplateEntity template) {
        return OVF.convertValue(template, TemplateEntity.class);
    }

    private static Map<String, String> args(Call call, JobEntity job, StorageDomainEntity domain,
            Map<String, String> extra) {
        Map<String, String> args = call.jobArgs(job);
        args.putAll(extra);
        args.put(DOMAIN_ARG, domain.id);
        return args;
    }
}
