package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.task.TaskRun;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@code pool.create} task can know before touching the estate: the engine answers; the limits; no
 * pool of that name but this task's own; the names the engine will give the VMs fit; the template version is in
 * the cluster's data center; the cluster has the memory for the prestarted VMs; the group and role to grant exist.
 */
final class PoolCreatePreflight {

    /** The engine's limit on VM names, which the names it gives pool VMs must respect. */
    private static final int MAX_VM_NAME_LENGTH = 64;

    private final PoolCreateRequest request;
    private final String site;
    private final String taskCode;
    private final Messages messages;
    private final InventoryCache inventory;
    private final PoolActions actions;
    private final PoolLimits limits;
    private final PoolCapacityCheck capacity;
    private final TaskContext context;
    private final TaskRun run;

    PoolCreatePreflight(PoolCreateRequest request, TaskContext context, PoolServices services, TaskRun run) {
        this.request = request;
        this.site = context.site();
        this.taskCode = context.taskCode();
        this.messages = context.messages();
        this.inventory = services.inventory();
        this.actions = services.actions();
        this.limits = services.limits();
        this.capacity = services.capacity();
        this.context = context;
        this.run = run;
    }

    PoolCreatePlan check() {
        actions.queries().calls().checkAnswers(site);
        int batch = limits.batchFor(request.batch());
        if (request.size() > limits.poolSizeMax()) {
            throw run.fail("pool.limit.size", request.size(), limits.poolSizeMax());
        }
        if (batch > limits.batchSizeMax()) {
            throw run.fail("pool.limit.batch", batch, limits.batchSizeMax());
        }
        Optional<PoolInfo> existing = actions.named(site, request.name());
        if (existing.isPresent() && !CreatorComment.isCreatedBy(existing.get().comment(), taskCode)) {
            throw run.fail("pool.create.name-taken", request.name(), site, existing.get().size());
        }
        String longest = PoolNameMask.longestVmName(request.name(), request.size());
        if (longest.length() > MAX_VM_NAME_LENGTH) {
            throw run.fail("pool.create.vm-names-too-long", request.name(), longest, MAX_VM_NAME_LENGTH);
        }
        if (existing.isEmpty()) {
            run.refuse(PoolNameMask.room(request.name(), null, request.size(),
                    actions.queries().vms(site, null, false, false), site));
        }
        TemplateChoice template = new TemplateChoice(site, inventory, actions.queries(), messages);
        List<TemplateInfo> versions = template.versions(request.template());
        ClusterInfo cluster = request.cluster() != null ? template.namedCluster(request.cluster())
                : template.clusterOf(versions);
        TemplateInfo chosen = template.version(versions, cluster, request.templateVersion());
        if (!chosen.isOk() && !chosen.isLocked()) {
            throw run.fail("pool.template-not-ok", chosen.name(), chosen.version(),
                    EngineTerm.IMAGE_STATUS.of(chosen.status()));
        }
        int toStart = Math.min(request.prestarted() == null ? 0 : request.prestarted(), request.size());
        capacity.atPreflight(capacity.live(site, cluster, toStart, chosen), request.name(), site, run, context);
        String groupId = null;
        String roleId = null;
        if (request.group() != null) {
            groupId = actions.groupId(site, request.group())
                    .orElseThrow(() -> run.fail("pool.group-not-found", request.group(), site));
            roleId = actions.roleId(site, request.role())
                    .orElseThrow(() -> run.fail("pool.role-not-found", request.role(), site));
        }
        boolean followLatest = request.templateVersion() != null && request.templateVersion().latest();
        run.log().deploy(Text.of("pool.create.log.preflight", chosen.name(), chosen.version(),
                cluster.name(), request.name(), request.size(), batch), messages);
        return new PoolCreatePlan(chosen.id(), followLatest, cluster.id(), groupId, roleId);
    }
}
