package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.InventoryCache;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of pool requests against the cached inventory before they are accepted: limits, names, the group and
 * role to grant. Template versions, data centers, the names the engine will give the VMs and whether a pool can give
 * up VMs to shrink are the runs' preflight: they change while a request waits for approval.
 */
final class PoolChecks {

    private final InventoryCache inventory;
    private final PoolLimits limits;

    PoolChecks(InventoryCache inventory, PoolLimits limits) {
        this.inventory = inventory;
        this.limits = limits;
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
        }
        if (pool.group() != null) {
            violations.addAll(groupAndRole(pool.group(), pool.role(), site));
        }
        return violations;
    }

    List<Violation> resize(PoolResizeRequest resize, String site) {
        List<Violation> violations = new ArrayList<>(size(resize.size()));
        violations.addAll(existing(resize.name(), site));
        return violations;
    }

    List<Violation> access(String pool, String group, String role, String site) {
        List<Violation> violations = new ArrayList<>(existing(pool, site));
        violations.addAll(groupAndRole(group, role, site));
        return violations;
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
