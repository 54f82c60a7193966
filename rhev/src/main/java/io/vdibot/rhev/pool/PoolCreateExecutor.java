package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.create}: a pool from a template version, built batch by batch, its prestarted VMs up with their
 * addresses, and an optional group granted a role on it. Steps: {@code preflight}, {@code create-pool} (the first
 * batch), then per batch {@code grow-N} (from the second on), {@code created-N}, {@code start-N}, {@code ready-N},
 * and {@code grant}. Every step is journaled and safe to repeat; a resumed task finds its pool by name and the task
 * code in the pool's description, and continues at the batch it was in.
 */
public final class PoolCreateExecutor extends PoolTaskExecutor {

    public PoolCreateExecutor(InventoryCache inventory, PoolLimits limits, PoolTimings timings, Clock clock,
            Sleeper sleeper) {
        super(PoolCreateRequest.COMMAND_ID, inventory, limits, timings, clock, sleeper);
    }

    public PoolCreateExecutor(InventoryCache inventory, PoolLimits limits) {
        this(inventory, limits, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolCreateRun(context, inventory, actions, limits, timings, clock, poller).execute();
    }
}
