package io.vdibot.core.pool;

import io.vdibot.core.command.TaskHandlerGroup;
import io.vdibot.core.config.PoolLimitsProperties;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.pool.PoolHandlers;
import io.vdibot.rhev.pool.PoolTimings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool commands ({@code pool create|resize|grant|revoke|update|delete}), checked against the configured limits.
 * Against faster engines ({@code vdibot.engine-time-scale} below 1: the demo's simulated sites) they wait as they would
 * for an engine running at that speed.
 */
@Configuration(proxyBeanMethods = false)
public class PoolConfiguration {

    /** Below this the simulated engine is all but instant; waits are not shortened further. */
    private static final double SMALLEST_SCALE = 0.01;

    @Bean
    public PoolTimings poolTimings(VdibotProperties properties) {
        double scale = properties.engineTimeScale();
        return scale == 1 ? PoolTimings.DEFAULTS : PoolTimings.DEFAULTS.scaled(Math.max(SMALLEST_SCALE, scale));
    }

    @Bean
    public TaskHandlerGroup poolHandlers(InventoryCache inventory, PoolLimitsProperties limits, PoolTimings timings,
            Clock clock) {
        return new TaskHandlerGroup(PoolHandlers.all(inventory, limits.pools(), timings, clock, Sleeper.system()));
    }
}
