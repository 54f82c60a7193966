package io.vdibot.core.config;

import io.vdibot.rhev.pool.PoolLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policy limits on pools ({@code vdibot.limits.*}), checked when a request comes in and again when its task runs.
 * The defaults are those of the system the bot replaces: pools below 239 VMs, grown by fewer than 25 at a time.
 *
 * @param poolSizeMax  most VMs a pool may have ({@code vdibot.limits.pool-size-max})
 * @param batchSizeMax most VMs a pool grows by at a time, and the batch size when a request names none
 *                     ({@code vdibot.limits.batch-size-max})
 */
@ConfigurationProperties("vdibot.limits")
public record PoolLimitsProperties(@DefaultValue("238") int poolSizeMax, @DefaultValue("24") int batchSizeMax) {

    public PoolLimitsProperties {
        if (poolSizeMax < 1 || batchSizeMax < 1) {
            throw new IllegalArgumentException("vdibot.limits.pool-size-max and vdibot.limits.batch-size-max must be "
                    + "at least 1");
        }
    }

    public PoolLimits pools() {
        return new PoolLimits(poolSizeMax, batchSizeMax);
    }
}
