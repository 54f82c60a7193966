package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.List;
import java.util.Set;

/**
 * What a pool VM's state means to pool tasks: whether it counts towards the pool's prestarted VMs, how many of a
 * batch's new VMs must be started for the pool to have them, and whether a VM left down is healthy.
 */
final class PoolVmStates {

    /**
     * A VM not started by the task is healthy when it is down, or running because the engine's pool monitor started
     * it meanwhile, and none of its disks is illegal.
     */
    private static final Set<String> HEALTHY = Set.of("down", "wait_for_launch", "powering_up", "up",
            "powering_down", "reboot_in_progress", "migrating");

    private PoolVmStates() {
    }

    /** Running (or on its way up) and handed to nobody: what the engine counts as a prestarted VM. */
    static boolean prestarted(VmInfo vm) {
        return !"down".equals(vm.status()) && !"image_locked".equals(vm.status()) && vm.userIds().isEmpty();
    }

    static int prestarted(List<VmInfo> vms) {
        return (int) vms.stream().filter(PoolVmStates::prestarted).count();
    }

    /** How many of {@code candidates} new VMs to start so that the pool has {@code wanted} prestarted VMs. */
    static int toStart(int wanted, int prestartedNow, int candidates) {
        return Math.max(0, Math.min(candidates, wanted - prestartedNow));
    }

    /** A down VM the engine will run: its disks were created and none is illegal. */
    static boolean startable(VmInfo vm) {
        return "down".equals(vm.status()) && !vm.illegalImages();
    }

    /** Why a VM left down is not healthy, in the requester's words; null when it is healthy. */
    static String problem(VmInfo vm, Messages messages) {
        if (vm == null) {
            return messages.format("pool.status.gone");
        }
        if (vm.illegalImages()) {
            return messages.format("pool.unhealthy.illegal");
        }
        return HEALTHY.contains(vm.status()) ? null : messages.format("pool.unhealthy.status",
                EngineTerm.VM_STATUS.of(vm.status()));
    }
}
