package io.vdibot.rhev.pool;

import io.vdibot.rhev.task.CreatorComment;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.GroupInfo;
import io.vdibot.rhev.inventory.InventoryMapper;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.GroupBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.types.VmPool;
import org.ovirt.engine.sdk4.types.VmPoolType;

/**
 * The pool operations handlers need, each safe to repeat: {@link EngineCalls} repeats a call whose answer was lost,
 * and a resumed task repeats the step it died in. Reads are collection queries ({@code vms?search=pool=NAME}),
 * never one call per VM; what can only be done one VM at a time is in {@link PoolVmActions}.
 */
final class PoolActions {

    /** What to create; nulls take the engine's defaults. */
    record NewPool(String name, String description, String clusterId, String templateId,
                   boolean useLatestTemplateVersion, int size, int prestarted, Integer maxUserVms, String type,
                   Boolean stateful) {
    }

    /** @param reused the pool existed already, created by the same task before a restart or a lost answer */
    record Created(PoolInfo pool, boolean reused) {
    }

    private final EngineCalls calls;
    private final InventoryQueries queries;

    PoolActions(InventoryQueries queries) {
        this.queries = queries;
        this.calls = queries.calls();
    }

    InventoryQueries queries() {
        return queries;
    }

    /** The pool named exactly {@code name} (pool names are unique in an engine; its search ignores case). */
    Optional<PoolInfo> named(String site, String name) {
        return calls.call(site, "find pool " + name, connection -> connection.systemService().vmPoolsService()
                .list().search("name=" + name).send().pools().stream()
                .filter(p -> name.equals(p.name())).map(InventoryMapper::pool).findFirst());
    }

    /** The VMs of the pool now, in one collection query. */
    List<VmInfo> vms(String site, PoolInfo pool, boolean withAddresses) {
        return vms(site, pool, withAddresses, false);
    }

    /** The VMs of the pool now; with their grants, which tell whom a VM is handed to. */
    List<VmInfo> vms(String site, PoolInfo pool, boolean withAddresses, boolean withPermissions) {
        return queries.vms(site, "pool=" + pool.name(), withAddresses, withPermissions).stream()
                .filter(vm -> pool.id().equals(vm.poolId())).toList();
    }

    /** The pool's VMs whose disks are still being created. */
    List<VmInfo> locked(String site, PoolInfo pool) {
        return vms(site, pool, "status=image_locked");
    }

    /** The pool's VMs matching a further condition of the engine's search language, e.g. {@code status=down}. */
    List<VmInfo> vms(String site, PoolInfo pool, String condition) {
        return queries.vms(site, "pool=" + pool.name() + " and " + condition, false, false).stream()
                .filter(vm -> pool.id().equals(vm.poolId())).toList();
    }

    /**
     * VMs named in {@code names}, in one query ({@code name=a or name=b …}): how a batch is watched without reading
     * the whole pool each time. VMs of those names elsewhere (another data center) are left out by their pool.
     */
    List<VmInfo> vmsNamed(String site, PoolInfo pool, List<String> names, boolean withAddresses) {
        if (names.isEmpty()) {
            return List.of();
        }
        String search = String.join(" or ", names.stream().map(n -> "name=" + n).toList());
        return queries.vms(site, search, withAddresses, false).stream()
                .filter(vm -> names.contains(vm.name()) && (pool == null || pool.id().equals(vm.poolId())))
                .toList();
    }

    /**
     * Returns the pool this task created before, or creates it. A pool of that name without this task's mark is
     * left alone: the engine then refuses the add with its own "name is already in use" text.
     */
    Created createOrReuse(String site, NewPool spec, String taskCode) {
        String correlationId = CorrelationIds.of(taskCode, "create-pool");
        return calls.call(site, "create pool " + spec.name(), connection -> {
            var pools = connection.systemService().vmPoolsService();
            for (VmPool existing : pools.list().search("name=" + spec.name()).send().pools()) {
                if (spec.name().equals(existing.name())
                        && CreatorComment.isCreatedBy(existing.comment(), taskCode)) {
                    return new Created(InventoryMapper.pool(existing), true);
                }
            }
            VmPoolBuilder pool = new VmPoolBuilder().name(spec.name())
                    .comment(CreatorComment.of(taskCode))
                    .cluster(new ClusterBuilder().id(spec.clusterId()))
                    .template(new TemplateBuilder().id(spec.templateId()))
                    .size(spec.size()).prestartedVms(spec.prestarted())
                    .useLatestTemplateVersion(spec.useLatestTemplateVersion());
            if (spec.description() != null) {
                // the requester's words as given: the task that made the pool is named in its comment
                pool.description(spec.description());
            }
            if (spec.maxUserVms() != null) {
                pool.maxUserVms(spec.maxUserVms());
            }
            if (spec.type() != null) {
                pool.type(VmPoolType.fromValue(spec.type().toLowerCase(Locale.ROOT)));
            }
            if (spec.stateful() != null) {
                pool.stateful(spec.stateful());
            }
            VmPool added = pools.add().pool(pool).header(CorrelationIds.HEADER, correlationId).send().pool();
            return new Created(InventoryMapper.pool(added), false);
        });
    }

    /**
     * Asks the engine to bring the pool to {@code size} VMs ({@code PUT /vmpools/{id}} with the new total); the
     * engine adds the missing VMs itself, one after another. {@code prestarted} goes along because the engine
     * refuses more prestarted VMs than the pool has.
     */
    void resize(String site, String poolId, int size, Integer prestarted, String correlationId) {
        calls.run(site, "resize pool", connection -> {
            VmPoolBuilder update = new VmPoolBuilder().size(size);
            if (prestarted != null) {
                update.prestartedVms(prestarted);
            }
            connection.systemService().vmPoolsService().poolService(poolId).update().pool(update)
                    .header(CorrelationIds.HEADER, correlationId).send();
        });
    }

    /** Changes what is given (nulls stay as they are) and returns the pool as the engine now has it. */
    PoolInfo update(String site, String poolId, String description, Integer prestarted, Integer maxUserVms,
            String correlationId) {
        return calls.call(site, "update pool", connection -> {
            VmPoolBuilder update = new VmPoolBuilder();
            if (description != null) {
                update.description(description);
            }
            if (prestarted != null) {
                update.prestartedVms(prestarted);
            }
            if (maxUserVms != null) {
                update.maxUserVms(maxUserVms);
            }
            return InventoryMapper.pool(connection.systemService().vmPoolsService().poolService(poolId).update()
                    .pool(update).header(CorrelationIds.HEADER, correlationId).send().pool());
        });
    }

    /** Asks the engine to remove the pool: it powers the VMs off and removes them with their disks, then the pool. */
    void remove(String site, String poolId, String correlationId) {
        calls.run(site, "remove pool", connection -> connection.systemService().vmPoolsService().poolService(poolId)
                .remove().header(CorrelationIds.HEADER, correlationId).send());
    }


    /** The id of the directory group {@code name} as the engine knows it. */
    Optional<String> groupId(String site, String name) {
        return queries.groups(site).stream().filter(g -> g.name().equals(name)).map(GroupInfo::id).findFirst();
    }

    /** The id of the role {@code name}. */
    Optional<String> roleId(String site, String name) {
        return queries.roles(site).stream().filter(r -> r.name().equals(name)).map(RoleInfo::id).findFirst();
    }

    /** The grants on the pool itself. */
    List<PermissionInfo> permissions(String site, String poolId) {
        return queries.poolPermissions(site, poolId);
    }

    /** The group's grant of the role on the pool itself, if it has one. */
    Optional<PermissionInfo> grantOf(String site, String poolId, String groupId, String roleId) {
        return permissions(site, poolId).stream()
                .filter(p -> groupId.equals(p.groupId()) && roleId.equals(p.roleId())).findFirst();
    }

    /** Grants {@code roleId} to the group on the pool; the engine returns the existing grant when there is one. */
    PermissionInfo grant(String site, String poolId, String groupId, String roleId, String correlationId) {
        return calls.call(site, "grant a role on a pool", connection -> InventoryMapper.permission(
                connection.systemService().vmPoolsService().poolService(poolId).permissionsService().add()
                        .permission(new PermissionBuilder().role(new RoleBuilder().id(roleId))
                                .group(new GroupBuilder().id(groupId)))
                        .header(CorrelationIds.HEADER, correlationId).send().permission()));
    }

    void revoke(String site, String poolId, String permissionId, String correlationId) {
        calls.run(site, "revoke a role on a pool", connection -> connection.systemService().vmPoolsService()
                .poolService(poolId).permissionsService().permissionService(permissionId).remove()
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    /** Whether the engine answered that what it was asked about (a VM, a pool) does not exist (any more). */
    static boolean isGone(EngineException e) {
        return e.httpCode() == 404;
    }
}
