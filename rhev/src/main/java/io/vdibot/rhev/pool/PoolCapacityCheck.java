package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.TaskRun;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The capacity check of pool tasks: will the cluster have the memory for the VMs the task starts? Asked before a
 * request is accepted, from the cached inventory (refused above {@link PoolLimits#capacityRefuseRatio()}), and again
 * at the task's preflight from the engine's answers of that moment, where a need above
 * {@link PoolLimits#capacityWarnRatio()} is a warning in the task's thread and log.
 */
final class PoolCapacityCheck {

    private final InventoryCache inventory;
    private final PoolLimits limits;

    PoolCapacityCheck(InventoryCache inventory, PoolLimits limits) {
        this.inventory = inventory;
        this.limits = limits;
    }

    PoolLimits limits() {
        return limits;
    }

    /**
     * A new pool starts its prestarted VMs, from the template version asked for (or the newest) in the cluster
     * asked for (or the template's). Nothing to say when the cache does not know the template or the cluster: the
     * other checks name that.
     */
    Optional<Violation> create(PoolCreateRequest request, String site) {
        List<TemplateInfo> versions = inventory.templateVersions(site, request.template());
        Optional<TemplateInfo> template = versions.stream().filter(t -> request.templateVersion() == null
                        || request.templateVersion().latest() || t.version() == request.templateVersion().number())
                .max(Comparator.comparingInt(TemplateInfo::version));
        Optional<ClusterInfo> cluster = request.cluster() != null ? inventory.cluster(site, request.cluster())
                : template.flatMap(t -> inventory.clusterById(site, t.clusterId()));
        if (template.isEmpty() || cluster.isEmpty()) {
            return Optional.empty();
        }
        int toStart = Math.min(request.prestarted() == null ? 0 : request.prestarted(), request.size());
        return refusal(cached(site, cluster.get(), toStart, template.get()), request.name(), site, "prestarted");
    }

    /** A pool that grows starts as many of its new VMs as it needs to have its prestarted VMs running. */
    Optional<Violation> grow(PoolInfo pool, List<VmInfo> members, int size, String site) {
        Optional<TemplateInfo> template = inventory.templateById(site, pool.templateId());
        Optional<ClusterInfo> cluster = inventory.clusterById(site, pool.clusterId());
        if (template.isEmpty() || cluster.isEmpty()) {
            return Optional.empty();
        }
        int toStart = startedByGrowing(pool, members, size);
        return refusal(cached(site, cluster.get(), toStart, template.get()), pool.name(), site, "size");
    }

    /** How many of the VMs a grow to {@code size} adds will be started for the pool's prestarted count. */
    static int startedByGrowing(PoolInfo pool, List<VmInfo> members, int size) {
        return PoolVmStates.toStart(pool.prestarted(), PoolVmStates.prestarted(members),
                Math.max(0, size - members.size()));
    }

    /** The estimate from the engine's answers of this moment, for a task's preflight. */
    PoolCapacity live(String site, ClusterInfo cluster, int toStart, TemplateInfo template) {
        var queries = inventory.queries();
        long free = PoolCapacity.free(queries.hosts(site).stream()
                        .filter(h -> cluster.id().equals(h.clusterId())).toList(),
                () -> queries.vms(site, "cluster=" + cluster.name(), false));
        return new PoolCapacity(cluster.name(), free, toStart, template.memoryToRun());
    }

    private PoolCapacity cached(String site, ClusterInfo cluster, int toStart, TemplateInfo template) {
        long free = PoolCapacity.free(inventory.hosts(site).stream()
                .filter(h -> cluster.id().equals(h.clusterId())).toList(), () -> inventory.vms(site));
        return new PoolCapacity(cluster.name(), free, toStart, template.memoryToRun());
    }

    /**
     * At a task's preflight: fails above the refuse ratio, as the intake check would have; above the warn ratio,
     * says so in the task's log and thread and goes on.
     */
    void atPreflight(PoolCapacity capacity, String pool, String site, TaskRun run, TaskContext context) {
        run.refuse(refusal(capacity, pool, site, null));
        if (capacity.verdict(limits) == PoolCapacity.Verdict.WARN) {
            String warning = context.messages().format("pool.capacity.warning",
                    capacity.args(pool, site, limits.capacityWarnRatio()));
            run.log().deploy(warning);
            context.progress().milestone(Reply.builder().tone(Reply.Tone.WARNING).text(warning).build());
        }
    }

    /** The refusal {@code pool.capacity.refused} when the need is above the refuse ratio. */
    Optional<Violation> refusal(PoolCapacity capacity, String pool, String site, String field) {
        if (capacity.verdict(limits) != PoolCapacity.Verdict.REFUSE) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(field, "pool.capacity.refused",
                capacity.args(pool, site, limits.capacityRefuseRatio())));
    }
}
