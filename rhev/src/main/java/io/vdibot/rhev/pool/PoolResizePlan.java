package io.vdibot.rhev.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * What the preflight of a resize settled: the pool, the VMs it had, and — to shrink it — which VMs to remove.
 * Journaled, so that a resumed task removes the VMs that were checked and reports what was added since.
 *
 * @param before names of the pool's VMs at the check
 * @param remove the VMs to remove, chosen among the down ones handed to nobody
 */
record PoolResizePlan(String poolId, List<String> before, List<VmRef> remove) {

    /** A VM by id, with its name for messages. */
    record VmRef(String id, String name) {
    }

    PoolResizePlan {
        before = List.copyOf(before);
        remove = List.copyOf(remove);
    }

    String journal() {
        List<String> refs = new ArrayList<>();
        remove.forEach(vm -> refs.add(vm.id() + ":" + vm.name()));
        return poolId + "|" + PoolJournal.names(before) + "|" + String.join(" ", refs);
    }

    static PoolResizePlan parse(String journal) {
        String[] parts = journal.split("\\|", -1);
        List<VmRef> remove = new ArrayList<>();
        for (String ref : PoolJournal.names(parts[2])) {
            int colon = ref.indexOf(':');
            remove.add(new VmRef(ref.substring(0, colon), ref.substring(colon + 1)));
        }
        return new PoolResizePlan(parts[0], PoolJournal.names(parts[1]), remove);
    }

    List<String> removeNames() {
        return remove.stream().map(VmRef::name).toList();
    }
}
