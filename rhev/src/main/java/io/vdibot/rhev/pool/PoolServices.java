package io.vdibot.rhev.pool;

import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.PacedPoller;
import java.time.Clock;
import java.util.Objects;

/**
 * What every pool run works with: the inventory, the engine operations, the limits and the capacity check, and how
 * it waits.
 */
record PoolServices(InventoryCache inventory, PoolActions actions, PoolVmActions vmActions, PoolLimits limits,
                    PoolCapacityCheck capacity, PoolTimings timings, Clock clock, PacedPoller poller) {

    static PoolServices of(InventoryCache inventory, PoolLimits limits, PoolTimings timings, Clock clock,
            Sleeper sleeper) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(timings, "timings");
        return new PoolServices(inventory, new PoolActions(inventory.queries()),
                new PoolVmActions(inventory.queries().calls(), timings.parallelCalls()),
                Objects.requireNonNull(limits, "limits"), new PoolCapacityCheck(inventory, limits), timings,
                Objects.requireNonNull(clock, "clock"),
                new PacedPoller(clock, Objects.requireNonNull(sleeper, "sleeper")));
    }
}
