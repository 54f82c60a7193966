package io.vdibot.commands.port;

import io.vdibot.commands.view.InventoryKind;

import java.util.List;

/**
 * Names in the estate, for form pickers and for the quick checks made before a task is accepted. Implemented
 * against the engines with a short-lived cache; a name list may therefore be a few seconds old.
 */
public interface InventoryLookup {

    /** The configured site names, default site first. */
    List<String> sites();

    /**
     * Names of {@code kind} at {@code site} that start with {@code prefix} (ignoring case), sorted, at most
     * {@code limit} (Slack shows at most 100 options).
     *
     * @param site   {@code null} for the default site
     * @param prefix {@code ""} for all
     */
    List<String> names(String site, InventoryKind kind, String prefix, int limit);

    /** Whether an object of {@code kind} named exactly {@code name} exists at {@code site}. */
    default boolean exists(String site, InventoryKind kind, String name) {
        return names(site, kind, name, Integer.MAX_VALUE).contains(name);
    }
}
