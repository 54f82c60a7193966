package io.vdibot.commands.form;

import io.vdibot.commands.view.InventoryKind;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a select field gets its options at the time the form is shown: the configured sites, or a kind of
 * inventory of the chosen site (served by {@link io.vdibot.commands.port.InventoryLookup}).
 */
public enum OptionsSource {
    SITES(null),
    VMS(InventoryKind.VMS),
    POOLS(InventoryKind.POOLS),
    TEMPLATES(InventoryKind.TEMPLATES),
    CLUSTERS(InventoryKind.CLUSTERS),
    STORAGE(InventoryKind.STORAGE),
    GROUPS(InventoryKind.GROUPS),
    ROLES(InventoryKind.ROLES);

    private final InventoryKind inventoryKind;

    OptionsSource(InventoryKind inventoryKind) {
        this.inventoryKind = inventoryKind;
    }

    /** The source's name, e.g. {@code templates}; stable, usable as an options-load id. */
    public String sourceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The inventory kind to look up; empty for {@link #SITES}, which come from configuration. */
    public Optional<InventoryKind> inventoryKind() {
        return Optional.ofNullable(inventoryKind);
    }
}
