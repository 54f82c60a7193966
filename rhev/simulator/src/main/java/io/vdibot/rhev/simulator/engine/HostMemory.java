package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.HostEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.HashMap;
import java.util.Map;

/**
 * A host's memory as the engine's scheduler counts it (VDS#calculateFreeSchedulingMemoryCache):
 * {@code max_scheduling_memory} = physical memory × the cluster's over-commit percentage − the memory
 * committed to the VMs placed on the host (each VM's memory plus the guest overhead) − the memory
 * reserved for the host itself, never below zero, in whole MiB. A VM counts from the moment it is
 * placed on the host ({@code wait_for_launch}) until it is down again, as the engine's pending and
 * committed memory do. {@code memory} stays the physical size.
 */
public final class HostMemory {

    private static final long MIB = 1L << 20;
    /** The engine's default memory reserved for the host's own processes (reserved_mem). */
    static final long RESERVED_BYTES = 256 * MIB;
    /** The engine's default overhead per running guest (guest_overhead): QEMU and page tables. */
    static final long GUEST_OVERHEAD_BYTES = 65 * MIB;

    private HostMemory() {
    }

    /** Memory the VM takes from its host's schedulable memory while it runs. */
    public static long required(VmEntity vm) {
        return vm.memoryBytes + GUEST_OVERHEAD_BYTES;
    }

    /** Memory committed to the VMs on each host, by host id, from one pass over the VMs. */
    public static Map<String, Long> committedByHost(Estate estate) {
        Map<String, Long> committed = new HashMap<>();
        for (VmEntity vm : estate.vms.values()) {
            if (vm.hostId != null) {
                committed.merge(vm.hostId, required(vm), Long::sum);
            }
        }
        return committed;
    }

    /** What the engine reports as {@code max_scheduling_memory} for the host, in bytes. */
    public static long maxScheduling(Estate estate, HostEntity host, long committed) {
        ClusterEntity cluster = estate.clusters.get(host.clusterId);
        int overCommit = cluster == null ? 100 : cluster.memoryOverCommitPercent;
        long free = host.memoryBytes * overCommit / 100 - committed - RESERVED_BYTES;
        return Math.max(0, free) / MIB * MIB;
    }

    /** {@link #maxScheduling(Estate, HostEntity, long)} for one host, counting its VMs now. */
    public static long maxScheduling(Estate estate, HostEntity host) {
        long committed = estate.vms.values().stream().filter(vm -> host.id.equals(vm.hostId))
                .mapToLong(HostMemory::required).sum();
        return maxScheduling(estate, host, committed);
    }
}
