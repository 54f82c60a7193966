package io.vdibot.rhev.pool;

import io.vdibot.rhev.inventory.VmInfo;
import java.util.Comparator;
import java.util.List;

/**
 * What shrinking a pool to {@code size} VMs takes. The engine refuses to decrease a pool, so the VMs to remove are
 * chosen here: only those down and handed to nobody (no user grant on the VM), the highest numbers first, so the
 * pool keeps its low, familiar names. Asked before a resize is accepted and again at its preflight.
 *
 * @param vms       the pool's VMs, with their grants
 * @param removable the VMs that may go, highest numbers first
 */
record PoolShrink(String pool, List<VmInfo> vms, int size, List<VmInfo> removable) {

    PoolShrink {
        vms = List.copyOf(vms);
        removable = List.copyOf(removable);
    }

    static PoolShrink of(String pool, List<VmInfo> vms, int size) {
        return new PoolShrink(pool, vms, size, vms.stream().filter(PoolShrink::free)
                .sorted(Comparator.comparing(VmInfo::name, PoolJournal.NAME_ORDER).reversed()).toList());
    }

    /** Down and handed to nobody: a VM the pool can give up. */
    static boolean free(VmInfo vm) {
        return "down".equals(vm.status()) && vm.userIds().isEmpty();
    }

    int excess() {
        return vms.size() - size;
    }

    boolean possible() {
        return removable.size() >= excess();
    }

    /** The VMs to remove, when {@link #possible()}. */
    List<VmInfo> chosen() {
        return removable.subList(0, Math.max(0, excess()));
    }

    /**
     * The arguments of the refusal ({@code pool.resize.shrink-refused}): pool, VMs, size asked for, VMs to remove,
     * VMs that could go, running VMs, down VMs handed to a user.
     */
    Object[] refusal() {
        long running = vms.stream().filter(vm -> !"down".equals(vm.status())).count();
        long handedOut = vms.stream().filter(vm -> "down".equals(vm.status()) && !vm.userIds().isEmpty()).count();
        return new Object[] {pool, vms.size(), size, excess(), removable.size(), running, handedOut};
    }
}
