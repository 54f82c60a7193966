package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.delete}: removes a pool with its VMs ({@code preflight}, {@code remove-pool}, {@code wait-gone}); the
 * engine powers the VMs off first. Policy normally has an approver confirm it before it runs.
 */
public final class PoolDeleteExecutor extends PoolTaskExecutor {

    public PoolDeleteExecutor(InventoryCache inventory, PoolTimings timings, Clock clock, Sleeper sleeper) {
        super(PoolDeleteRequest.COMMAND_ID, inventory, PoolLimits.DEFAULTS, timings, clock, sleeper);
    }

    public PoolDeleteExecutor(InventoryCache inventory) {
        this(inventory, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolDeleteRun(context, inventory, actions, timings, clock, poller).execute();
    }
}
