package io.vdibot.commands.view;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** The kinds of inventory {@code list} can page through and pickers can offer; the keyword is the plural the grammar uses. */
public enum InventoryKind implements Keyword {
    VMS,
    POOLS,
    TEMPLATES,
    HOSTS,
    CLUSTERS,
    STORAGE,
    NETWORKS,
    USERS,
    GROUPS,
    ROLES;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
