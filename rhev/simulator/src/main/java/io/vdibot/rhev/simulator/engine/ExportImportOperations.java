package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
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

/**
 * Templates through an export domain: ExportVmTemplate copies a template's disks to the export domain
 * and writes its OVF into the domain's metadata on the shared NFS server; ImportVmTemplate
 * ({@link TemplateImport}) reads that OVF on whichever engine has the domain attached and active.
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

    private final Engine engine;
    private final Estate estate;
    private final SharedStorage shared;
    private final TemplateCopies copies;
    private final TemplateImport imports;
    private final VmExportImport vmCopies;

    public ExportImportOperations(Engine engine) {
        this.engine = engine;
        this.estate = engine.estate();
        this.shared = engine.sharedStorage();
        this.copies = new TemplateCopies(estate);
        this.imports = new TemplateImport(engine, copies);
        this.vmCopies = new VmExportImport(engine, copies);
        engine.onDue(EXPORTED, this::exported);
    }

    /** The engine command a pending change of {@code kind} belongs to, or null when it is no copy. */
    static String commandName(String kind) {
        return switch (kind) {
            case EXPORTED -> "ExportVmTemplate";
            case IMPORTED -> "ImportVmTemplate";
            case VmExportImport.VM_EXPORTED -> "ExportVm";
            case VmExportImport.VM_IMPORTED -> "ImportVm";
            default -> null;
        };
    }

    public JobEntity export(Call call, String templateId, Ref domainRef, boolean exclusive) {
        String action = "export";
        TemplateEntity template = estate.templates.get(templateId);
        if (template == null) {
            throw EngineFault.notFound();
        }
        StorageDomainEntity domain = copies.resolveDomain(domainRef, () -> EngineFault.badRequest(
                EngineMessages.storageDomainNotExist(action, TYPE)));
        if (beingExported(template.id)) {
            throw EngineFault.conflict(EngineMessages.templateBeingExported(action, TYPE, template.name));
        }
        DomainStatuses.requireActive(domain, action, TYPE);
        if (!domain.isExport()) {
            throw EngineFault.badRequest(EngineMessages.notExportDomain(action, TYPE, domain.name));
        }
        if ("locked".equals(template.status)
                || copies.disks(template).stream().anyMatch(d -> "locked".equals(d.status))) {
            throw EngineFault.conflict(EngineMessages.templateImageLocked());
        }
        if (!Objects.equals(copies.dataCenterOf(template), domain.dataCenterId)) {
            throw EngineFault.conflict(EngineMessages.storagePoolNotMatch(action, TYPE));
        }
        if (!exclusive && shared.holdsTemplate(domain, template.id)) {
            throw EngineFault.conflict(EngineMessages.nameAlreadyUsed(action, TYPE));
        }
        JobEntity job = engine.startJob("Exporting VM Template " + template.name + " To Export Domain " + domain.name,
                call.correlationId());
        copies.disks(template).forEach(d -> d.status = "locked");
        engine.event(1164, "normal", "Starting to export Template " + template.name + " to " + domain.name,
                call.correlationId(), e -> {
                    e.templateId = template.id;
                    e.storageDomainId = domain.id;
                });
        engine.schedule(engine.timing().templateExport(), EXPORTED, template.id,
                TemplateCopies.args(call, job, domain, Map.of("template", template.name, "domainName", domain.name)));
        return job;
    }

    /** The end of the copy: the OVF lands in the domain's metadata, unless the copy failed. */
    private void exported(PendingChange change) {
        TemplateEntity template = estate.templates.get(change.entityId);
        StorageDomainEntity domain = estate.storageDomains.get(change.args.get(DOMAIN_ARG));
        if (template != null) {
            copies.disks(template).forEach(d -> d.status = "ok");
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
        exported.template = TemplateCopies.copy(template);
        exported.diskSizes = new ArrayList<>();
        for (DiskEntity disk : copies.disks(template)) {
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

    public JobEntity exportVm(Call call, String vmId, Ref domain, boolean exclusive) {
        return vmCopies.export(call, vmId, domain, exclusive);
    }

    public JobEntity importVm(Call call, String sourceDomainId, String vmId, ImportRequest request) {
        return vmCopies.importVm(call, sourceDomainId, vmId, request.destination(), request.cluster(),
                request.asNewEntity(), request.newName());
    }

    /** The VMs an export domain holds as OVFs (none while it is not active here); on a data domain those with disks there. */
    public List<VmEntity> vmsOn(String domainId) {
        StorageDomainEntity domain = estate.storageDomains.get(domainId);
        if (domain == null) {
            throw EngineFault.notFound();
        }
        if (!domain.isExport()) {
            return estate.vms.values().stream().filter(vm -> vm.diskIds.stream().map(estate.disks::get)
                    .anyMatch(d -> d != null && domain.id.equals(d.storageDomainId))).toList();
        }
        return vmCopies.vmsOn(domain).stream().map(e -> e.vm).toList();
    }

    public JobEntity importTemplate(Call call, String sourceDomainId, String templateId, ImportRequest request) {
        return imports.importTemplate(call, sourceDomainId, templateId, request);
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
                    .filter(t -> copies.disks(t).stream().anyMatch(d -> domain.id.equals(d.storageDomainId))).toList();
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

    private boolean beingExported(String templateId) {
        return estate.pending.stream().anyMatch(c -> EXPORTED.equals(c.kind) && templateId.equals(c.entityId));
    }
}
