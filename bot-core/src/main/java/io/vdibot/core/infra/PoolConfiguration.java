package io.vdibot.core.infra;

import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.core.config.PoolLimitsProperties;
import io.vdibot.core.task.PoolCreateValidator;
import io.vdibot.core.task.PoolEditValidator;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.pool.PoolCreateExecutor;
import io.vdibot.rhev.pool.PoolDeleteExecutor;
import io.vdibot.rhev.pool.PoolGrantExecutor;
import io.vdibot.rhev.pool.PoolResizeExecutor;
import io.vdibot.rhev.pool.PoolRevokeExecutor;
import io.vdibot.rhev.pool.PoolUpdateExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool commands: their intake checks against the configured limits, and their executors. */
@Configuration(proxyBeanMethods = false)
public class PoolConfiguration {

    @Bean
    public PoolCreateValidator poolCreateValidator(InventoryLookup inventory, PoolLimitsProperties limits) {
        return new PoolCreateValidator(inventory, limits.pools());
    }

    @Bean
    public PoolEditValidator poolEditValidator(InventoryCache inventory, PoolLimitsProperties limits) {
        return new PoolEditValidator(inventory, limits.pools());
    }

    @Bean
    public PoolCreateExecutor poolCreateExecutor(InventoryCache inventory, PoolLimitsProperties limits) {
        return new PoolCreateExecutor(inventory, limits.pools());
    }

    @Bean
    public PoolResizeExecutor poolResizeExecutor(InventoryCache inventory, PoolLimitsProperties limits) {
        return new PoolResizeExecutor(inventory, limits.pools());
    }

    @Bean
    public PoolGrantExecutor poolGrantExecutor(InventoryCache inventory) {
        return new PoolGrantExecutor(inventory);
    }

    @Bean
    public PoolRevokeExecutor poolRevokeExecutor(InventoryCache inventory) {
        return new PoolRevokeExecutor(inventory);
    }

    @Bean
    public PoolUpdateExecutor poolUpdateExecutor(InventoryCache inventory) {
        return new PoolUpdateExecutor(inventory);
    }

    @Bean
    public PoolDeleteExecutor poolDeleteExecutor(InventoryCache inventory) {
        return new PoolDeleteExecutor(inventory);
    }
}
