package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.pool.PoolLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests that change an existing pool ({@code pool resize|grant|revoke|update|delete}): the pool exists, a new
 * size is within the configured limit, and a group and role to grant or revoke are known to the engine. Whether
 * the pool can give up VMs to shrink is the executor's preflight: it changes from minute to minute.
 */
public final class PoolEditValidator implements TaskValidator {

    private final InventoryCache inventory;
    private final PoolLimits limits;

    public PoolEditValidator(InventoryCache inventory, PoolLimits limits) {
        this.inventory = inventory;
        this.limits = limits;
    }

    @Override
    public boolean validates(TaskRequest request) {
        return request instanceof PoolResizeRequest || request instanceof PoolGrantRequest
                || request instanceof PoolRevokeRequest || request instanceof PoolUpdateRequest
                || request instanceof PoolDeleteRequest;
    }

    @Override
    public List<String> problems(TaskRequest request, String site, Messages messages) {
        List<String> problems = new ArrayList<>();
        if (request instanceof PoolResizeRequest resize) {
            problems.addAll(PoolChecks.sizeProblems(resize.size(), limits, messages));
        }
        if (!PoolChecks.poolExists(inventory, site, request.name())) {
            problems.add(messages.format("validate.pool-unknown", request.name(), site));
        }
        if (request instanceof PoolGrantRequest grant) {
            problems.addAll(PoolChecks.accessProblems(inventory, site, grant.group(), grant.role(), messages));
        } else if (request instanceof PoolRevokeRequest revoke) {
            problems.addAll(PoolChecks.accessProblems(inventory, site, revoke.group(), revoke.role(), messages));
        }
        return problems;
    }
}
