package io.vdibot.commands.view;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** The kinds of object {@code show} can describe. */
public enum ShowKind implements Keyword {
    VM,
    POOL,
    TEMPLATE;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
