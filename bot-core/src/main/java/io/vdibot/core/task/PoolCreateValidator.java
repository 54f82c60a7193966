package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.rhev.pool.PoolLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pool create}: within the configured size and batch limits, the template and cluster exist, the pool name
 * is free, and the group and role to grant are known to the engine. Template versions, data centers and the names
 * the engine will give the VMs are the executor's preflight.
 */
public final class PoolCreateValidator implements TaskValidator {

    private final InventoryLookup inventory;
    private final PoolLimits limits;

    public PoolCreateValidator(InventoryLookup inventory, PoolLimits limits) {
        this.inventory = inventory;
        this.limits = limits;
    }

    @Override
    public boolean validates(TaskRequest request) {
        return request instanceof PoolCreateRequest;
    }

    @Override
    public List<String> problems(TaskRequest request, String site, Messages messages) {
        PoolCreateRequest pool = (PoolCreateRequest) request;
        List<String> problems = new ArrayList<>(PoolChecks.sizeProblems(pool.size(), limits, messages));
        if (pool.batch() != null && pool.batch() > limits.batchSizeMax()) {
            problems.add(messages.format("validate.pool-batch-limit", pool.batch(), limits.batchSizeMax()));
        }
        if (!inventory.exists(site, InventoryKind.TEMPLATES, pool.template())) {
            problems.add(messages.format("validate.template-unknown", pool.template(), site));
        }
        if (pool.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, pool.cluster())) {
            problems.add(messages.format("validate.cluster-unknown", pool.cluster(), site));
        }
        if (inventory.exists(site, InventoryKind.POOLS, pool.name())) {
            problems.add(messages.format("validate.pool-name-taken", pool.name(), site));
        }
        if (pool.group() != null) {
            problems.addAll(PoolChecks.accessProblems(inventory, site, pool.group(), pool.role(), messages));
        }
        return problems;
    }
}
