package io.vdibot.commands.task;

import io.vdibot.commands.spec.Keyword;
import java.util.Locale;

/** Which tasks {@code tasks} lists; {@code all} (recent tasks of everyone) is the default. */
public enum TaskFilter implements Keyword {
    ALL,
    MINE,
    PENDING,
    SCHEDULED,
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    @Override
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
