package io.vdibot.rhev.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a pool's VMs are used, counted from the VM list: the engine reports only a pool's size, and its running and
 * assigned counts exist only as search fields, so one VM listing answers for every pool at once.
 *
 * @param vms       VMs in the pool now
 * @param running   of those, the ones up
 * @param handedOut of those, the ones handed to a user: taking a VM from a pool grants the user a role on that VM
 *                  (the engine refuses any other grant on a pool VM), and a manual pool keeps it until an
 *                  administrator removes it
 */
public record PoolUsage(int vms, int running, int handedOut) {

    public static final PoolUsage NONE = new PoolUsage(0, 0, 0);

    /** Usage of every pool that has VMs, by pool id. */
    public static Map<String, PoolUsage> of(List<VmInfo> vms) {
        Map<String, int[]> counts = new HashMap<>();
        for (VmInfo vm : vms) {
            if (vm.poolId() == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(vm.poolId(), id -> new int[3]);
            c[0]++;
            if (vm.isUp()) {
                c[1]++;
            }
            if (!vm.userIds().isEmpty()) {
                c[2]++;
            }
        }
        Map<String, PoolUsage> usage = new HashMap<>();
        counts.forEach((pool, c) -> usage.put(pool, new PoolUsage(c[0], c[1], c[2])));
        return Map.copyOf(usage);
    }
}
