package io.vdibot.rhev.pool;

import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether a cluster has the memory for the VMs a pool task will start: {@code need} = VMs to start × the memory one
 * of them holds, against {@code free} = the sum over the cluster's hosts that are up of what the engine can still
 * place there. The engine reports that as a host's {@code max_scheduling_memory}; a host that does not report it
 * counts its memory less the memory of the VMs running on it.
 *
 * @param cluster    the cluster's name, for messages
 * @param freeBytes  the cluster's free memory
 * @param vmsToStart VMs the task will start
 * @param perVmBytes memory one of them holds (the template's guaranteed memory when set)
 */
record PoolCapacity(String cluster, long freeBytes, int vmsToStart, long perVmBytes) {

    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    /** What the check says about a pool task. */
    enum Verdict { FITS, WARN, REFUSE }

    PoolCapacity {
        if (freeBytes < 0 || vmsToStart < 0 || perVmBytes < 0) {
            throw new IllegalArgumentException("memory and VM counts cannot be negative");
        }
    }

    /**
     * The free memory of a cluster's hosts.
     *
     * @param hosts the cluster's hosts
     * @param vms   the VMs running in the cluster, read only when a host up does not report its schedulable memory
     */
    static long free(List<HostInfo> hosts, Supplier<List<VmInfo>> vms) {
        Map<String, Long> running = null;
        long free = 0;
        for (HostInfo host : hosts) {
            if (!host.isUp()) {
                continue;
            }
            if (host.maxSchedulingMemoryBytes() != null) {
                free += Math.max(0, host.maxSchedulingMemoryBytes());
                continue;
            }
            if (running == null) {
                running = runningByHost(vms.get());
            }
            free += Math.max(0, host.memoryBytes() - running.getOrDefault(host.id(), 0L));
        }
        return free;
    }

    private static Map<String, Long> runningByHost(List<VmInfo> vms) {
        Map<String, Long> running = new HashMap<>();
        for (VmInfo vm : vms) {
            if (vm.hostId() != null) {
                running.merge(vm.hostId(), vm.memoryBytes(), Long::sum);
            }
        }
        return running;
    }

    long needBytes() {
        return vmsToStart * perVmBytes;
    }

    /** Refused above the refuse ratio of the free memory, a warning above the warn ratio; a ratio ≤ 0 is off. */
    Verdict verdict(PoolLimits limits) {
        if (needBytes() == 0) {
            return Verdict.FITS;
        }
        if (limits.capacityRefuseRatio() > 0 && exceeds(limits.capacityRefuseRatio())) {
            return Verdict.REFUSE;
        }
        if (limits.capacityWarnRatio() > 0 && exceeds(limits.capacityWarnRatio())) {
            return Verdict.WARN;
        }
        return Verdict.FITS;
    }

    private boolean exceeds(double ratio) {
        return BigDecimal.valueOf(needBytes()).compareTo(BigDecimal.valueOf(freeBytes)
                .multiply(BigDecimal.valueOf(ratio))) > 0;
    }

    /**
     * The arguments of {@code pool.capacity.refused} and {@code pool.capacity.warning}: pool, VMs to start, memory
     * of one, memory of all, cluster, site, free memory, the ratio crossed in percent.
     */
    Object[] args(String pool, String site, double ratio) {
        return new Object[] {pool, Integer.toString(vmsToStart), gib(perVmBytes), gib(needBytes()), cluster, site,
                gib(freeBytes), percent(ratio)};
    }

    /** Bytes in GiB for people: {@code 4 GiB}, {@code 251.6 GiB}. */
    static String gib(long bytes) {
        return plain(BigDecimal.valueOf(bytes).divide(GIB, 1, RoundingMode.HALF_UP)) + " GiB";
    }

    static String percent(double ratio) {
        return plain(BigDecimal.valueOf(ratio).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
