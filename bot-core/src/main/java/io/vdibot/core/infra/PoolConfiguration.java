package io.vdibot.core.infra;

import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.core.config.PoolLimitsProperties;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.task.PoolCreateValidator;
import io.vdibot.core.task.PoolEditValidator;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.pool.PoolCreateExecutor;
import io.vdibot.rhev.pool.PoolDeleteExecutor;
import io.vdibot.rhev.pool.PoolGrantExecutor;
import io.vdibot.rhev.pool.PoolResizeExecutor;
import io.vdibot.rhev.pool.PoolRevokeExecutor;
import io.vdibot.rhev.pool.PoolTimings;
import io.vdibot.rhev.pool.PoolUpdateExecutor;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool commands: their intake checks against the configured limits, and their executors. Against the simulated
 * demo sites the executors wait as they would for an engine running at the demo's time scale.
 */
@Configuration(proxyBeanMethods = false)
public class PoolConfiguration {

    /** Below this the simulated engine is all but instant; waits are not shortened further. */
    private static final double SMALLEST_SCALE = 0.01;

    @Bean
    public PoolTimings poolTimings(VdibotProperties properties) {
        if (!properties.sites().isEmpty()) {
            return PoolTimings.DEFAULTS;
        }
        return PoolTimings.DEFAULTS.scaled(Math.max(SMALLEST_SCALE, properties.demo().timeScale()));
    }

    @Bean
    public PoolCreateValidator poolCreateValidator(InventoryLookup inventory, PoolLimitsProperties limits) {
        return new PoolCreateValidator(inventory, limits.pools());
    }

    @Bean
    public PoolEditValidator poolEditValidator(InventoryCache inventory, PoolLimitsProperties limits) {
        return new PoolEditValidator(inventory, limits.pools());
    }

    @Bean
    public PoolCreateExecutor poolCreateExecutor(InventoryCache inventory, PoolLimitsProperties limits,
            PoolTimings timings, Clock clock) {
        return new PoolCreateExecutor(inventory, limits.pools(), timings, clock, Sleeper.system());
    }

    @Bean
    public PoolResizeExecutor poolResizeExecutor(InventoryCache inventory, PoolLimitsProperties limits,
            PoolTimings timings, Clock clock) {
        return new PoolResizeExecutor(inventory, limits.pools(), timings, clock, Sleeper.system());
    }

    @Bean
    public PoolGrantExecutor poolGrantExecutor(InventoryCache inventory, PoolTimings timings, Clock clock) {
        return new PoolGrantExecutor(inventory, timings, clock, Sleeper.system());
    }

    @Bean
    public PoolRevokeExecutor poolRevokeExecutor(InventoryCache inventory, PoolTimings timings, Clock clock) {
        return new PoolRevokeExecutor(inventory, timings, clock, Sleeper.system());
    }

    @Bean
    public PoolUpdateExecutor poolUpdateExecutor(InventoryCache inventory, PoolTimings timings, Clock clock) {
        return new PoolUpdateExecutor(inventory, timings, clock, Sleeper.system());
    }

    @Bean
    public PoolDeleteExecutor poolDeleteExecutor(InventoryCache inventory, PoolTimings timings, Clock clock) {
        return new PoolDeleteExecutor(inventory, timings, clock, Sleeper.system());
    }
}
