package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.revoke}: takes a directory group's role on a pool away ({@code preflight}, {@code revoke}); when the group
 * has no such role on the pool nothing changes and the result says so.
 */
public final class PoolRevokeExecutor extends PoolTaskExecutor {

    public PoolRevokeExecutor(InventoryCache inventory, PoolTimings timings, Clock clock, Sleeper sleeper) {
        super(PoolRevokeRequest.COMMAND_ID, inventory, PoolLimits.DEFAULTS, timings, clock, sleeper);
    }

    public PoolRevokeExecutor(InventoryCache inventory) {
        this(inventory, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolAccessRun(context, inventory, actions, timings, clock, poller).execute();
    }
}
