package io.vdibot.commands.task;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** Which log of a task {@code logs} shows; {@code all} (the chat summary of both) is the default. */
public enum LogKind implements Keyword {
    ALL,
    DEPLOY,
    ERROR;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
