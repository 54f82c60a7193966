package io.vdibot.rhev.template;

import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.template.ExportDomainSearch.Finding;
import io.vdibot.rhev.template.ExportDomainSearch.Found;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a migration before it is accepted that go beyond names: the template version is there and OK, and
 * the export domain can be had — found somewhere, held by no other task, and releasable where it is. An approver
 * should never approve a migration that fails on these; the task's preflight asks them again, the same way.
 */
final class MigrationIntakeChecks {

    private final InventoryCache inventory;
    private final ResourceLeases leases;
    private final ExportDomainSearch search;
    private final ExportDomainChecks checks;

    MigrationIntakeChecks(InventoryCache inventory, ResourceLeases leases) {
        ExportDomains domains = new ExportDomains(inventory.queries());
        this.inventory = inventory;
        this.leases = leases;
        this.search = new ExportDomainSearch(domains, inventory);
        this.checks = new ExportDomainChecks(domains);
    }

    /**
     * The version asked for (or the latest) at the source, OK. A cached list that refuses is read once more after
     * a refresh: a version made or unlocked within the cache's lifetime must not be refused.
     */
    Optional<Violation> version(TemplateMigrateRequest request) {
        Optional<Violation> refusal = refusal(request);
        if (refusal.isEmpty()) {
            return refusal;
        }
        inventory.refresh(request.fromSite());
        return refusal(request);
    }

    /**
     * Where the export domain is, asked of the engines themselves (it moves between sites, and a cached answer could
     * accept a migration its preflight then refuses): found, and releasable where it is. A domain another task holds
     * is not refused: that task is moving it, so where it is now says nothing, and this one waits its turn.
     */
    Optional<Violation> exportDomain(TemplateMigrateRequest request) {
        String from = request.fromSite();
        Optional<ClusterInfo> cluster = MigratedVersion.pick(versions(request), request.version())
                .map(TemplateInfo::clusterId).flatMap(id -> inventory.clusterById(from, id));
        if (cluster.isEmpty()) {
            return Optional.empty(); // preflight names a template in no cluster
        }
        String dataCenterId = cluster.get().dataCenterId();
        String dataCenterName = cluster.get().dataCenterName() != null ? cluster.get().dataCenterName()
                : dataCenterId;
        Finding finding = search.find(from, dataCenterId, request.toSite());
        if (!(finding instanceof Found found)) {
            return Optional.of(checks.notFound(finding, from, dataCenterName));
        }
        if (leases.holder(found.domain().leaseKey()).isPresent()) {
            return Optional.empty();
        }
        return checks.cannotBring(found, from, dataCenterName);
    }

    private Optional<Violation> refusal(TemplateMigrateRequest request) {
        List<TemplateInfo> versions = versions(request);
        return versions.isEmpty() ? Optional.empty()
                : MigratedVersion.refusal(request.name(), request.version(), request.fromSite(), versions);
    }

    private List<TemplateInfo> versions(TemplateMigrateRequest request) {
        return inventory.templateVersions(request.fromSite(), request.name());
    }
}
