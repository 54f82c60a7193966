package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Text;
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
import io.vdibot.rhev.template.MigrationSourceCheck.SourceSide;
import io.vdibot.rhev.template.MigrationTargetCheck.TargetSide;
import java.util.List;
import java.util.Optional;

/**
 * Everything a migration can know before touching either site: both engines answer; the template version is OK at
 * the source; the export domain is found — active in the source data center, or somewhere it can be brought from —
 * and no other task holds it (the lease is taken here); the cluster and data domain exist at the target; the name is
 * free there; each side has a host up.
 */
final class MigrationPreflight {

    private final TaskContext context;
    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final ExportDomains domains;
    private final ExportDomainLease lease;
    private final boolean moveBackDefault;

    MigrationPreflight(TemplateMigrateRequest request, TaskContext context, InventoryCache inventory,
            TemplateActions templates, ExportDomains domains, ExportDomainLease lease, boolean moveBackDefault) {
        this.context = context;
        this.request = request;
        this.messages = context.messages();
        this.inventory = inventory;
        this.templates = templates;
        this.domains = domains;
        this.lease = lease;
        this.moveBackDefault = moveBackDefault;
    }

    MigrationPlan run() {
        requireSitesAnswer();
        SourceSide source = new MigrationSourceCheck(request, messages, inventory, templates, domains, lease).check();
        TargetSide target = new MigrationTargetCheck(request, messages, inventory, templates, domains)
                .check(source.template().name(), source.domain().id());
        requireHostUp(request.fromSite(), source.dataCenterId(), source.dataCenterName());
        requireHostUp(request.toSite(), target.dataCenterId(), target.dataCenterName());

        TemplateInfo template = source.template();
        ExportDomain domain = source.domain();
        ClusterInfo cluster = target.cluster();
        StorageDomainInfo storage = target.storage();
        boolean clone = importAsCopy(source, target);
        boolean moveBack = request.moveBack() != null ? request.moveBack() : moveBackDefault;
        context.log().deploy(Text.of("template.migrate.log.preflight", template.name(), template.version(),
                source.dataCenterName(), request.fromSite(), domain.name(), domain.location(), cluster.name(),
                storage.name(), target.dataCenterName(), request.toSite(), target.name()), messages);
        if (source.origin() != null) {
            context.log().deploy(Text.of("template.migrate.log.bring-planned", domain.name(),
                    source.origin().describe(messages), source.dataCenterName(), request.fromSite()), messages);
        }
        if (clone) {
            context.log().deploy(Text.of("template.migrate.log.clone", target.name()), messages);
        }
        return new MigrationPlan(template.id(), template.name(), template.version(), source.dataCenterId(),
                source.dataCenterName(), domain, cluster.id(), cluster.name(), target.dataCenterId(),
                target.dataCenterName(), storage.id(), storage.name(), target.name(), clone, moveBack,
                source.origin());
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
                .filter(v -> v.version() == 1
                        && MigrationTargetCheck.inDataCenter(inventory, request.fromSite(), v, source.dataCenterId()))
                .findFirst();
        boolean baseMissing = template.version() > 1
                && base.map(b -> inventory.templateById(request.toSite(), b.id()).isEmpty()).orElse(true);
        return renamed || idTaken || baseMissing;
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
