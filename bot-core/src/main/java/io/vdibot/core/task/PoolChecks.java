package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.pool.PoolLimits;
import java.util.ArrayList;
import java.util.List;

/** Checks the pool validators share. */
final class PoolChecks {

    private PoolChecks() {
    }

    static List<String> sizeProblems(int size, PoolLimits limits, Messages messages) {
        return size > limits.poolSizeMax()
                ? List.of(messages.format("validate.pool-size-limit", size, limits.poolSizeMax()))
                : List.of();
    }

    /** The group and the role, both looked up by name in the engine. */
    static List<String> accessProblems(InventoryLookup inventory, String site, String group, String role,
            Messages messages) {
        List<String> problems = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.GROUPS, group)) {
            problems.add(messages.format("validate.group-unknown", group, site));
        }
        if (!inventory.exists(site, InventoryKind.ROLES, role)) {
            problems.add(messages.format("validate.role-unknown", role, site));
        }
        return problems;
    }

    /**
     * Whether the pool exists, asking the engine again on a miss: a pool created moments ago (by another bot node,
     * or in the engine's own portal) may not be in the cached list yet, and refusing it would be wrong.
     */
    static boolean poolExists(InventoryCache inventory, String site, String name) {
        if (inventory.exists(site, InventoryKind.POOLS, name)) {
            return true;
        }
        inventory.refresh(site);
        return inventory.exists(site, InventoryKind.POOLS, name);
    }
}
