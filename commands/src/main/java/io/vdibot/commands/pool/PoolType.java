package io.vdibot.commands.pool;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** How a pool hands out VMs: {@code automatic} returns a VM to the pool when the user is done, {@code manual} keeps it assigned until an administrator frees it. */
public enum PoolType implements Keyword {
    AUTOMATIC,
    MANUAL;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
