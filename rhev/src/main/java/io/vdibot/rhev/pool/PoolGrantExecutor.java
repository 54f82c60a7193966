package io.vdibot.rhev.pool;

import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import java.time.Clock;

/**
 * {@code pool.grant}: gives a directory group a role on a pool ({@code preflight}, {@code grant}); the group and the
 * role are looked up by name in the engine, and granting what is granted already changes nothing.
 */
public final class PoolGrantExecutor extends PoolTaskExecutor {

    public PoolGrantExecutor(InventoryCache inventory, PoolTimings timings, Clock clock, Sleeper sleeper) {
        super(PoolGrantRequest.COMMAND_ID, inventory, PoolLimits.DEFAULTS, timings, clock, sleeper);
    }

    public PoolGrantExecutor(InventoryCache inventory) {
        this(inventory, PoolTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    protected TaskOutcome run(TaskContext context) {
        return new PoolAccessRun(context, inventory, actions, timings, clock, poller).execute();
    }
}
