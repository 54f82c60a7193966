package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import java.util.ArrayList;
import java.util.List;

/** {@code vm create}: the template and cluster exist and the name is free at the site. */
public final class VmCreateValidator implements TaskValidator {

    private final InventoryLookup inventory;

    public VmCreateValidator(InventoryLookup inventory) {
        this.inventory = inventory;
    }

    @Override
    public boolean validates(TaskRequest request) {
        return request instanceof VmCreateRequest;
    }

    @Override
    public List<String> problems(TaskRequest request, String site, Messages messages) {
        VmCreateRequest vm = (VmCreateRequest) request;
        List<String> problems = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.TEMPLATES, vm.template())) {
            problems.add(messages.format("validate.template-unknown", vm.template(), site));
        }
        if (vm.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, vm.cluster())) {
            problems.add(messages.format("validate.cluster-unknown", vm.cluster(), site));
        }
        if (inventory.exists(site, InventoryKind.VMS, vm.name())) {
            problems.add(messages.format("validate.name-taken", vm.name(), site));
        }
        return problems;
    }
}
