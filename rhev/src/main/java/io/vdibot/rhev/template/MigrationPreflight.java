package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.StorageDomainInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.task.EngineTexts;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a migration can know before touching either site: both engines answer; the template is OK at the
 * source; an active NFS export domain is attached to its data center (and no other task holds it — the lease is
 * taken here); the cluster and data domain exist at the target; the name is free there; each side has a host up.
 */
final class MigrationPreflight {

    private final TaskContext context;
    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final ExportDomains domains;
    private final DomainWhereabouts whereabouts;
    private final ExportDomainLease lease;
    private final boolean moveBackDefault;

    MigrationPreflight(TemplateMigrateRequest request, TaskContext context, InventoryCache inventory, TemplateActions templates,
            ExportDomains domains, DomainWhereabouts whereabouts, ExportDomainLease lease, boolean moveBackDefault) {
        this.context = context;
        this.request = request;
        this.messages = context.messages();
        this.inventory = inventory;
        this.templates = templates;
        this.domains = domains;
        this.whereabouts = whereabouts;
        this.lease = lease;
        this.moveBackDefault = moveBackDefault;
    }

    MigrationPlan run() {
        String from = request.fromSite();
        String to = request.toSite();
        for (String site : List.of(from, to)) {
            if (!inventory.sites().contains(site)) {
                throw fail("template.migrate.site-unknown", site, String.join(", ", inventory.sites()));
            }
        }
        for (String site : List.of(from, to)) {
            try {
                inventory.queries().calls().call(site, "check the engine",
                        connection -> connection.systemService().get().send().api());
            } catch (EngineException e) {
                throw fail("template.migrate.site-down", site, EngineTexts.explain(messages, e));
            }
            inventory.refresh(site);
        }

        // the source: the latest version of the template, and the export domain of its data center
        List<TemplateInfo> versions = templates.named(from, request.name());
        TemplateInfo template = versions.stream().max(Comparator.comparingInt(TemplateInfo::version))
                .orElseThrow(() -> fail("template.migrate.template-not-found", request.name(), from));
        ClusterInfo sourceCluster = Optional.ofNullable(template.clusterId())
                .flatMap(id -> inventory.clusterById(from, id))
                .orElseThrow(() -> fail("template.migrate.template-without-cluster", template.name(), from));
        String sourceDc = sourceCluster.dataCenterId();
        String sourceDcName = nameOr(sourceCluster.dataCenterName(), sourceDc);
        List<ExportDomains.Attached> exportDomains = domains.exportDomainsIn(from, sourceDc);
        if (exportDomains.isEmpty()) {
            throw noExportDomain(sourceDcName, from, to);
        }
        ExportDomains.Attached attached = exportDomains.get(0);
        ExportDomain domain = attached.domain();
        if (!lease.acquire(domain, messages.format("template.migrate.lease-note", template.name(), from, to))) {
            throw leaseHeld(domain, lease.otherHolder(domain));
        }
        if (!"active".equals(attached.status())) {
            throw fail("template.migrate.domain-not-active", domain.name(), sourceDcName, from, attached.status());
        }
        if (template.isLocked()) {
            throw fail("template.migrate.template-locked", template.name(), template.version(), from);
        }
        if (!template.isOk()) {
            throw fail("template.migrate.template-not-ok", template.name(), template.version(), from,
                    template.status());
        }

        // the target: cluster, data domain in its data center, a free name, room for the export domain
        ClusterInfo cluster = inventory.cluster(to, request.cluster())
                .orElseThrow(() -> fail("template.migrate.cluster-not-found", request.cluster(), to));
        String targetDc = cluster.dataCenterId();
        String targetDcName = nameOr(cluster.dataCenterName(), targetDc);
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
            throw fail("template.migrate.storage-not-active", storage.name(), targetDcName, to, storageStatus);
        }
        String targetName = request.targetName() != null ? request.targetName() : template.name();
        boolean nameTaken = templates.named(to, targetName).stream().anyMatch(t -> inDataCenter(to, t, targetDc));
        if (nameTaken) {
            throw fail("template.migrate.name-taken", targetName, targetDcName, to);
        }
        Optional<ExportDomains.Attached> otherExport = domains.exportDomainsIn(to, targetDc).stream()
                .filter(a -> !a.domain().id().equals(domain.id())).findFirst();
        if (otherExport.isPresent()) {
            throw fail("template.migrate.target-has-export-domain", targetDcName, to, otherExport.get().domain().name());
        }
        if (domains.upHost(from, sourceDc).isEmpty()) {
            throw fail("template.migrate.no-up-host", sourceDcName, from);
        }
        if (domains.upHost(to, targetDc).isEmpty()) {
            throw fail("template.migrate.no-up-host", targetDcName, to);
        }

        boolean renamed = !targetName.equals(template.name());
        boolean idTaken = inventory.templateById(to, template.id()).isPresent();
        Optional<TemplateInfo> base = versions.stream()
                .filter(v -> v.version() == 1 && inDataCenter(from, v, sourceDc)).findFirst();
        boolean baseMissing = template.version() > 1
                && base.map(b -> inventory.templateById(to, b.id()).isEmpty()).orElse(true);
        boolean clone = renamed || idTaken || baseMissing;
        boolean moveBack = request.moveBack() != null ? request.moveBack() : moveBackDefault;

        context.log().deploy(messages.format("template.migrate.log.preflight", template.name(), template.version(),
                sourceDcName, from, domain.name(), domain.location(), cluster.name(), storage.name(), targetDcName,
                to, targetName));
        if (clone) {
            context.log().deploy(messages.format("template.migrate.log.clone", targetName));
        }
        return new MigrationPlan(template.id(), template.name(), template.version(), sourceDc, sourceDcName, domain,
                cluster.id(), cluster.name(), targetDc, targetDcName, storage.id(), storage.name(), targetName, clone,
                moveBack);
    }

    /**
     * No export domain in the source data center. Usually another migration has it on the way: say which task, or
     * at least where the domain is.
     */
    private TaskFailure noExportDomain(String sourceDcName, String from, String to) {
        for (String site : List.of(from, to)) {
            List<ExportDomain> known;
            try {
                known = domains.exportDomainsKnownTo(site);
            } catch (EngineException e) {
                continue;
            }
            for (ExportDomain domain : known) {
                Optional<String> holder = lease.otherHolder(domain);
                if (holder.isPresent()) {
                    return leaseHeld(domain, holder);
                }
                String where = DomainWhereabouts.describe(messages, domain, whereabouts.locate(domain,
                        List.of(from, to)));
                return fail("template.migrate.no-export-domain-here", sourceDcName, from, where);
            }
        }
        return fail("template.migrate.no-export-domain", sourceDcName, from);
    }

    private TaskFailure leaseHeld(ExportDomain domain, Optional<String> holder) {
        String who = holder.orElse(messages.format("template.migrate.another-task"));
        return fail("template.migrate.lease-held", domain.name(), domain.location(), who, domain.leaseKey());
    }

    private boolean inDataCenter(String site, TemplateInfo template, String dataCenterId) {
        return template.clusterId() != null && inventory.clusterById(site, template.clusterId())
                .map(c -> Objects.equals(dataCenterId, c.dataCenterId())).orElse(false);
    }

    private static String nameOr(String name, String id) {
        return name != null ? name : String.valueOf(id);
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
