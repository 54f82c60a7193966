package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.StorageDomainInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * The target side of a migration's preflight: the cluster, an active data domain in its data center, a name no
 * template there has, and no export domain in that data center other than the one travelling.
 */
final class MigrationTargetCheck {

    /** What the target site settled: where the template lands and under which name. */
    record TargetSide(ClusterInfo cluster, String dataCenterId, String dataCenterName, StorageDomainInfo storage,
                      String name) {
    }

    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final ExportDomains domains;

    MigrationTargetCheck(TemplateMigrateRequest request, Messages messages, InventoryCache inventory,
            TemplateActions templates, ExportDomains domains) {
        this.request = request;
        this.messages = messages;
        this.inventory = inventory;
        this.templates = templates;
        this.domains = domains;
    }

    /** @param templateName the name of the travelling template; @param travellingId the export domain's id */
    TargetSide check(String templateName, String travellingId) {
        String to = request.toSite();
        ClusterInfo cluster = inventory.cluster(to, request.cluster())
                .orElseThrow(() -> fail("template.migrate.cluster-not-found", request.cluster(), to));
        String targetDc = cluster.dataCenterId();
        String targetDcName = cluster.dataCenterName() != null ? cluster.dataCenterName() : targetDc;
        StorageDomainInfo storage = inventory.storageDomain(to, request.storage())
                .orElseThrow(() -> fail("template.migrate.storage-not-found", request.storage(), to));
        if (!"data".equals(storage.type())) {
            throw fail("template.migrate.storage-not-data", storage.name(), to, storage.type());
        }
        if (!storage.dataCenterIds().contains(targetDc)) {
            throw fail("template.migrate.storage-not-in-datacenter", storage.name(), targetDcName, cluster.name(),
                    to);
        }
        String storageStatus = domains.statusIn(to, targetDc, storage.id()).orElse("unattached");
        if (!"active".equals(storageStatus)) {
            throw fail("template.migrate.storage-not-active", storage.name(), targetDcName, to,
                    EngineTerm.STORAGE_STATUS.of(storageStatus));
        }
        String targetName = request.targetName() != null ? request.targetName() : templateName;
        boolean nameTaken = templates.named(to, targetName).stream()
                .anyMatch(t -> inDataCenter(inventory, to, t, targetDc));
        if (nameTaken) {
            throw fail("template.migrate.name-taken", targetName, targetDcName, to);
        }
        Optional<ExportDomains.Attached> otherExport = domains.exportDomainsIn(to, targetDc).stream()
                .filter(a -> !a.domain().id().equals(travellingId)).findFirst();
        if (otherExport.isPresent()) {
            throw fail("template.migrate.target-has-export-domain", targetDcName, to,
                    otherExport.get().domain().name());
        }
        return new TargetSide(cluster, targetDc, targetDcName, storage, targetName);
    }

    /** Templates are scoped by their cluster's data center: names are unique per data center. */
    static boolean inDataCenter(InventoryCache inventory, String site, TemplateInfo template, String dataCenterId) {
        return template.clusterId() != null && inventory.clusterById(site, template.clusterId())
                .map(c -> Objects.equals(dataCenterId, c.dataCenterId())).orElse(false);
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
