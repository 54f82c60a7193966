package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code /vdi show vm NAME}: where a VM runs, how to reach it, what it was made from and whom it belongs to. */
final class VmView {

    private final InventoryCache inventory;

    VmView(InventoryCache inventory) {
        this.inventory = inventory;
    }

    /** The VM at each site of {@code sites} that has one; a "not found" answer when none has. */
    Reply show(String name, SiteChoice sites, Messages m) {
        Reply.Builder reply = Reply.builder();
        boolean found = false;
        for (String site : sites.sites()) {
            List<VmInfo> vms = inventory.vmsNamed(site, name);
            SiteLookup at = new SiteLookup(inventory, site);
            for (VmInfo vm : vms) {
                found = true;
                reply.heading(m.format("show.vm.heading", vm.name(), site)).fields(fields(vm, at, m));
            }
        }
        if (found) {
            return reply.build();
        }
        return ShowHandler.notFound("view.kind.vm", InventoryKind.VMS, name, sites, inventory, m);
    }

    private static List<Field> fields(VmInfo vm, SiteLookup at, Messages m) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(m.format("view.column.status"), m.term(EngineTerm.VM_STATUS, vm.status())));
        fields.add(new Field(m.format("view.column.host"), at.hostName(vm.hostId())));
        fields.add(new Field(m.format("view.field.ips"), Formats.join(vm.addresses())));
        fields.add(new Field(m.format("view.field.fqdn"), Formats.orNone(vm.fqdn())));
        fields.add(new Field(m.format("view.column.cluster"), at.clusterName(vm.clusterId())));
        fields.add(new Field(m.format("view.column.data-center"), at.cluster(vm.clusterId())
                .map(c -> Formats.orNone(c.dataCenterName())).orElse(Formats.NONE)));
        fields.add(new Field(m.format("view.column.template"), at.template(vm.templateId())
                .map(t -> Formats.longVersion(t, m)).orElse(Formats.NONE)));
        fields.add(new Field(m.format("view.column.pool"), at.poolName(vm.poolId())));
        fields.add(new Field(m.format("view.field.memory"), Formats.bytes(vm.memoryBytes())));
        fields.add(new Field(m.format("view.field.cpus"), String.valueOf(vm.cpus())));
        fields.add(new Field(m.format("view.field.assigned-to"),
                Formats.join(vm.userIds().stream().map(at::userName).sorted().toList())));
        fields.add(new Field(m.format("view.column.description"), Formats.orNone(vm.description())));
        return fields;
    }
}
