package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.resize}: grows a pool in batches ({@code preflight}, then {@code grow-N} and {@code created-N} per
 * batch), or shrinks it by removing VMs that are down and handed to nobody ({@code preflight}, {@code remove-vms});
 * a shrink the pool cannot give is refused at the check, with nothing changed.
 */
public final class PoolResizeExecutor extends PoolTaskExecutor {

    public PoolResizeExecutor(InventoryCache inventory, PoolLimits limits, PoolTimings timings, Clock clock,
            Sleeper sleeper) {
        super(PoolResizeRequest.COMMAND_ID, inventory, limits, timings, clock, sleeper);
    }

    public PoolResizeExecutor(InventoryCache inventory, PoolLimits limits) {
        this(inventory, limits, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolResizeRun(context, inventory, actions, limits, timings, clock, poller).execute();
    }
}
