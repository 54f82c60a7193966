package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.update}: changes a pool's description, prestarted VMs or VMs per user in one engine update
 * ({@code preflight}, {@code update-pool}) and shows each setting before and after.
 */
public final class PoolUpdateExecutor extends PoolTaskExecutor {

    public PoolUpdateExecutor(InventoryCache inventory, PoolTimings timings, Clock clock, Sleeper sleeper) {
        super(PoolUpdateRequest.COMMAND_ID, inventory, PoolLimits.DEFAULTS, timings, clock, sleeper);
    }

    public PoolUpdateExecutor(InventoryCache inventory) {
        this(inventory, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolUpdateRun(context, inventory, actions, timings, clock, poller).execute();
    }
}
