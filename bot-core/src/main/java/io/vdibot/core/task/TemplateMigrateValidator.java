package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.template.TemplateMigrateRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code template migrate}: two different known sites; the template exists at the source; the cluster and storage
 * exist at the target and the name it will have there is free. The export domain and the hosts are the executor's
 * preflight: they change while a request waits for approval.
 */
public final class TemplateMigrateValidator implements TaskValidator {

    private final InventoryLookup inventory;

    public TemplateMigrateValidator(InventoryLookup inventory) {
        this.inventory = inventory;
    }

    @Override
    public boolean validates(TaskRequest request) {
        return request instanceof TemplateMigrateRequest;
    }

    @Override
    public List<String> problems(TaskRequest request, String site, Messages messages) {
        TemplateMigrateRequest migrate = (TemplateMigrateRequest) request;
        List<String> sites = inventory.sites();
        List<String> problems = new ArrayList<>();
        for (String named : List.of(migrate.fromSite(), migrate.toSite())) {
            if (!sites.contains(named)) {
                problems.add(messages.format("validate.site-unknown", named, String.join(", ", sites)));
            }
        }
        if (migrate.fromSite().equals(migrate.toSite())) {
            problems.add(messages.format("validate.sites-same", migrate.fromSite()));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!inventory.exists(migrate.fromSite(), InventoryKind.TEMPLATES, migrate.name())) {
            problems.add(messages.format("validate.template-unknown", migrate.name(), migrate.fromSite()));
        }
        String targetName = migrate.targetName() != null ? migrate.targetName() : migrate.name();
        if (inventory.exists(migrate.toSite(), InventoryKind.TEMPLATES, targetName)) {
            problems.add(messages.format("validate.target-name-taken", targetName, migrate.toSite()));
        }
        if (!inventory.exists(migrate.toSite(), InventoryKind.CLUSTERS, migrate.cluster())) {
            problems.add(messages.format("validate.cluster-unknown", migrate.cluster(), migrate.toSite()));
        }
        if (!inventory.exists(migrate.toSite(), InventoryKind.STORAGE, migrate.storage())) {
            problems.add(messages.format("validate.storage-unknown", migrate.storage(), migrate.toSite()));
        }
        return problems;
    }
}
