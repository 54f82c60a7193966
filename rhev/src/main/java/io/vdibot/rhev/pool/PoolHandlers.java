package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;
import java.util.List;

/**
 * The handlers of the {@code pool.*} commands, one row each: request type, checks before acceptance, run.
 *
 * <ul>
 * <li>{@code pool.create}: a pool built batch by batch, its prestarted VMs up with addresses, a group granted.</li>
 * <li>{@code pool.resize}: grown in batches, or shrunk by removing VMs that are down and handed to nobody.</li>
 * <li>{@code pool.grant} / {@code pool.revoke}: a directory group's role on the pool, given or taken away.</li>
 * <li>{@code pool.update}: description, prestarted VMs and VMs per user in one engine update.</li>
 * <li>{@code pool.delete}: the pool removed with its VMs; the engine powers them off first.</li>
 * </ul>
 */
public final class PoolHandlers {

    private PoolHandlers() {
    }

    public static List<TaskHandler<?>> all(InventoryCache inventory, PoolLimits limits, PoolTimings timings,
            Clock clock, Sleeper sleeper) {
        PoolServices pools = PoolServices.of(inventory, limits, timings, clock, sleeper);
        PoolChecks checks = new PoolChecks(inventory, limits, pools.actions(), pools.capacity());
        return List.of(
                new PoolHandler<>(PoolCreateRequest.class, checks::create,
                        (request, context) -> new PoolCreateRun(request, context, pools).execute()),
                new PoolHandler<>(PoolResizeRequest.class, checks::resize,
                        (request, context) -> new PoolResizeRun(request, context, pools).execute()),
                new PoolHandler<>(PoolGrantRequest.class,
                        (request, site) -> checks.grant(request.name(), request.group(), request.role(), site),
                        (request, context) -> new PoolAccessRun(PoolAccessRun.Change.GRANT, request.name(),
                                request.group(), request.role(), context, pools).execute()),
                new PoolHandler<>(PoolRevokeRequest.class,
                        (request, site) -> checks.revoke(request.name(), request.group(), request.role(), site),
                        (request, context) -> new PoolAccessRun(PoolAccessRun.Change.REVOKE, request.name(),
                                request.group(), request.role(), context, pools).execute()),
                new PoolHandler<>(PoolUpdateRequest.class, checks::update,
                        (request, context) -> new PoolUpdateRun(request, context, pools).execute()),
                new PoolHandler<>(PoolDeleteRequest.class, (request, site) -> checks.existing(request.name(), site),
                        (request, context) -> new PoolDeleteRun(request, context, pools).execute()));
    }
}
