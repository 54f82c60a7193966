package io.vdibot.commands.task;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** What of a task's logs {@code logs} shows; {@code all} (both logs, entry by entry) is the default. */
public enum LogKind implements Keyword {
    ALL,
    DEPLOY,
    ERROR,
    /** A few lines: counts, the errors, the last thing done; what on-call notices carry. */
    SUMMARY;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
