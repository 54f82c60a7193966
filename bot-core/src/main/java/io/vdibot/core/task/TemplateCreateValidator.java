package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.template.TemplateCreateRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code template create}: the VM, cluster and storage exist at the site; a new template's name is free there, and
 * a new version names an existing template and keeps its name (the engine gives every version its base's name).
 */
public final class TemplateCreateValidator implements TaskValidator {

    private final InventoryLookup inventory;

    public TemplateCreateValidator(InventoryLookup inventory) {
        this.inventory = inventory;
    }

    @Override
    public boolean validates(TaskRequest request) {
        return request instanceof TemplateCreateRequest;
    }

    @Override
    public List<String> problems(TaskRequest request, String site, Messages messages) {
        TemplateCreateRequest template = (TemplateCreateRequest) request;
        List<String> problems = new ArrayList<>();
        if (!inventory.exists(site, InventoryKind.VMS, template.vm())) {
            problems.add(messages.format("validate.vm-unknown", template.vm(), site));
        }
        if (template.cluster() != null && !inventory.exists(site, InventoryKind.CLUSTERS, template.cluster())) {
            problems.add(messages.format("validate.cluster-unknown", template.cluster(), site));
        }
        if (template.storage() != null && !inventory.exists(site, InventoryKind.STORAGE, template.storage())) {
            problems.add(messages.format("validate.storage-unknown", template.storage(), site));
        }
        if (template.versionOf() == null) {
            if (template.versionName() != null) {
                problems.add(messages.format("validate.version-name-without-base"));
            }
            if (inventory.exists(site, InventoryKind.TEMPLATES, template.name())) {
                problems.add(messages.format("validate.template-name-taken", template.name(), site));
            }
        } else {
            if (!inventory.exists(site, InventoryKind.TEMPLATES, template.versionOf())) {
                problems.add(messages.format("validate.version-of-unknown", template.versionOf(), site));
            }
            if (!template.versionOf().equals(template.name())) {
                problems.add(messages.format("validate.version-keeps-name", template.versionOf(), template.name()));
            }
        }
        return problems;
    }
}
