package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskExecutor;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.PacedPoller;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/** What the executors of pool commands share: the inventory, the engine operations and how they wait. */
abstract class PoolTaskExecutor implements TaskExecutor {

    protected final InventoryCache inventory;
    protected final PoolActions actions;
    protected final PoolLimits limits;
    protected final PoolTimings timings;
    protected final Clock clock;
    protected final PacedPoller poller;
    private final String commandId;

    PoolTaskExecutor(String commandId, InventoryCache inventory, PoolLimits limits, PoolTimings timings, Clock clock,
            Sleeper sleeper) {
        this.commandId = commandId;
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new PacedPoller(clock, Objects.requireNonNull(sleeper, "sleeper"));
        this.actions = new PoolActions(inventory.queries(), timings.parallelCalls());
    }

    @Override
    public final Set<String> commandIds() {
        return Set.of(commandId);
    }

    @Override
    public final TaskOutcome execute(TaskContext context) {
        if (!commandId.equals(context.request().commandId())) {
            throw new IllegalArgumentException(commandId + " cannot run " + context.request().commandId());
        }
        return run(context);
    }

    protected abstract TaskOutcome run(TaskContext context);
}
