package io.vdibot.rhev.pool;

/**
 * Policy limits on pools, from configuration. The defaults are those of the system the bot replaces: pools below
 * 239 VMs, grown by fewer than 25 VMs at a time, which keeps one pool from holding the template and the storage
 * for long and bounds how many VMs a failure in one batch can touch.
 *
 * @param poolSizeMax         most VMs a pool may have
 * @param batchSizeMax        most VMs added in one batch; also the batch size when a request names none
 * @param capacityWarnRatio   the share of the cluster's free memory above which the VMs a pool task starts are
 *                            worth a warning in the task's thread; 0 or less: no warning
 * @param capacityRefuseRatio the share above which the request is refused; 0 or less: never refused
 */
public record PoolLimits(int poolSizeMax, int batchSizeMax, double capacityWarnRatio, double capacityRefuseRatio) {

    public static final double DEFAULT_WARN_RATIO = 0.8;
    public static final double DEFAULT_REFUSE_RATIO = 1.0;
    public static final PoolLimits DEFAULTS = new PoolLimits(238, 24);

    public PoolLimits {
        if (poolSizeMax < 1 || batchSizeMax < 1) {
            throw new IllegalArgumentException("pool and batch limits must be at least 1");
        }
        if (!Double.isFinite(capacityWarnRatio) || !Double.isFinite(capacityRefuseRatio)) {
            throw new IllegalArgumentException("capacity ratios must be finite numbers");
        }
    }

    /** The size limits with the default capacity ratios. */
    public PoolLimits(int poolSizeMax, int batchSizeMax) {
        this(poolSizeMax, batchSizeMax, DEFAULT_WARN_RATIO, DEFAULT_REFUSE_RATIO);
    }

    /** The batch size to use: the requested one, or the largest allowed. */
    public int batchFor(Integer requested) {
        return requested == null ? batchSizeMax : requested;
    }
}
