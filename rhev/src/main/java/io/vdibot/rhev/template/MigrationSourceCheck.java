package io.vdibot.rhev.template;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.handler.ResourceBusy;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.template.ExportDomainSearch.Away;
import io.vdibot.rhev.template.ExportDomainSearch.Finding;
import io.vdibot.rhev.template.ExportDomainSearch.Found;
import java.util.List;
import java.util.Optional;

/**
 * The source side of a migration's preflight: the template version that travels, OK at the source; its data
 * center; and the export domain it travels on, found wherever it is, leased to this task, and — when it is not
 * active in that data center — where it is to be brought from.
 */
final class MigrationSourceCheck {

    /**
     * What the source site settled.
     *
     * @param origin where the export domain is brought from first, null when it is active in the data center
     */
    record SourceSide(List<TemplateInfo> versions, TemplateInfo template, String dataCenterId,
                      String dataCenterName, ExportDomain domain, DomainOrigin origin) {
    }

    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final ExportDomainSearch search;
    private final ExportDomainChecks checks;
    private final ExportDomainLease lease;

    MigrationSourceCheck(TemplateMigrateRequest request, Messages messages, InventoryCache inventory,
            TemplateActions templates, ExportDomains domains, ExportDomainLease lease) {
        this.request = request;
        this.messages = messages;
        this.inventory = inventory;
        this.templates = templates;
        this.search = new ExportDomainSearch(domains, inventory);
        this.checks = new ExportDomainChecks(domains);
        this.lease = lease;
    }

    SourceSide check() {
        String from = request.fromSite();
        List<TemplateInfo> versions = templates.named(from, request.name());
        if (versions.isEmpty()) {
            throw fail("template.migrate.template-not-found", request.name(), from);
        }
        refuse(MigratedVersion.refusal(request.name(), request.version(), from, versions));
        TemplateInfo template = MigratedVersion.pick(versions, request.version()).orElseThrow();
        ClusterInfo cluster = Optional.ofNullable(template.clusterId())
                .flatMap(id -> inventory.clusterById(from, id))
                .orElseThrow(() -> fail("template.migrate.template-without-cluster", template.name(), from));
        String dataCenterId = cluster.dataCenterId();
        String dataCenterName = cluster.dataCenterName() != null ? cluster.dataCenterName() : dataCenterId;

        Finding finding = search.find(from, dataCenterId, request.toSite());
        if (!(finding instanceof Found found)) {
            throw refused(checks.notFound(finding, from, dataCenterName));
        }
        ExportDomain domain = found.domain();
        String note = messages.format("template.migrate.lease-note", template.name(), from, request.toSite());
        if (!lease.acquire(domain, note)) {
            // another migration has it: this task waits (WAITING) and starts over when the lease is free
            throw new ResourceBusy(domain.leaseKey(), lease.otherHolder(domain).orElse(null),
                    messages.format("template.migrate.lease-what", domain.name(), domain.location()));
        }
        refuse(checks.cannotBring(found, from, dataCenterName));
        DomainOrigin origin = found instanceof Away away ? away.origin() : null;
        return new SourceSide(versions, template, dataCenterId, dataCenterName, domain, origin);
    }

    private void refuse(Optional<Violation> refusal) {
        if (refusal.isPresent()) {
            throw refused(refusal.get());
        }
    }

    private TaskFailure refused(Violation violation) {
        return new TaskFailure(messages.format(violation), null);
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
