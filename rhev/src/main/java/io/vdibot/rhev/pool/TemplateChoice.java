package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.TemplateInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settles which template version and cluster a new pool is built from, with a message of its own for each way the
 * request can miss: no such template, no such cluster, the template not in the cluster's data center, no such
 * version. Templates are read live (a version made minutes ago counts); clusters from the cache, reloaded once
 * when a name or id is not found.
 */
final class TemplateChoice {

    private final String site;
    private final InventoryCache inventory;
    private final InventoryQueries queries;
    private final Messages messages;

    TemplateChoice(String site, InventoryCache inventory, InventoryQueries queries, Messages messages) {
        this.site = site;
        this.inventory = inventory;
        this.queries = queries;
        this.messages = messages;
    }

    /** Every version of the template, at least one. */
    List<TemplateInfo> versions(String template) {
        List<TemplateInfo> versions = queries.templates(site, "name=" + template).stream()
                .filter(t -> t.name().equals(template)).toList();
        if (versions.isEmpty()) {
            throw fail("pool.template-not-found", template, site);
        }
        return versions;
    }

    ClusterInfo namedCluster(String name) {
        Optional<ClusterInfo> cached = inventory.findOrRefresh(site, () -> inventory.cluster(site, name));
        return cached.orElseThrow(() -> fail("pool.cluster-not-found", name, site));
    }

    /** The cluster of the template's newest version, when the request names none. */
    ClusterInfo clusterOf(List<TemplateInfo> versions) {
        TemplateInfo latest = versions.stream().max(Comparator.comparingInt(TemplateInfo::version)).orElseThrow();
        return clusterById(latest.clusterId())
                .orElseThrow(() -> fail("pool.template-without-cluster", latest.name()));
    }

    /**
     * The version to build from: the one asked for, or the newest one in the cluster's data center (which is also
     * what a pool following the newest version starts from).
     */
    TemplateInfo version(List<TemplateInfo> versions, ClusterInfo cluster, TemplateVersionRef wanted) {
        String name = versions.get(0).name();
        List<TemplateInfo> inDataCenter = versions.stream()
                .filter(t -> cluster.dataCenterId() != null && clusterById(t.clusterId())
                        .map(c -> cluster.dataCenterId().equals(c.dataCenterId())).orElse(false))
                .sorted(Comparator.comparingInt(TemplateInfo::version)).toList();
        if (inDataCenter.isEmpty()) {
            throw fail("pool.template-not-in-datacenter", name,
                    cluster.dataCenterName() != null ? cluster.dataCenterName() : cluster.dataCenterId(),
                    cluster.name());
        }
        if (wanted == null || wanted.latest()) {
            return inDataCenter.get(inDataCenter.size() - 1);
        }
        return inDataCenter.stream().filter(t -> t.version() == wanted.number()).findFirst()
                .orElseThrow(() -> fail("pool.template-version-not-found", name, wanted.number(), site,
                        inDataCenter.stream().map(t -> Integer.toString(t.version()))
                                .collect(Collectors.joining(", "))));
    }

    private Optional<ClusterInfo> clusterById(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return inventory.findOrRefresh(site, () -> inventory.clusterById(site, id));
    }

    private TaskFailure fail(String key, Object... args) {
        return new TaskFailure(messages.format(key, args), null);
    }
}
