package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.List;

/** The table of pool VMs every pool result that adds VMs shows: name, status and IPv4 address ("-" when none). */
final class PoolResultTable {

    private PoolResultTable() {
    }

    static List<String> headers(Messages messages) {
        return List.of(messages.format("pool.field.vm"), messages.format("pool.field.status"),
                messages.format("pool.field.ip"));
    }

    static List<List<String>> rows(List<VmInfo> vms, Messages messages) {
        return vms.stream().map(vm -> List.of(vm.name(), messages.term(EngineTerm.VM_STATUS, vm.status()),
                vm.ipv4().orElse("-"))).toList();
    }
}
