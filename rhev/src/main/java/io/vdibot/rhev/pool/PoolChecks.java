package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.GroupInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of pool requests against the cached inventory before they are accepted: limits, names, the room a name
 * mask leaves, the cluster's memory for the VMs a new or growing pool starts ({@link PoolCapacityCheck}), whether
 * a pool can give up VMs to shrink, settings that fit the pool, and grants that would change something. Template
 * versions and data centers are the runs' preflight; the checks that can change while a request waits for approval
 * ({@link PoolNameMask#room}, {@link PoolShrink}, {@link #prestarted}, the capacity) are asked there again.
 */
final class PoolChecks {

    private final InventoryCache inventory;
    private final PoolLimits limits;
    private final PoolActions actions;
    private final PoolCapacityCheck capacity;

    PoolChecks(InventoryCache inventory, PoolLimits limits, PoolActions actions, PoolCapacityCheck capacity) {
        this.inventory = inventory;
        this.limits = limits;
        this.actions = actions;
        this.capacity = capacity;
    }

    List<Violation> create(PoolCreateRequest pool, String site) {
        List<Violation> violations = new ArrayList<>(size(pool.size()));
        if (pool.batch() != null && pool.batch() > limits.batchSizeMax()) {
            violations.add(Violation.of("batch", "validate.pool-batch-limit", pool.batch(), limits.batchSizeMax()));
        }
        if (!inventory.exists(site, InventoryKind.TEMPLATES, pool.template())) {
            violations.add(Violation.of("template", "validate.template-unknown", pool.template(), site));
        }
        if (pool.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, pool.cluster())) {
            violations.add(Violation.of("cluster", "validate.cluster-unknown", pool.cluster(), site));
        }
        if (inventory.exists(site, InventoryKind.POOLS, pool.name())) {
            violations.add(Violation.of("name", "validate.pool-name-taken", pool.name(), site));
        } else {
            PoolNameMask.room(pool.name(), null, pool.size(), inventory.vms(site), site).ifPresent(violations::add);
        }
        if (pool.group() != null) {
            violations.addAll(groupAndRole(pool.group(), pool.role(), site));
        }
        capacity.create(pool, site).ifPresent(violations::add);
        return violations;
    }

    List<Violation> resize(PoolResizeRequest resize, String site) {
        List<Violation> violations = new ArrayList<>(size(resize.size()));
        violations.addAll(existing(resize.name(), site));
        Optional<PoolInfo> pool = inventory.pool(site, resize.name());
        if (!violations.isEmpty() || pool.isEmpty()) {
            return violations;
        }
        List<VmInfo> vms = inventory.vms(site).stream().filter(vm -> pool.get().id().equals(vm.poolId())).toList();
        if (resize.size() == vms.size()) {
            violations.add(Violation.of("size", "validate.pool-size-unchanged", resize.name(), vms.size()));
        } else if (resize.size() > vms.size()) {
            PoolNameMask.room(resize.name(), pool.get().id(), resize.size(), inventory.vms(site), site)
                    .ifPresent(violations::add);
            capacity.grow(pool.get(), vms, resize.size(), site).ifPresent(violations::add);
        } else {
            PoolShrink shrink = PoolShrink.of(resize.name(), vms, resize.size());
            if (!shrink.possible()) {
                violations.add(Violation.of("size", "pool.resize.shrink-refused", shrink.refusal()));
            }
        }
        return violations;
    }

    List<Violation> update(PoolUpdateRequest update, String site) {
        List<Violation> violations = new ArrayList<>(existing(update.name(), site));
        inventory.pool(site, update.name()).flatMap(pool -> prestarted(update.prestarted(), pool))
                .ifPresent(violations::add);
        return violations;
    }

    /** A pool cannot keep more of its VMs prestarted than it has. */
    static Optional<Violation> prestarted(Integer prestarted, PoolInfo pool) {
        return prestarted != null && prestarted > pool.size()
                ? Optional.of(Violation.of("prestarted", "pool.update.prestarted-exceeds", prestarted, pool.name(),
                        pool.size()))
                : Optional.empty();
    }

    /** The group and role are known, and the group does not have that role on the pool yet. */
    List<Violation> grant(String pool, String group, String role, String site) {
        List<Violation> violations = access(pool, group, role, site);
        if (violations.isEmpty() && grantOf(pool, group, role, site).isPresent()) {
            violations.add(Violation.of("role", "validate.pool-already-granted", group, role, pool, site));
        }
        return violations;
    }

    /** The group and role are known, and the group has that role on the pool. */
    List<Violation> revoke(String pool, String group, String role, String site) {
        List<Violation> violations = access(pool, group, role, site);
        if (violations.isEmpty() && grantOf(pool, group, role, site).isEmpty()) {
            violations.add(Violation.of("role", "validate.pool-no-such-grant", group, role, pool, site));
        }
        return violations;
    }

    private List<Violation> access(String pool, String group, String role, String site) {
        List<Violation> violations = new ArrayList<>(existing(pool, site));
        violations.addAll(groupAndRole(group, role, site));
        return violations;
    }

    /** The group's grant of the role on the pool, all three known by name. */
    private Optional<PermissionInfo> grantOf(String pool, String group, String role, String site) {
        String poolId = inventory.pool(site, pool).orElseThrow().id();
        String groupId = inventory.groups(site).stream().filter(g -> g.name().equals(group)).map(GroupInfo::id)
                .findFirst().orElseThrow();
        String roleId = inventory.roles(site).stream().filter(r -> r.name().equals(role)).map(RoleInfo::id)
                .findFirst().orElseThrow();
        return actions.grantOf(site, poolId, groupId, roleId);
    }

    /**
     * The pool exists, asking the engine again on a miss: a pool created moments ago (by another bot node, or in the
     * engine's own portal) may not be in the cached list yet, and refusing it would be wrong.
     */
    List<Violation> existing(String pool, String site) {
        if (inventory.exists(site, InventoryKind.POOLS, pool)) {
            return List.of();
        }
        inventory.refresh(site);
        return inventory.exists(site, InventoryKind.POOLS, pool) ? List.of()
                : List.of(Violation.of("name", "validate.pool-unknown", pool, site));
    }

    private List<Violation> size(int size) {
        return size > limits.poolSizeMax()
                ? List.of(Violation.of("size", "validate.pool-size-limit", size, limits.poolSizeMax()))
                : List.of();
    }

    /** The group and the role, both looked up by name in the engine. */
    private List<Violation> groupAndRole(String group, String role, String site) {
        List<Violation> violations = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.GROUPS, group)) {
            violations.add(Violation.of("group", "validate.group-unknown", group, site));
        }
        if (!inventory.exists(site, InventoryKind.ROLES, role)) {
            violations.add(Violation.of("role", "validate.role-unknown", role, site));
        }
        return violations;
    }
}
