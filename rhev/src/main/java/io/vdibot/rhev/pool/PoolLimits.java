package io.vdibot.rhev.pool;

/**
 * Policy limits on pools, from configuration. The defaults are those of the system the bot replaces: pools below
 * 239 VMs, grown by fewer than 25 VMs at a time, which keeps one pool from holding the template and the storage
 * for long and bounds how many VMs a failure in one batch can touch.
 *
 * @param poolSizeMax  most VMs a pool may have
 * @param batchSizeMax most VMs added in one batch; also the batch size when a request names none
 */
public record PoolLimits(int poolSizeMax, int batchSizeMax) {

    public static final PoolLimits DEFAULTS = new PoolLimits(238, 24);

    public PoolLimits {
        if (poolSizeMax < 1 || batchSizeMax < 1) {
            throw new IllegalArgumentException("pool and batch limits must be at least 1");
        }
    }

    /** The batch size to use: the requested one, or the largest allowed. */
    public int batchFor(Integer requested) {
        return requested == null ? batchSizeMax : requested;
    }
}
