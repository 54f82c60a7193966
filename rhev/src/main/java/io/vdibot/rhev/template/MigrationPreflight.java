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
        requireSitesAnswer();
        SourceSide source = checkSource();
        TargetSide target = checkTarget(source);
        requireHostUp(request.fromSite(), source.dataCenterId(), source.dataCenterName());
        requireHostUp(request.toSite(), target.dataCenterId(), target.dataCenterName());

        TemplateInfo template = source.template();
        ExportDomain domain = source.domain();
        ClusterInfo cluster = target.cluster();
        StorageDomainInfo storage = target.storage();
        boolean clone = importAsCopy(source, target);
        boolean moveBack = request.moveBack() != null ? request.moveBack() : moveBackDefault;
        context.log().deploy(messages.format("template.migrate.log.preflight", template.name(), template.version(),
                source.dataCenterName(), request.fromSite(), domain.name(), domain.location(), cluster.name(),
                storage.name(), target.dataCenterName(), request.toSite(), target.name()));
        if (clone) {
            context.log().deploy(messages.format("template.migrate.log.clone", target.name()));
        }
        return new MigrationPlan(template.id(), template.name(), template.version(), source.dataCenterId(),
                source.dataCenterName(), domain, cluster.id(), cluster.name(), target.dataCenterId(),
                target.dataCenterName(), storage.id(), storage.name(), target.name(), clone, moveBack);
    }

    /** What the source site settled: the template version that travels and the export domain it travels on. */
    private record SourceSide(List<TemplateInfo> versions, TemplateInfo template, String dataCenterId,
                              String dataCenterName, ExportDomain domain) {
    }

    /** What the target site settled: where the template lands and under which name. */
    private record TargetSide(ClusterInfo cluster, String dataCenterId, String dataCenterName,
                              StorageDomainInfo storage, String name) {
    }

    /** Both sites are configured and their engines answer; their cached inventory is refreshed for the checks. */
    private void requireSitesAnswer() {
        List<String> sites = List.of(request.fromSite(), request.toSite());
        for (String site : sites) {
            if (!inventory.sites().contains(site)) {
                throw fail("template.migrate.site-unknown", site, String.join(", ", inventory.sites()));
            }
        }
        for (String site : sites) {
            try {
                inventory.queries().calls().checkAnswers(site);
            } catch (EngineException e) {
                throw fail("template.migrate.site-down", site, EngineTexts.explain(messages, e));
            }
            inventory.refresh(site);
        }
    }

    /**
     * The latest version of the template at the source, OK and unlocked, and the active export domain of its data
     * center, whose lease this task takes.
     */
    private SourceSide checkSource() {
        String from = request.fromSite();
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
            throw noExportDomain(sourceDcName, from, request.toSite());
        }
        ExportDomains.Attached attached = exportDomains.get(0);
        ExportDomain domain = attached.domain();
        String leaseNote = messages.format("template.migrate.lease-note", template.name(), from, request.toSite());
        if (!lease.acquire(domain, leaseNote)) {
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
        return new SourceSide(versions, template, sourceDc, sourceDcName, domain);
    }

    /**
     * At the target: the cluster, an active data domain in its data center, a name no template there has, and no
     * export domain other than the one travelling.
     */
    private TargetSide checkTarget(SourceSide source) {
        String to = request.toSite();
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
        String targetName = request.targetName() != null ? request.targetName() : source.template().name();
        boolean nameTaken = templates.named(to, targetName).stream().anyMatch(t -> inDataCenter(to, t, targetDc));
        if (nameTaken) {
            throw fail("template.migrate.name-taken", targetName, targetDcName, to);
        }
        String travellingId = source.domain().id();
        Optional<ExportDomains.Attached> otherExport = domains.exportDomainsIn(to, targetDc).stream()
                .filter(a -> !a.domain().id().equals(travellingId)).findFirst();
        if (otherExport.isPresent()) {
            throw fail("template.migrate.target-has-export-domain", targetDcName, to, otherExport.get().domain().name());
        }
        return new TargetSide(cluster, targetDc, targetDcName, storage, targetName);
    }

    /** The export domain is detached and attached through a host that is up in each data center. */
    private void requireHostUp(String site, String dataCenterId, String dataCenterName) {
        if (domains.upHost(site, dataCenterId).isEmpty()) {
            throw fail("template.migrate.no-up-host", dataCenterName, site);
        }
    }

    /**
     * Import with new ids when renamed, when the id is already taken at the target, or when the version's base
     * (version 1 in the source data center) is missing at the target.
     */
    private boolean importAsCopy(SourceSide source, TargetSide target) {
        TemplateInfo template = source.template();
        boolean renamed = !target.name().equals(template.name());
        boolean idTaken = inventory.templateById(request.toSite(), template.id()).isPresent();
        Optional<TemplateInfo> base = source.versions().stream()
                .filter(v -> v.version() == 1 && inDataCenter(request.fromSite(), v, source.dataCenterId()))
                .findFirst();
        boolean baseMissing = template.version() > 1
                && base.map(b -> inventory.templateById(request.toSite(), b.id()).isEmpty()).orElse(true);
        return renamed || idTaken || baseMissing;
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
