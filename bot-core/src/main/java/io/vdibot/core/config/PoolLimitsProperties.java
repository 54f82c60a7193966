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
 * @param capacity     how much of a cluster's free memory the VMs a pool task starts may take
 *                     ({@code vdibot.limits.capacity.*})
 */
@ConfigurationProperties("vdibot.limits")
public record PoolLimitsProperties(@DefaultValue("238") int poolSizeMax, @DefaultValue("24") int batchSizeMax,
                                   @DefaultValue Capacity capacity) {

    /**
     * @param warnRatio   above this share of the cluster's free memory the task warns in its thread
     *                    ({@code vdibot.limits.capacity.warn-ratio}); 0 or less: never
     * @param refuseRatio above this share the request is refused before it becomes a task
     *                    ({@code vdibot.limits.capacity.refuse-ratio}); 0 or less: never
     */
    public record Capacity(@DefaultValue("0.8") double warnRatio, @DefaultValue("1.0") double refuseRatio) {

        public Capacity {
            if (!Double.isFinite(warnRatio) || !Double.isFinite(refuseRatio)) {
                throw new IllegalArgumentException("vdibot.limits.capacity.warn-ratio and .refuse-ratio must be "
                        + "numbers");
            }
        }
    }

    public PoolLimitsProperties {
        if (poolSizeMax < 1 || batchSizeMax < 1) {
            throw new IllegalArgumentException("vdibot.limits.pool-size-max and vdibot.limits.batch-size-max must be "
                    + "at least 1");
        }
        if (capacity == null) {
            capacity = new Capacity(PoolLimits.DEFAULT_WARN_RATIO, PoolLimits.DEFAULT_REFUSE_RATIO);
        }
    }

    public PoolLimits pools() {
        return new PoolLimits(poolSizeMax, batchSizeMax, capacity.warnRatio(), capacity.refuseRatio());
    }
}
