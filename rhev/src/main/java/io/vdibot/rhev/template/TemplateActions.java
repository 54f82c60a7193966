package io.vdibot.rhev.template;

import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryMapper;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.task.CorrelationIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.DiskAttachmentBuilder;
import org.ovirt.engine.sdk4.builders.DiskBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.TemplateVersionBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.Template;

/**
 * The template operations the template handlers need, each safe to repeat: {@link EngineCalls} repeats a call
 * after a lost answer, and a resumed task repeats the step it died in.
 */
final class TemplateActions {

    /**
     * What to create. {@code clusterId}, {@code storageDomainId} and {@code baseTemplateId} are null for "as the
     * engine decides"; a base template id makes it a new version of that template, named {@code versionName}.
     */
    record NewTemplate(String name, String vmId, String clusterId, String storageDomainId, String baseTemplateId,
                       String versionName, boolean seal, boolean copyPermissions) {
    }

    /** @param reused the template existed already, created by the same task before a restart or a lost answer */
    record Created(TemplateInfo template, boolean reused) {
    }

    private final EngineCalls calls;
    private final EngineCalls once;
    private final InventoryQueries queries;

    TemplateActions(InventoryQueries queries) {
        this.queries = queries;
        this.calls = queries.calls();
        this.once = new EngineCalls(calls.connections(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                Sleeper.system());
    }

    /** Every version of the template {@code name} (the engine's search ignores case, so the name is re-checked). */
    List<TemplateInfo> named(String site, String name) {
        return queries.templates(site, "name=" + name).stream().filter(t -> name.equals(t.name())).toList();
    }

    /**
     * Returns the template this task created before, or creates it. All versions of a template share its name, so
     * "created before" means: that name and this task's mark.
     *
     * @param retryWhenLocked repeat the call while the engine answers "VM is locked"; pointless when the VM is
     *                        running, which the engine reports in the same words
     */
    Created createOrReuse(String site, NewTemplate spec, String taskCode, String correlationId,
            boolean retryWhenLocked) {
        return (retryWhenLocked ? calls : once).call(site, "create template " + spec.name(), connection -> {
            var templates = connection.systemService().templatesService();
            for (Template existing : templates.list().search("name=" + spec.name()).send().templates()) {
                TemplateInfo info = InventoryMapper.template(existing);
                if (spec.name().equals(info.name()) && CreatorComment.isCreatedBy(info.comment(), taskCode)) {
                    return new Created(info, true);
                }
            }
            TemplateBuilder template = new TemplateBuilder().name(spec.name())
                    .comment(CreatorComment.of(taskCode))
                    .vm(vm(connection, spec));
            if (spec.clusterId() != null) {
                template.cluster(new ClusterBuilder().id(spec.clusterId()));
            }
            if (spec.storageDomainId() != null) {
                template.storageDomain(new StorageDomainBuilder().id(spec.storageDomainId()));
            }
            if (spec.baseTemplateId() != null) {
                TemplateVersionBuilder version = new TemplateVersionBuilder()
                        .baseTemplate(new TemplateBuilder().id(spec.baseTemplateId()));
                if (spec.versionName() != null) {
                    version.versionName(spec.versionName());
                }
                template.version(version);
            }
            var add = templates.add().template(template).header(CorrelationIds.HEADER, correlationId);
            // Only sent when asked: the engine's defaults (no sealing, no copied permissions) apply otherwise.
            if (spec.seal()) {
                add.seal(true);
            }
            if (spec.copyPermissions()) {
                add.clonePermissions(true);
            }
            return new Created(InventoryMapper.template(add.send().template()), false);
        });
    }

    /**
     * The source VM. With a target storage domain, every disk is listed with that domain: the engine applies a
     * template-wide storage domain only to the disks it is told about.
     */
    private static VmBuilder vm(org.ovirt.engine.sdk4.Connection connection, NewTemplate spec) {
        VmBuilder vm = new VmBuilder().id(spec.vmId());
        if (spec.storageDomainId() == null) {
            return vm;
        }
        List<DiskAttachmentBuilder> disks = new ArrayList<>();
        for (DiskAttachment attachment : connection.systemService().vmsService().vmService(spec.vmId())
                .diskAttachmentsService().list().send().attachments()) {
            String diskId = attachment.disk() != null ? attachment.disk().id() : attachment.id();
            disks.add(new DiskAttachmentBuilder().disk(new DiskBuilder().id(diskId)
                    .storageDomains(new StorageDomainBuilder().id(spec.storageDomainId()))));
        }
        return disks.isEmpty() ? vm : vm.diskAttachments(disks.toArray(DiskAttachmentBuilder[]::new));
    }

    /** Copies the template to the export domain, replacing an older copy there ({@code exclusive}). */
    /** Asks the guest to shut down, as the engine's "Shutdown" does (ACPI or the guest agent). */
    void shutdown(String site, String vmId, String correlationId) {
        calls.run(site, "shut VM " + vmId + " down", connection -> connection.systemService().vmsService()
                .vmService(vmId).shutdown().header(CorrelationIds.HEADER, correlationId).send());
    }

    void export(String site, String templateId, String exportDomainId, String correlationId) {
        calls.run(site, "export template " + templateId, connection -> connection.systemService().templatesService()
                .templateService(templateId).export()
                .storageDomain(new StorageDomainBuilder().id(exportDomainId)).exclusive(true)
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    /** Whether the export domain holds the template; it shows its contents only while active in a data center. */
    boolean onDomain(String site, String exportDomainId, String templateId) {
        return calls.call(site, "list templates on storage domain " + exportDomainId, connection -> connection
                .systemService().storageDomainsService().storageDomainService(exportDomainId).templatesService()
                .list().send().templates().stream().anyMatch(t -> templateId.equals(t.id())));
    }

    /**
     * Imports the template from the export domain into a cluster and data domain. With {@code clone} the engine
     * gives it new ids, a base template of its own, and the name {@code name}; without, it keeps its ids and name.
     */
    void importFrom(String site, String exportDomainId, String templateId, String dataDomainId, String clusterId,
            boolean clone, String name, String correlationId) {
        calls.run(site, "import template " + templateId, connection -> {
            var request = connection.systemService().storageDomainsService().storageDomainService(exportDomainId)
                    .templatesService().templateService(templateId).import_()
                    .storageDomain(new StorageDomainBuilder().id(dataDomainId))
                    .cluster(new ClusterBuilder().id(clusterId))
                    .clone_(clone);
            if (clone) {
                request.template(new TemplateBuilder().name(name));
            }
            request.header(CorrelationIds.HEADER, correlationId).send();
        });
    }
}
